package org.nnlab.tests.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nnlab.curriculum.grading.GradeOptions;
import org.nnlab.curriculum.grading.GradeReport;

/** Classic mistakes each earn the partial score their passing tests are worth, no more, no less. */
class KnownWrongSubmissionsTest {
    /** Short time limits: an exponential "memoized" F(90) would otherwise run its full 5 s. */
    private static final GradeOptions OPTIONS = GradeOptions.defaults().withMaxTestSeconds(3);

    @Test
    void offByOneFibonacciLoopLosesTheBottomUpTests() {
        GradeReport report = EditedSolution.of("fibonacci")
                .replace("Fibonacci.java", "for (int k = 3; k <= n; k++)", "for (int k = 3; k < n; k++)")
                .grade(OPTIONS);
        assertEquals(List.of("bottomUp: F(1) … F(12)", "F(90) in a long, memoized and bottom-up"),
                EditedSolution.failedNames(report));
        assertEquals(10.0, report.score(), 1e-12);
        String feedback = EditedSolution.result(report, "bottomUp: F(1) … F(12)").feedback();
        assertTrue(feedback.contains("bottomUp(3)") && feedback.contains("expected: <2> but was: <1>"), feedback);
    }

    @Test
    void nonMemoizedMemoKeepsTheValuePointsButNotTheCallCount() {
        GradeReport report = EditedSolution.of("fibonacci")
                .replace("Fibonacci.java", "if (memo[n] != 0) {\n            return memo[n];\n        }", "")
                .grade(OPTIONS);
        assertEquals(List.of("memoized makes O(n) calls", "F(90) in a long, memoized and bottom-up"),
                EditedSolution.failedNames(report));
        assertEquals(9.0, report.score(), 1e-12);
        assertTrue(EditedSolution.result(report, "F(90) in a long, memoized and bottom-up").feedback()
                .startsWith("Did not finish within 3.0 s"));
    }

    @Test
    void missingBaseCaseIsExplainedAsAStackOverflow() {
        GradeReport report = EditedSolution.of("recursion")
                .replace("Recursion.java", "checkFactorialArgument(n);\n        if (n == 0) {\n            return 1;\n        }\n", "")
                .grade(OPTIONS);
        assertEquals(List.of("factorialRecursive: 0! … 10!", "20! is the largest factorial in a long",
                "negative and too-large n are rejected"), EditedSolution.failedNames(report));
        assertEquals(6.0, report.score(), 1e-12);
        String feedback = EditedSolution.result(report, "factorialRecursive: 0! … 10!").feedback().replaceAll("\\s+", " ");
        assertTrue(feedback.startsWith("StackOverflowError: the recursion went too deep") && feedback.contains("base case"),
                feedback);
    }

    @Test
    void wrongSigmoidDerivativeFailsTheDerivativeGradientAndTrainingTests() {
        GradeReport report = EditedSolution.of("backprop")
                .replace("TwoLayerNetwork.java", "return s * (1 - s);", "return s * (1 + s);")
                .grade(OPTIONS);
        assertEquals(List.of("sigmoidDerivative is σ(z)(1 − σ(z))", "backward matches numerical gradients",
                "backward agrees with nn-core", "your gradients train the lecture's nonlinear set"),
                EditedSolution.failedNames(report));
        assertEquals(2.0, report.score(), 1e-12);
    }

    @Test
    void backwardWithTheWrongSignFailsEveryGradientTest() {
        GradeReport report = EditedSolution.of("backprop")
                .replace("TwoLayerNetwork.java", "double dz2 = (p[b] - y[b]) / batch;", "double dz2 = (y[b] - p[b]) / batch;")
                .grade(OPTIONS);
        assertEquals(List.of("backward matches numerical gradients", "backward agrees with nn-core",
                "your gradients train the lecture's nonlinear set"), EditedSolution.failedNames(report));
        assertEquals(3.0, report.score(), 1e-12);
    }
}
