package org.nnlab.curriculum.exercise;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nnlab.curriculum.grading.GradeOptions;

class SelfCheckTest {
    static java.util.List<String> exercises() {
        return ExerciseCatalog.bundled().all().stream().map(Exercise::id).toList();
    }

    @ParameterizedTest
    @MethodSource("exercises")
    void referenceScoresFullStarterZeroAndEveryKnownSubmissionItsScore(String id) {
        SelfCheck.Result r = SelfCheck.run(ExerciseCatalog.bundled().find(id), GradeOptions.defaults(), 2);
        assertTrue(r.passed(), r.summary());
    }
}
