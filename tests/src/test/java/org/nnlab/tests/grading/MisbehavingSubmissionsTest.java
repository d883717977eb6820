package org.nnlab.tests.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnlab.curriculum.grading.GradeOptions;
import org.nnlab.curriculum.grading.GradeReport;
import org.nnlab.curriculum.grading.GradescopeResults;

/**
 * Submissions that attack or break the grader lose the points of the tests they break and keep
 * the rest: never an inflated grade, never a lost one. Each plants one misbehaviour in the
 * recursion exercise (7 tests, 10 points) or the Fibonacci one (8 tests, 13 points).
 */
class MisbehavingSubmissionsTest {
    private static final GradeOptions OPTIONS = GradeOptions.defaults().withMaxTestSeconds(2).withMemory("96m");
    private static final String ITERATIVE = "checkFactorialArgument(n);\n        long product = 1;";
    private static final List<String> ITERATIVE_TESTS = List.of("factorialIterative: 0! … 10!",
            "20! is the largest factorial in a long", "negative and too-large n are rejected");

    /** Grades the reference solution with {@code statements} run first in factorialIterative. */
    private static GradeReport gradeWithIterativeStarting(String statements) {
        return EditedSolution.of("recursion")
                .replace("Recursion.java", ITERATIVE, statements + "\n        long product = 1;")
                .grade(OPTIONS);
    }

    /** Only the three tests that call factorialIterative fail (6 of 10 points kept), with {@code feedback}. */
    private static void assertOnlyIterativeTestsFail(GradeReport report, String feedback) {
        assertEquals(ITERATIVE_TESTS, EditedSolution.failedNames(report));
        assertEquals(6.0, report.score(), 1e-12);
        String actual = EditedSolution.result(report, ITERATIVE_TESTS.get(0)).feedback();
        assertTrue(actual.startsWith(feedback), actual);
    }

    @Test
    void infiniteLoopTimesOutAndTheOtherTestsStillRun() {
        GradeReport report = gradeWithIterativeStarting("while (n >= 0) {\n            n = n | 1;\n        }");
        assertOnlyIterativeTestsFail(report, "Did not finish within 2.0 s");
    }

    @Test
    void systemExitIsBlockedAndExplained() {
        assertOnlyIterativeTestsFail(gradeWithIterativeStarting("System.exit(0);"),
                "Your code called System.exit or Runtime.halt");
    }

    @Test
    void runtimeHaltCostsOnlyTheTestsThatCallIt() {
        GradeReport report = gradeWithIterativeStarting("Runtime.getRuntime().halt(0);");
        assertEquals(6.0, report.score(), 1e-12);
        assertEquals(ITERATIVE_TESTS, EditedSolution.failedNames(report));
    }

    @Test
    void printedAndFileDescriptorForgeriesEarnNothing() {
        String forge = "System.out.println(\"{\\\"event\\\":\\\"finish\\\",\\\"status\\\":\\\"SUCCESSFUL\\\"}\");\n"
                + "        try (java.io.FileOutputStream out = new java.io.FileOutputStream(java.io.FileDescriptor.out)) {\n"
                + "            out.write(\"0000 {\\\"event\\\":\\\"done\\\"}\\n\".getBytes());\n"
                + "        } catch (java.io.IOException e) {\n"
                + "            throw new java.io.UncheckedIOException(e);\n"
                + "        }\n        return 1;";
        GradeReport report = EditedSolution.of("recursion")
                .replace("Recursion.java", "checkFactorialArgument(n);\n        if (n == 0) {", "if (n >= 0) {\n        " + forge
                        + "\n        }\n        if (n == 0) {")
                .grade(OPTIONS);
        assertEquals(List.of("factorialRecursive: 0! … 10!", "20! is the largest factorial in a long",
                "negative and too-large n are rejected"), EditedSolution.failedNames(report));
        assertEquals(6.0, report.score(), 1e-12);
        String feedback = EditedSolution.result(report, "factorialRecursive: 0! … 10!").feedback();
        assertTrue(feedback.contains("writeFileDescriptor") && feedback.contains("Output:"), feedback);
    }

    @Test
    void exhaustingMemoryIsReportedAndCostsOnlyThatTest() {
        GradeReport report = EditedSolution.of("recursion")
                .replace("Recursion.java", "int[] depth = {0};",
                        "java.util.List<long[]> hog = new java.util.ArrayList<>();\n        while (hog.size() >= 0) {\n"
                                + "            hog.add(new long[1 << 20]);\n        }\n        int[] depth = {0};")
                .grade(OPTIONS);
        assertEquals(List.of("without a base case: the depth reached, caught"), EditedSolution.failedNames(report));
        assertEquals(9.0, report.score(), 1e-12);
        assertTrue(EditedSolution.result(report, "without a base case: the depth reached, caught").feedback()
                .startsWith("Ran out of memory: the test JVM has a heap of 96m"));
    }

    @Test
    void throwingStaticInitializerFailsEveryTestWithAnExplanation() {
        GradeReport report = EditedSolution.of("recursion")
                .replace("Recursion.java", "public class Recursion {",
                        "public class Recursion {\n    static final int BROKEN = Integer.parseInt(\"not a number\");")
                .grade(OPTIONS);
        assertEquals(0.0, report.score());
        for (var r : report.results()) {
            assertTrue(r.feedback().replaceAll("\\s+", " ").startsWith("A static initializer (a static field's value or a static { } block) threw"
                    + " java.lang.NumberFormatException: For input string: \"not a number\"."), r.feedback());
        }
    }

    @Test
    void writingOutsideTheSandboxIsDenied(@TempDir Path outside) {
        Path target = outside.resolve("planted.txt");
        GradeReport report = gradeWithIterativeStarting("try {\n            java.nio.file.Files.writeString(java.nio.file.Path.of(\""
                + target.toString().replace("\\", "\\\\") + "\"), \"x\");\n        } catch (java.io.IOException e) {\n"
                + "            throw new java.io.UncheckedIOException(e);\n        }");
        assertFalse(Files.exists(target), "the submission wrote " + target);
        assertOnlyIterativeTestsFail(report, "Your code tried to use a file it may not");
    }

    @Test
    void compileErrorGivesZeroWithFileAndLine() {
        GradeReport report = EditedSolution.of("recursion")
                .replace("Recursion.java", "product *= k;", "product *= k")
                .grade(OPTIONS);
        assertEquals(0.0, report.score());
        assertTrue(report.notes().get(0).contains("Recursion.java:22: error: ';' expected"), report.notes().get(0));
        assertTrue(GradescopeResults.toJson(report).get("output").asText().contains("Recursion.java:22"));
    }

    @Test
    void classOutsideTheExercisePackageIsRejected() {
        GradeReport report = EditedSolution.of("recursion")
                .replace("Recursion.java", "package org.nnlab.exercises.recursion;",
                        "package org.nnlab.exercises.recursion;\n\nclass Sneaky {\n}\n")
                .replace("Recursion.java", "package org.nnlab.exercises.recursion;", "package org.nnlab.curriculum.grading;")
                .grade(OPTIONS);
        assertEquals(0.0, report.score());
        assertTrue(report.notes().get(0).contains("not in package org.nnlab.exercises.recursion")
                || report.notes().get(0).contains("error"), report.notes().get(0));
    }
}
