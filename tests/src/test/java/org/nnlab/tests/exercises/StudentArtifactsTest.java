package org.nnlab.tests.exercises;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnlab.curriculum.exercise.Exercise;
import org.nnlab.curriculum.exercise.ExerciseCatalog;
import org.nnlab.curriculum.exercise.Release;
import org.nnlab.curriculum.grading.GradedTest;
import org.nnlab.curriculum.grading.TestPlan;
import org.nnlab.tests.maven.LocalRepository;

/**
 * Nothing a student gets holds a reference solution or a hidden test: not the artifacts a released
 * exercise depends on (nnlab's library jars with their sources and javadoc, and
 * nnlab-exercise-api), not the released folders.
 */
class StudentArtifactsTest {
    private static final String VERSION = "0.1.0-SNAPSHOT";
    private static final List<String> STUDENT_ARTIFACTS = List.of("nn-core", "nn-dsl", "nn-data", "nn-viz",
            "nnlab-exercise-api");

    /**
     * What would betray a solution or a hidden test: every run of three consecutive lines of the
     * instructor's version (trimmed) that the exercise's release does not show anyway, and the method
     * name of every hidden test (its score-sheet name may be described in the README).
     */
    private static Set<String> secrets() {
        Set<String> secrets = new HashSet<>();
        for (Exercise e : ExerciseCatalog.bundled().all()) {
            TestPlan.of(e).tests().stream().filter(GradedTest::hidden).forEach(t -> secrets.add(t.methodName()));
            List<String> files = new ArrayList<>(e.studentFiles());
            files.addAll(e.testFiles());
            // What the exercise's release shows anyway (e.g. starter code a hidden test repeats) is no secret.
            String released = normalized(files.stream().map(f -> e.marked(f).studentVersion())
                    .collect(Collectors.joining("\n")));
            for (String path : files) {
                List<String> run = new ArrayList<>();
                for (String line : e.marked(path).instructorVersion().lines().map(String::strip).toList()) {
                    if (line.startsWith("// BEGIN") || line.startsWith("// END") || line.isEmpty()) {
                        run.clear();
                        continue;
                    }
                    run.add(line);
                    String window = run.size() >= 3 ? String.join("\n", run.subList(run.size() - 3, run.size())) : null;
                    // Runs of braces and one-word lines say nothing; a telling run has some code in it.
                    if (window != null && window.replaceAll("[{}();\\s]", "").length() >= 30 && !released.contains(window)) {
                        secrets.add(window);
                    }
                }
            }
        }
        assertTrue(secrets.size() > 50, "found only " + secrets.size() + " secrets");
        return secrets;
    }

    /** {@code text} with each line trimmed, as {@link #secrets()} compares. */
    private static String normalized(String text) {
        return text.lines().map(String::strip).collect(Collectors.joining("\n"));
    }

    @Test
    void theArtifactsAReleasedExerciseDependsOnHoldNoSolutionAndNoHiddenTest() throws IOException {
        Set<String> secrets = secrets();
        int jars = 0;
        for (String artifact : STUDENT_ARTIFACTS) {
            Path folder = LocalRepository.root().resolve("org/nnlab").resolve(artifact).resolve(VERSION);
            for (String suffix : List.of(".jar", "-sources.jar", "-javadoc.jar")) {
                Path jar = folder.resolve(artifact + "-" + VERSION + suffix);
                assertTrue(Files.isRegularFile(jar), jar + " is not installed; run mvn -B install");
                assertNoSecrets(jar, secrets);
                jars++;
            }
        }
        assertEquals(15, jars);
    }

    @Test
    void releasedFoldersHoldNoSolutionAndNoHiddenTest(@TempDir Path tmp) throws IOException {
        Set<String> secrets = secrets();
        for (Exercise e : ExerciseCatalog.bundled().all()) {
            Release.write(e, tmp);
        }
        try (Stream<Path> files = Files.walk(tmp)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String text = normalized(Files.readString(f, StandardCharsets.UTF_8));
                for (String secret : secrets) {
                    assertFalse(text.contains(secret), tmp.relativize(f) + " holds the secret: " + secret);
                }
                assertFalse(text.contains("BEGIN SOLUTION") || text.contains("HIDDEN TESTS"), tmp.relativize(f).toString());
            }
        }
    }

    private static void assertNoSecrets(Path jar, Set<String> secrets) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                assertFalse(entry.getName().startsWith("exercises/") || entry.getName().contains("/exercises/"),
                        jar.getFileName() + " holds " + entry.getName());
                if (entry.isDirectory() || entry.getName().endsWith(".class") && entry.getSize() > 1 << 20) {
                    continue;
                }
                String text = normalized(new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8));
                for (String secret : secrets) {
                    assertFalse(text.contains(secret), jar.getFileName() + "!" + entry.getName() + " holds the secret: " + secret);
                }
            }
        }
    }
}
