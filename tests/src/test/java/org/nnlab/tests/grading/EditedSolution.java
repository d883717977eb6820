package org.nnlab.tests.grading;

import java.util.LinkedHashMap;
import java.util.Map;
import org.nnlab.curriculum.exercise.Exercise;
import org.nnlab.curriculum.exercise.ExerciseCatalog;
import org.nnlab.curriculum.grading.GradeOptions;
import org.nnlab.curriculum.grading.GradeReport;
import org.nnlab.curriculum.grading.Grader;
import org.nnlab.curriculum.grading.Submission;
import org.nnlab.curriculum.grading.TestResult;

/**
 * A submission made from an exercise's reference solution by textual edits, so each test states
 * exactly which mistake or misbehaviour it plants.
 */
record EditedSolution(Exercise exercise, Map<String, String> sources) {

    /** The reference solution of the bundled exercise {@code id}, unedited. */
    static EditedSolution of(String id) {
        Exercise exercise = ExerciseCatalog.bundled().find(id);
        return new EditedSolution(exercise, exercise.referenceSources());
    }

    /** This submission with the first {@code original} in {@code file} replaced by {@code replacement}. */
    EditedSolution replace(String file, String original, String replacement) {
        String text = sources.get(file);
        if (text == null || !text.contains(original)) {
            throw new IllegalArgumentException("The reference " + file + " of " + exercise.id()
                    + " no longer contains the text to edit: " + original + ". Hint: update this test's edit.");
        }
        Map<String, String> edited = new LinkedHashMap<>(sources);
        edited.put(file, text.replace(original, replacement));
        return new EditedSolution(exercise, edited);
    }

    /** Grades this submission with the given options. */
    GradeReport grade(GradeOptions options) {
        return new Grader(options).grade(exercise, Submission.of(sources));
    }

    /** The result of the test named {@code name} in {@code report}. */
    static TestResult result(GradeReport report, String name) {
        return report.results().stream().filter(r -> r.test().name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No graded test named '" + name + "' in "
                        + report.results().stream().map(r -> r.test().name()).toList()));
    }

    /** The names of the tests that failed, in plan order. */
    static java.util.List<String> failedNames(GradeReport report) {
        return report.results().stream().filter(r -> !r.passed()).map(r -> r.test().name()).toList();
    }
}
