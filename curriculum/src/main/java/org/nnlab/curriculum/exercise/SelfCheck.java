package org.nnlab.curriculum.exercise;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nnlab.curriculum.grading.Compilation;
import org.nnlab.curriculum.grading.GradeOptions;
import org.nnlab.curriculum.grading.GradeReport;
import org.nnlab.curriculum.grading.Grader;
import org.nnlab.curriculum.grading.Submission;
import org.nnlab.curriculum.grading.SubmissionCompiler;
import org.nnlab.curriculum.grading.TestResult;

/**
 * Proves an exercise is ready to hand out: the reference solution earns every point, the student
 * starter compiles with the tests it ships with, and the starter earns no point at all.
 *
 * <p>A starter that scores above 0 means a graded test does not exercise the student's code (it
 * would hand out free points); a reference below 100% means a test or the solution is wrong.
 */
public final class SelfCheck {
    private SelfCheck() {
    }

    /**
     * What the self-check found.
     *
     * @param exercise the exercise checked
     * @param reference the grade of the reference solution, with every test
     * @param starter the grade of the student release, with every test
     * @param problems what is wrong, empty when the exercise is ready
     */
    public record Result(Exercise exercise, GradeReport reference, GradeReport starter, List<String> problems) {
        /** Copies the problems, so a result cannot change after it is made. */
        public Result {
            problems = List.copyOf(problems);
        }

        /** Whether the exercise passed every check. */
        public boolean passed() {
            return problems.isEmpty();
        }

        /** One line per check, for the terminal. */
        public String summary() {
            return String.format(Locale.ROOT, "%-11s reference %5.1f / %-5.1f starter %4.1f / %-5.1f %s%n",
                    exercise.id(), reference.score(), reference.maxScore(), starter.score(), starter.maxScore(),
                    passed() ? "ok" : "FAILED") + (passed() ? "" : "  " + String.join("\n  ", problems) + "\n");
        }
    }

    /** Runs the three checks on {@code exercise}. */
    public static Result run(Exercise exercise, GradeOptions options) {
        Map<String, String> solution = new LinkedHashMap<>();
        Map<String, String> starter = new LinkedHashMap<>();
        for (String path : exercise.studentFiles()) {
            MarkedSource marked = exercise.marked(path);
            solution.put(Exercise.fileName(path), marked.instructorVersion());
            starter.put(Exercise.fileName(path), marked.studentVersion());
        }
        List<String> problems = new ArrayList<>();

        Map<String, String> releasedTests = new LinkedHashMap<>();
        for (String path : exercise.testFiles()) {
            releasedTests.put(Exercise.fileName(path), exercise.marked(path).studentVersion());
        }
        Compilation released = new SubmissionCompiler(options.classpath())
                .compile(starter, releasedTests, Exercise.packageOf(exercise.studentFiles().get(0)));
        if (!released.succeeded()) {
            problems.add("the student release does not compile with its visible tests:\n" + released.explain());
        }

        Grader grader = new Grader(options.withVisibleOnly(false));
        GradeReport reference = grader.grade(exercise, Submission.of(solution));
        for (TestResult r : reference.results()) {
            if (!r.passed()) {
                problems.add("the reference solution fails '" + r.test().name() + "' (" + r.test().location() + "): "
                        + r.feedback());
            }
        }
        GradeReport release = grader.grade(exercise, Submission.of(starter));
        for (TestResult r : release.results()) {
            if (r.passed()) {
                problems.add("the starter passes '" + r.test().name() + "' (" + r.test().location()
                        + "): that test gives points without calling any method the student writes");
            }
        }
        return new Result(exercise, reference, release, problems);
    }
}
