package org.nnlab.tests.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line's answers to a wrong environment: they say what to change, never a stack trace.
 *
 * <p>Each case runs a real process: the {@code nnlab} CLI in a JVM of its own, or the {@code ./nnlab}
 * launcher script with a fake {@code java} first on the PATH.
 */
class CommandLineErrorsTest {
    private static final Path REPO = Path.of("").toAbsolutePath().getParent();

    @Test
    void unwritableOutputFolderSaysWhereAndWhatToDo(@TempDir Path tmp) throws Exception {
        Path file = Files.writeString(tmp.resolve("not-a-folder"), "x");
        Result r = cli(List.of(), "lecture", "--only", "recursion", "--out", file.resolve("out").toString());
        assertEquals(2, r.exit, r.toString());
        assertTrue(r.err.startsWith("nnlab: Cannot write the report to " + file.resolve("out")), r.toString());
        assertTrue(r.err.contains("Hint: choose a folder you can write with --out DIR."), r.toString());
        assertFalse(r.err.contains("\tat "), "no stack trace: " + r);
    }

    @Test
    void helpOfEveryCommandPrintsNoWarning() throws Exception {
        for (String[] args : new String[][] {{"--help"}, {"lecture", "--help"}, {"demo", "--help"}, {"exercises", "--help"},
                {"release", "--help"}, {"grade", "--help"}}) {
            Result r = cli(List.of(), args);
            assertEquals(0, r.exit, r.toString());
            assertEquals("", r.err, "nothing on stderr for " + String.join(" ", args));
            assertTrue(r.out.startsWith("Usage: nnlab"), r.toString());
            assertFalse(r.out.contains("WARN"), r.toString());
        }
    }

    @Test
    void badDataFolderIsReportedBeforeAnyLessonRunsInCommandLineTerms(@TempDir Path tmp) throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        Result r = cli(List.of(), "lecture", "--only", "perceptron", "--data", empty.toString(), "--out",
                tmp.resolve("out").toString());
        assertEquals(2, r.exit, r.toString());
        assertTrue(r.err.startsWith("nnlab: --data " + empty + ": "), r.toString());
        assertTrue(r.err.contains("Hint: give --data a folder holding those four MNIST-format files, e.g. --data"
                + " /usr/share/datasets/fashion-mnist"), r.toString());
        assertFalse(r.err.contains("MnistDataset"), "no Java API in a command-line hint: " + r);
        assertFalse(r.out.contains("[1/1]"), "no lesson ran: " + r);
        assertFalse(Files.exists(tmp.resolve("out")), "nothing written");
    }

    @Test
    void tooLittleHeapSaysHowToGiveMore(@TempDir Path tmp) throws Exception {
        Result r = cli(List.of("-Xmx12m"), "lecture", "--only", "mnist", "--quiet", "--out", tmp.toString());
        assertEquals(3, r.exit, r.toString());
        // Where the heap runs out varies; loading the built-in digits (real data, 8 MB of pixels) says so.
        assertTrue(r.err.startsWith("nnlab: ran out of memory (the JVM may use at most ")
                || r.err.startsWith("nnlab: ran out of memory while reading data (in IdxReader): its values really take"
                + " more than the "), r.toString());
        assertTrue(r.err.contains("NNLAB_JAVA_OPTS=-Xmx2g ./nnlab lecture --only mnist"), r.toString());
        assertFalse(r.err.contains("\tat "), "no stack trace: " + r);
    }

    @Test
    void aCorruptDataFileIsNamedWithoutMemoryAdvice(@TempDir Path tmp) throws Exception {
        // A 20-byte train-images file whose header claims 46340 × 46340 × 1 images: once an
        // OutOfMemoryError answered with "give it more, -Xmx2g".
        Path data = Files.createDirectories(tmp.resolve("data"));
        byte[] forged = {0, 0, 0x08, 3, 0, 0, (byte) 0xB5, 0x04, 0, 0, (byte) 0xB5, 0x04, 0, 0, 0, 1, 7, 7, 7, 7};
        Files.write(data.resolve("train-images-idx3-ubyte"), forged);
        for (String f : List.of("train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte")) {
            Files.write(data.resolve(f), new byte[] {0, 0, 0x08, 1, 0, 0, 0, 0});
        }
        Result r = cli(List.of("-Xmx256m"), "lecture", "--only", "mnist", "--quiet", "--data", data.toString(),
                "--out", tmp.resolve("out").toString());
        assertEquals(2, r.exit, r.toString());
        assertTrue(r.err.startsWith("nnlab: "), r.toString());
        assertTrue(r.err.contains(data.resolve("train-images-idx3-ubyte") + ": truncated at offset 20: the header"
                + " promises 46340 × 46340 × 1 unsigned_byte values"), r.toString());
        assertFalse(r.err.contains("-Xmx"), r.toString());
        assertFalse(r.err.contains("\tat "), "no stack trace: " + r);
    }

    @Test
    void launcherRefusesAnOldJavaWithAnInstallHint(@TempDir Path tmp) throws Exception {
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path fakeJava = bin.resolve("java");
        Files.writeString(fakeJava, "#!/bin/sh\necho 'openjdk version \"11.0.21\" 2023-10-17' >&2\n");
        Files.setPosixFilePermissions(fakeJava, PosixFilePermissions.fromString("rwxr-xr-x"));
        ProcessBuilder pb = new ProcessBuilder("bash", REPO.resolve("nnlab").toString(), "lecture");
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        Result r = run(pb);
        assertEquals(1, r.exit, r.toString());
        assertTrue(r.err.contains("nnlab: found Java 11, but nnlab needs Java 17 or newer."), r.toString());
    }

    private static Result cli(List<String> jvmOptions, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("org.nnlab.curriculum.cli.Main");
        command.addAll(List.of(args));
        return run(new ProcessBuilder(command));
    }

    private static Result run(ProcessBuilder pb) throws IOException, InterruptedException {
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "process finished");
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    private record Result(int exit, String out, String err) {
    }
}
