package org.nnlab.tests.exercises;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnlab.curriculum.exercise.Exercise;
import org.nnlab.curriculum.exercise.ExerciseCatalog;
import org.nnlab.curriculum.exercise.Release;
import org.nnlab.curriculum.exercise.ReleasedProject;
import org.nnlab.curriculum.grading.GradeOptions;
import org.nnlab.curriculum.grading.GradeReport;
import org.nnlab.curriculum.grading.Grader;
import org.nnlab.curriculum.grading.TestPlan;
import org.nnlab.tests.maven.LocalRepository;

/**
 * Every released exercise is a Maven project a student can build offline, from the artifacts
 * this build installed: the starter compiles and its visible tests fail with the TODO message;
 * with the reference solution dropped in, every visible test passes and the full visible score is
 * printed; the documented one-liner makes a zip the grader takes.
 */
class ReleasedExercisesBuildTest {
    private static final List<Exercise> EXERCISES = ExerciseCatalog.bundled().all();

    @Test
    void everyReleaseBuildsOfflineFailsWithTheTodosAndPassesWithTheReference(@TempDir Path tmp) throws Exception {
        assertTrue(Files.isDirectory(LocalRepository.root().resolve("org/nnlab/nnlab-exercise-api")), "nnlab-exercise-api"
                + " is not in the local repository " + LocalRepository.root() + "; run mvn -B install, which installs it"
                + " before these tests.");
        for (Exercise e : EXERCISES) {
            Release.write(e, tmp);
        }
        Files.writeString(tmp.resolve("pom.xml"), aggregator());

        Run starter = maven(tmp, "test", "-fae");
        assertNotEquals(0, starter.status(), starter.output());
        assertEquals(expectedScores(e -> 0.0), scoreLines(starter.output()), starter.output());
        assertTrue(starter.output().contains("Not written yet: TODO: implement"), starter.output());
        assertTrue(!starter.output().contains("COMPILATION ERROR"), starter.output());

        for (Exercise e : EXERCISES) {
            for (Map.Entry<String, String> source : e.referenceSources().entrySet()) {
                String path = e.studentFiles().stream().filter(p -> p.endsWith("/" + source.getKey())).findFirst().orElseThrow();
                Files.writeString(tmp.resolve(e.id()).resolve(path), source.getValue());
            }
        }
        Run reference = maven(tmp, "test");
        assertEquals(0, reference.status(), reference.output());
        assertEquals(expectedScores(e -> TestPlan.of(e).visibleOnly().maxScore()), scoreLines(reference.output()),
                reference.output());
    }

    @Test
    void theDocumentedZipIsWhatTheGraderTakes(@TempDir Path tmp) throws Exception {
        Exercise fibonacci = ExerciseCatalog.bundled().find("fibonacci");
        Release.write(fibonacci, tmp);
        Path project = tmp.resolve("fibonacci");
        Files.writeString(project.resolve(fibonacci.studentFiles().get(0)),
                fibonacci.referenceSources().get("Fibonacci.java"));
        List<String> command = List.of(ReleasedProject.zipCommand(fibonacci).split(" "));
        List<String> jar = new java.util.ArrayList<>(command);
        jar.set(0, Path.of(System.getProperty("java.home"), "bin", "jar").toString());
        Process p = new ProcessBuilder(jar).directory(project.toFile()).redirectErrorStream(true).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        GradeReport report = new Grader(GradeOptions.defaults())
                .grade(fibonacci, project.resolve("fibonacci-submission.zip"));
        assertEquals(13.0, report.score(), report.notes().toString());
    }

    /** "score/max visible points" line → how many exercises print it. */
    private static Map<String, Long> expectedScores(Function<Exercise, Double> score) {
        return EXERCISES.stream().map(e -> line(score.apply(e), TestPlan.of(e).visibleOnly().maxScore()))
                .collect(Collectors.groupingBy(s -> s, TreeMap::new, Collectors.counting()));
    }

    private static Map<String, Long> scoreLines(String output) {
        return output.lines().filter(l -> l.contains(" visible points; hidden tests run after submission"))
                .map(l -> l.substring(0, l.indexOf(" visible points")))
                .collect(Collectors.groupingBy(s -> s, TreeMap::new, Collectors.counting()));
    }

    private static String line(double score, double max) {
        return String.format(Locale.ROOT, "%d/%d", Math.round(score), Math.round(max));
    }

    private static String aggregator() {
        return "<project xmlns=\"http://maven.apache.org/POM/4.0.0\"><modelVersion>4.0.0</modelVersion>"
                + "<groupId>org.nnlab.exercises</groupId><artifactId>all</artifactId><version>1.0</version>"
                + "<packaging>pom</packaging><modules>"
                + EXERCISES.stream().map(e -> "<module>" + e.id() + "</module>").collect(Collectors.joining())
                + "</modules></project>\n";
    }

    private record Run(int status, String output) {
    }

    private static Run maven(Path folder, String... goals) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(LocalRepository.offlineMaven(goals)).directory(folder.toFile())
                .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(10, TimeUnit.MINUTES), output);
        return new Run(p.exitValue(), output);
    }
}
