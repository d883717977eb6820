package org.nnlab.curriculum.grading;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.nnlab.curriculum.grading.child.TestJvmMain;

/**
 * Starts one test JVM on some graded tests and collects what it reported, verified.
 *
 * <p>Each run gets its own folder with fresh copies of the class files (so a submission that wrote
 * into them during an earlier run changes nothing), a sandbox folder as working directory, and a
 * fresh 32-byte key. Only records whose tag verifies under that key, in order, are kept; the
 * JVM's own standard output and error are kept for diagnosis only.
 */
final class TestJvm {
    /** Seconds allowed for the JVM and JUnit to start, on top of the tests' own limits. */
    static final double STARTUP_SECONDS = 30;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final GradeOptions options;

    TestJvm(GradeOptions options) {
        this.options = options;
    }

    /** What one JVM run left behind. */
    record Run(List<JsonNode> records, int exitCode, boolean killed, int rejectedLines, String diagnostics) {
        /** Whether the harness reported that every test ran. */
        boolean completed() {
            return records.stream().anyMatch(r -> r.path("event").asText().equals("done"));
        }
    }

    Run run(Path folder, Compilation compilation, List<GradedTest> tests) {
        try {
            Path testClasses = writeClasses(folder.resolve("tests"), compilation.testClasses());
            Path studentClasses = writeClasses(folder.resolve("submission"), compilation.studentClasses());
            Path sandbox = Files.createDirectories(folder.resolve("sandbox"));
            Files.createDirectories(sandbox.resolve("tmp"));
            Path results = Files.createFile(folder.resolve("results.log"));
            Path stderr = folder.resolve("stderr.log");
            byte[] key = new byte[32];
            RANDOM.nextBytes(key);

            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx" + options.memory(), "-Xss" + options.stack(), "-XX:+ExitOnOutOfMemoryError",
                    "-XX:+UseSerialGC", "-Dfile.encoding=UTF-8", "-Djava.io.tmpdir=" + sandbox.resolve("tmp")));
            if (Runtime.version().feature() < 24) {
                command.add("-Djava.security.manager=allow");
            }
            List<String> classpath = new ArrayList<>(options.classpath());
            classpath.add(testClasses.toString());
            classpath.add(studentClasses.toString());
            command.addAll(List.of("-cp", String.join(File.pathSeparator, classpath), TestJvmMain.class.getName()));

            Process process = new ProcessBuilder(command).directory(sandbox.toFile())
                    .redirectOutput(folder.resolve("stdout.log").toFile())
                    .redirectError(stderr.toFile()).start();
            try (OutputStream in = process.getOutputStream()) {
                in.write(header(key, results, studentClasses, sandbox, tests, options).getBytes(StandardCharsets.UTF_8));
            }
            double limit = STARTUP_SECONDS + tests.stream().mapToDouble(options::timeLimit).sum();
            boolean finished = process.waitFor((long) (limit * 1000), TimeUnit.MILLISECONDS);
            if (!finished) {
                process.destroyForcibly().waitFor();
            }
            return read(key, results, finished ? process.exitValue() : -1, !finished,
                    tail(folder.resolve("stdout.log")) + tail(stderr));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run the test JVM in " + folder, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the test JVM ran in " + folder, e);
        }
    }

    private static String header(byte[] key, Path results, Path submission, Path sandbox, List<GradedTest> tests,
                                 GradeOptions options)
            throws IOException {
        ObjectNode header = JSON.createObjectNode().put("key", HexFormat.of().formatHex(key))
                .put("results", results.toString()).put("submission", submission.toString())
                .put("sandbox", sandbox.toString());
        ArrayNode list = header.putArray("tests");
        for (GradedTest t : tests) {
            list.addObject().put("id", t.id()).put("timeoutSeconds", options.timeLimit(t));
        }
        return JSON.writeValueAsString(header) + "\n";
    }

    /** The last 4000 characters of the JVM's own output file, for diagnosis. */
    private static String tail(Path file) throws IOException {
        String text = Files.exists(file) ? Files.readString(file, StandardCharsets.ISO_8859_1) : "";
        return text.length() > 4000 ? text.substring(text.length() - 4000) : text;
    }

    private static Run read(byte[] key, Path results, int exitCode, boolean killed, String diagnostics)
            throws IOException {
        List<JsonNode> records = new ArrayList<>();
        int rejected = 0;
        int expected = 0;
        for (String line : Files.readAllLines(results, StandardCharsets.UTF_8)) {
            Optional<String> json = SignedRecord.verify(key, line);
            JsonNode record = json.isPresent() ? parse(json.get()) : null;
            if (record == null || record.path("seq").asInt(-1) != expected) {
                rejected++;
                continue;
            }
            expected++;
            records.add(record);
        }
        return new Run(records, exitCode, killed, rejected, diagnostics);
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            return null;
        }
    }

    private static Path writeClasses(Path root, Map<String, byte[]> classes) throws IOException {
        Files.createDirectories(root);
        for (Map.Entry<String, byte[]> c : classes.entrySet()) {
            Path file = root.resolve(c.getKey().replace('.', File.separatorChar) + ".class");
            Files.createDirectories(file.getParent());
            Files.write(file, c.getValue());
        }
        return root;
    }
}
