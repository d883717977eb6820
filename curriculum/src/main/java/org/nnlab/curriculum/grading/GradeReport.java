package org.nnlab.curriculum.grading;

import java.util.List;

/**
 * The grade of one submission for one exercise.
 *
 * @param exerciseId the exercise's id
 * @param exerciseTitle its title
 * @param results one per graded test, in plan order
 * @param notes remarks about the whole submission (missing files, compile errors, a missing sandbox)
 * @param executionSeconds wall-clock time of grading
 * @param sandboxed whether every test JVM ran under the SecurityManager sandbox (true when none ran)
 */
public record GradeReport(String exerciseId, String exerciseTitle, List<TestResult> results, List<String> notes,
                          double executionSeconds, boolean sandboxed) {

    /** Copies the results and notes, so a report cannot change after it is made. */
    public GradeReport {
        results = List.copyOf(results);
        notes = List.copyOf(notes);
    }

    /** The points earned. */
    public double score() {
        return results.stream().mapToDouble(TestResult::score).sum();
    }

    /** The points possible. */
    public double maxScore() {
        return results.stream().mapToDouble(r -> r.test().points()).sum();
    }

    /** The number of tests that passed. */
    public long passedCount() {
        return results.stream().filter(TestResult::passed).count();
    }
}
