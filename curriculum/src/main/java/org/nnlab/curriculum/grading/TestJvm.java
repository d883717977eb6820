package org.nnlab.curriculum.grading;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.nnlab.curriculum.grading.child.TestJvmMain;

/**
 * Starts one test JVM on some graded tests, watches it, and turns what it reported into verdicts.
 *
 * <p>The grader keeps time: it reads the results channel every {@value #POLL_MILLIS} ms while the
 * JVM runs, starts a test's clock when it reads the test's signed {@code start} record, and kills
 * the JVM when a test passes its limit ({@link RunRecords}). The JVM is also killed when it does
 * not say hello within {@value #STARTUP_SECONDS} s or stays {@value #IDLE_SECONDS} s between two
 * records outside a test, and when its folder (the sandbox it may write in, the results channel)
 * grows past {@link GradeOptions#disk}: a submission writing without end would otherwise fill the
 * grading machine's disk. Its standard output and error are read as they come and only their
 * tails kept, in memory ({@link OutputTail}). Each run gets a fresh folder, a sandbox folder as working directory, a
 * fresh 32-byte key and a near-empty environment; the class files travel on standard input, not in
 * files. Only records whose tag verifies under the key, in order, count; the JVM's own standard
 * output and error are kept for diagnosis only.
 */
final class TestJvm {
    /** Seconds allowed for the JVM to start and the harness to say hello. */
    static final long STARTUP_SECONDS = 30;
    /** Seconds allowed between two records while no test runs (class setup, JUnit's own work). */
    static final long IDLE_SECONDS = 60;
    /** How long the grader waits, after the JVM has ended, for the rest of its output. */
    private static final long OUTPUT_WAIT_MILLIS = 2_000;
    /** How often the grader reads the results channel. */
    static final long POLL_MILLIS = 10;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final GradeOptions options;
    private final List<String> classpath;
    private final boolean sandbox;
    private final LongSupplier clock;

    TestJvm(GradeOptions options, List<String> classpath, boolean sandbox) {
        this(options, classpath, sandbox, System::nanoTime);
    }

    TestJvm(GradeOptions options, List<String> classpath, boolean sandbox, LongSupplier clock) {
        this.options = options;
        this.classpath = List.copyOf(classpath);
        this.sandbox = sandbox;
        this.clock = clock;
    }

    /** How a run ended. */
    enum End {
        /** The JVM exited by itself (after every test, or by crashing). */
        EXITED,
        /** The grader killed it: a test passed its limit. */
        TEST_TIMED_OUT,
        /** The grader killed it: no hello, or no record for too long outside a test. */
        UNRESPONSIVE,
        /** The grader killed it: its folder grew past {@link GradeOptions#disk}. */
        DISK_FULL
    }

    /**
     * What one JVM run left behind.
     *
     * @param records the run's verdict keeper, with the test that was running when it ended
     * @param end how it ended
     * @param exitCode the JVM's exit status, or -1 when killed
     * @param rejectedLines lines on the results channel that did not verify
     * @param diagnostics the tail of the JVM's own output
     */
    record Run(RunRecords records, End end, int exitCode, int rejectedLines, String diagnostics) {
    }

    /** Runs {@code phases} of tests (each a list of test ids) and gives their verdicts to {@code verdicts}. */
    Run run(Path folder, Compilation compilation, List<List<GradedTest>> phases, Verdicts verdicts) {
        Map<String, GradedTest> expected = new LinkedHashMap<>();
        phases.forEach(p -> p.forEach(t -> expected.put(t.id(), t)));
        try {
            Path sandboxFolder = Files.createDirectories(folder.resolve("sandbox"));
            Files.createDirectories(sandboxFolder.resolve("tmp"));
            Path results = Files.createFile(folder.resolve("results.log"));
            byte[] key = new byte[32];
            RANDOM.nextBytes(key);

            ProcessBuilder builder = new ProcessBuilder(command(sandboxFolder)).directory(sandboxFolder.toFile())
                    .redirectOutput(ProcessBuilder.Redirect.PIPE).redirectError(ProcessBuilder.Redirect.PIPE);
            Map<String, String> environment = builder.environment();
            String path = environment.getOrDefault("PATH", "/usr/bin:/bin");
            environment.clear();
            environment.put("PATH", path);
            environment.put("LANG", "C.UTF-8");
            environment.put("HOME", sandboxFolder.toString());
            Process process = builder.start();
            // Its output is kept in memory, only the tail: printing without end cannot fill a disk.
            OutputTail stdout = new OutputTail(process.getInputStream(), "test-jvm-stdout");
            OutputTail stderr = new OutputTail(process.getErrorStream(), "test-jvm-stderr");
            long started = clock.getAsLong();
            try (OutputStream in = process.getOutputStream()) {
                in.write(header(key, results, sandboxFolder, compilation, phases).getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                // The JVM ended before reading its input (e.g. it could not start): its output says why.
            }
            RunRecords records = new RunRecords(expected, verdicts, options, started);
            Watch watch = new Watch(key, results);
            End end = watch(process, records, watch, started, folder);
            watch.read(records, clock.getAsLong());
            int exitCode = end == End.EXITED ? process.exitValue() : -1;
            return new Run(records, end, exitCode, watch.rejected,
                    stdout.tail(OUTPUT_WAIT_MILLIS) + stderr.tail(OUTPUT_WAIT_MILLIS));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run the test JVM in " + folder + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the test JVM ran in " + folder, e);
        }
    }

    private End watch(Process process, RunRecords records, Watch watch, long started, Path folder)
            throws IOException, InterruptedException {
        while (true) {
            boolean exited = process.waitFor(POLL_MILLIS, TimeUnit.MILLISECONDS);
            long now = clock.getAsLong();
            watch.read(records, now);
            if (exited) {
                return End.EXITED;
            }
            if (!DiskUse.within(folder, options.diskBytes())) {
                kill(process);
                return End.DISK_FULL;
            }
            Optional<String> overrun = records.overrun(now);
            if (overrun.isPresent()) {
                kill(process);
                return End.TEST_TIMED_OUT;
            }
            boolean silent = records.current() == null && (records.hello()
                    ? now - records.lastRecordNanos() > TimeUnit.SECONDS.toNanos(IDLE_SECONDS)
                    : now - started > TimeUnit.SECONDS.toNanos(STARTUP_SECONDS));
            if (silent) {
                kill(process);
                return End.UNRESPONSIVE;
            }
        }
    }

    private static void kill(Process process) throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor();
    }

    private List<String> command(Path sandboxFolder) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + options.memory(), "-Xss" + options.stack(), "-XX:+ExitOnOutOfMemoryError",
                "-XX:+UseSerialGC", "-XX:+DisableAttachMechanism", "-XX:-UsePerfData",
                "-Dfile.encoding=UTF-8", "-Djava.io.tmpdir=" + sandboxFolder.resolve("tmp")));
        if (sandbox) {
            command.add("-Djava.security.manager=allow");
        }
        command.addAll(List.of("-cp", String.join(java.io.File.pathSeparator, classpath), TestJvmMain.class.getName()));
        return command;
    }

    private String header(byte[] key, Path results, Path sandboxFolder, Compilation compilation,
                          List<List<GradedTest>> phases) throws IOException {
        ObjectNode header = JSON.createObjectNode().put("key", HexFormat.of().formatHex(key))
                .put("results", results.toString()).put("sandboxFolder", sandboxFolder.toString())
                .put("sandbox", sandbox);
        ArrayNode packages = header.putArray("testPackages");
        compilation.testPackages().forEach(packages::add);
        encode(header.putObject("studentClasses"), compilation.studentClasses());
        encode(header.putObject("testClasses"), compilation.testClasses());
        ArrayNode list = header.putArray("phases");
        for (List<GradedTest> phase : phases) {
            ArrayNode ids = list.addArray();
            phase.forEach(t -> ids.add(t.id()));
        }
        return JSON.writeValueAsString(header) + "\n";
    }

    private static void encode(ObjectNode into, Map<String, byte[]> classes) {
        classes.forEach((name, bytes) -> into.put(name, Base64.getEncoder().encodeToString(bytes)));
    }


    /** Reads the results channel as it grows, one complete line at a time, and verifies each. */
    private static final class Watch {
        private final byte[] key;
        private final Path results;
        private final java.io.ByteArrayOutputStream pending = new java.io.ByteArrayOutputStream();
        private long offset;
        private int expectedSeq;
        private int rejected;

        Watch(byte[] key, Path results) {
            this.key = key;
            this.results = results;
        }

        void read(RunRecords records, long now) throws IOException {
            try (FileChannel channel = FileChannel.open(results, StandardOpenOption.READ)) {
                ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
                int n;
                while ((n = channel.read(buffer, offset)) > 0) {
                    offset += n;
                    pending.write(buffer.array(), 0, n);
                    buffer.clear();
                }
            }
            byte[] bytes = pending.toByteArray();
            int start = 0;
            for (int i = 0; i < bytes.length; i++) {
                if (bytes[i] == '\n') {
                    line(new String(bytes, start, i - start, StandardCharsets.UTF_8), records, now);
                    start = i + 1;
                }
            }
            pending.reset();
            pending.write(bytes, start, bytes.length - start);
        }

        private void line(String line, RunRecords records, long now) {
            Optional<String> json = SignedRecord.verify(key, line);
            JsonNode record = json.isPresent() ? parse(json.get()) : null;
            if (record == null || record.path("seq").asInt(-1) != expectedSeq) {
                rejected++;
                return;
            }
            expectedSeq++;
            records.accept(record, now);
        }

        private static JsonNode parse(String json) {
            try {
                return JSON.readTree(json);
            } catch (IOException e) {
                return null;
            }
        }
    }
}
