package org.nnlab.curriculum.grading;

/**
 * One graded test's score with the feedback shown to the student.
 *
 * @param test the test as planned
 * @param outcome what happened when it ran
 * @param score the points earned: all of the test's points if it passed, else 0
 * @param feedback the explanation and the captured output
 */
public record TestResult(GradedTest test, TestOutcome outcome, double score, String feedback) {

    /** The result the grader gives for {@code outcome}: points only for a pass. */
    public static TestResult of(GradedTest test, TestOutcome outcome) {
        return new TestResult(test, outcome, outcome.passed() ? test.points() : 0, Feedback.explain(test, outcome));
    }

    /** The explanation of the outcome, without what the test printed. */
    public String explanation() {
        return Feedback.explanation(outcome);
    }

    /** Whether the test passed. */
    public boolean passed() {
        return outcome.passed();
    }
}
