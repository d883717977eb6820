package org.nnlab.curriculum.exercise;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nnlab.curriculum.grading.GradeOptions;

class SelfCheckTest {
    @Test
    void fibonacciReferenceScoresFullAndStarterZero() {
        SelfCheck.Result r = SelfCheck.run(ExerciseCatalog.bundled().find("fibonacci"), GradeOptions.defaults());
        assertTrue(r.passed(), r.summary() + r.reference() + r.starter());
    }
}
