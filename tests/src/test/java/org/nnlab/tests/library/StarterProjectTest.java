package org.nnlab.tests.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnlab.tests.maven.LocalRepository;

/**
 * nnlab as a library: the starter project builds outside this repository against the installed
 * artifacts, offline, and the installed POMs stand alone.
 *
 * <p>Needs nnlab in the local Maven repository, which the README's test command
 * ({@code mvn -B install}) puts there before this module's tests run.
 */
class StarterProjectTest {
    private static final Path REPO = Path.of("").toAbsolutePath().getParent();
    private static final Path LOCAL = LocalRepository.root().resolve("org").resolve("nnlab");
    private static final String VERSION = "0.1.0-SNAPSHOT";

    @Test
    void starterProjectCompilesPassesItsTestAndWritesItsReportOffline(@TempDir Path tmp) throws Exception {
        requireInstalled();
        Path project = tmp.resolve("my-project");
        copy(REPO.resolve("starter"), project);
        Process p = new ProcessBuilder(LocalRepository.offlineMaven("verify"))
                .directory(project.toFile()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES));
        assertEquals(0, p.exitValue(), output);
        assertTrue(Files.exists(project.resolve("target/surefire-reports/TEST-starter.DigitClassifierTest.xml")), output);
        String junit = Files.readString(project.resolve("target/surefire-reports/TEST-starter.DigitClassifierTest.xml"));
        assertTrue(junit.contains("tests=\"1\"") && junit.contains("failures=\"0\"") && junit.contains("errors=\"0\""), junit);
        assertTrue(output.contains("test accuracy: 0.9"), output);
    }

    @Test
    void installedPomsHaveConcreteVersionsAndNoParent() throws IOException {
        requireInstalled();
        for (String artifact : List.of("nn-core", "nn-dsl", "nn-data", "nn-viz", "nnlab")) {
            String pom = Files.readString(LOCAL.resolve(artifact).resolve(VERSION).resolve(artifact + "-" + VERSION + ".pom"));
            assertFalse(pom.contains("<parent>"), artifact + " POM still names its parent:\n" + pom);
            assertFalse(pom.contains("${"), artifact + " POM has unresolved properties:\n" + pom);
        }
    }

    @Test
    void everyLibraryJarHasSourcesJavadocAndAModuleName() throws IOException {
        requireInstalled();
        for (String artifact : List.of("nn-core", "nn-dsl", "nn-data", "nn-viz")) {
            Path dir = LOCAL.resolve(artifact).resolve(VERSION);
            for (String suffix : List.of(".jar", "-sources.jar", "-javadoc.jar")) {
                assertTrue(Files.size(dir.resolve(artifact + "-" + VERSION + suffix)) > 0, artifact + suffix);
            }
            try (java.util.jar.JarFile jar = new java.util.jar.JarFile(dir.resolve(artifact + "-" + VERSION + ".jar").toFile())) {
                String name = jar.getManifest().getMainAttributes().getValue("Automatic-Module-Name");
                assertEquals("org.nnlab." + artifact.substring(3), name);
            }
        }
    }

    private static void requireInstalled() {
        assertTrue(Files.isDirectory(LOCAL.resolve("nnlab").resolve(VERSION)), "nnlab " + VERSION + " is not in the"
                + " local Maven repository (" + LOCAL + "). Run the README's test command, mvn -B install, which installs"
                + " each module before these tests run.");
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.filter(f -> !f.toString().contains("/target")).toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
