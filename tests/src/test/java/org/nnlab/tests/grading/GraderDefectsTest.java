package org.nnlab.tests.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnlab.curriculum.cli.Main;
import org.nnlab.curriculum.grading.GradeOptions;
import org.nnlab.curriculum.grading.GradeReport;
import org.nnlab.curriculum.grading.Sandbox;

/**
 * The grader's own defects found while attacking it, end to end: what a student or an instructor
 * reads in each case. (Attacks on the exercises' tests are the exercises' checks/, run by the
 * self-check.)
 */
class GraderDefectsTest {
    private static final GradeOptions OPTIONS = GradeOptions.defaults().withMaxTestSeconds(5);
    private static final String NAIVE = "        requirePositive(n);\n        if (n <= 2) {";

    @Test
    void aSourceTheCompilerCannotHandleIsExplainedWithTheFile() {
        String deep = "(".repeat(100_000) + "n" + ")".repeat(100_000);
        GradeReport report = EditedSolution.of("fibonacci")
                .replace("Fibonacci.java", NAIVE, "        long deep = " + deep + ";\n" + NAIVE).grade(OPTIONS);
        assertEquals(0.0, report.score());
        assertEquals("The Java compiler could not compile your submission, so no test could run (0 points for each):\n"
                + "Fibonacci.java: error: the Java compiler could not handle this file: it ran out of stack"
                + " (StackOverflowError). Simplify it: split very long expressions (thousands of terms) into several"
                + " statements, remove deeply nested parentheses or calls, and keep constant expressions and array"
                + " initializers small.", report.notes().get(0));
    }

    @Test
    void feedbackShowsPathsRelativeToTheSubmission() {
        GradeReport report = EditedSolution.of("fibonacci").replace("Fibonacci.java", NAIVE,
                "        if (n == 12) {\n"
                        + "            System.out.println(\"my file: \" + new java.io.File(\"notes.txt\").getAbsolutePath());\n"
                        + "            System.out.println(\"temp: \" + System.getProperty(\"java.io.tmpdir\"));\n"
                        + "            System.out.println(\"class path: \" + System.getProperty(\"java.class.path\"));\n"
                        + "        }\n" + NAIVE)
                .grade(OPTIONS);
        String feedback = EditedSolution.result(report, "naive: F(1) … F(12)").feedback();
        assertTrue(feedback.contains("my file: ./notes.txt") && feedback.contains("temp: ./tmp"), feedback);
        assertFalse(feedback.contains("nnlab-grade-") || feedback.contains("nnlab-runtime-"), feedback);
        assertEquals(13.0, report.score());
    }

    @Test
    void aHeapTooSmallToStartTheTestJvmIsReportedInTheJvmsWords() {
        GradeReport report = EditedSolution.of("recursion").grade(OPTIONS.withMemory("16k"));
        assertEquals(0.0, report.score());
        String note = report.notes().get(0);
        assertTrue(note.startsWith("Cannot run the test JVM (exit status 1): Error occurred during initialization of"
                + " VM / Too small maximum heap"), note);
        assertTrue(note.endsWith("This is a problem of the grader's setup (e.g. --memory too small), not of the"
                + " submission."), note);
    }

    @Test
    void withoutASecurityManagerTheGraderRefusesUnlessAllowed() {
        GradeReport allowed = withJavaFeature("24", () -> {
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> EditedSolution.of("recursion").grade(OPTIONS));
            assertTrue(refused.getMessage().startsWith("This JDK (24) has no SecurityManager, so the grader cannot"
                    + " sandbox submissions: student code could read the grader's key from its own memory"),
                    refused.getMessage());
            assertTrue(refused.getMessage().contains("or pass --allow-unsandboxed to grade anyway"), refused.getMessage());
            return EditedSolution.of("recursion").grade(OPTIONS.withAllowUnsandboxed(true));
        });
        assertEquals(10.0, allowed.score());
        assertFalse(allowed.sandboxed());
        assertTrue(allowed.notes().contains("Graded without the SecurityManager sandbox (JDK 24, --allow-unsandboxed):"
                + " the submission ran in its own JVM, folder and time limits, but could have read files and memory it"
                + " should not. Grade on JDK 17 to 23 for the full sandbox."), allowed.notes().toString());
    }

    @Test
    void theCommandLineRefusesToGradeWithoutASecurityManager(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("s"));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = withJavaFeature("25", () -> run(err, "grade", "-e", "recursion", "-s", dir.resolve("s").toString(),
                "--results", dir.resolve("r.json").toString(), "--html", dir.resolve("f.html").toString()));
        assertEquals(2, status);
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("nnlab: This JDK (25) has no SecurityManager"),
                err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aSourceTooLargeStillGetsAResultsFileWithTheReason(@TempDir Path dir) throws Exception {
        Path submission = Files.createDirectories(dir.resolve("s"));
        Files.writeString(submission.resolve("Recursion.java"), "// " + "x".repeat(600_000));
        Path results = dir.resolve("results.json");
        int status = run(new ByteArrayOutputStream(), "grade", "-e", "recursion", "-s", submission.toString(),
                "--results", results.toString(), "--html", dir.resolve("f.html").toString(), "--quiet");
        assertEquals(0, status);
        JsonNode json = new ObjectMapper().readTree(results.toFile());
        assertEquals(0.0, json.get("score").asDouble());
        assertEquals("Recursion.java has 600003 bytes; at most 524288 are accepted. Hint: hand in source code only (no"
                + " data tables or generated code). (0 points for each test.)", json.get("output").asText());
        assertEquals(7, json.get("tests").size());
    }

    private static <T> T withJavaFeature(String feature, Supplier<T> body) {
        String old = System.getProperty(Sandbox.JAVA_FEATURE_PROPERTY);
        System.setProperty(Sandbox.JAVA_FEATURE_PROPERTY, feature);
        try {
            return body.get();
        } finally {
            if (old == null) {
                System.clearProperty(Sandbox.JAVA_FEATURE_PROPERTY);
            } else {
                System.setProperty(Sandbox.JAVA_FEATURE_PROPERTY, old);
            }
        }
    }

    /** Runs the command line with its output captured (the test prints nothing); errors go to {@code err}. */
    private static int run(ByteArrayOutputStream err, String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            return Main.run(args);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }
}
