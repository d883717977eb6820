package org.nnlab.curriculum.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The test JVM's class path holds no exercise file; a submission compiles without JUnit and the grader. */
class RuntimeClasspathTest {
    private static final List<String> GRADER = GradeOptions.currentClasspath();

    @Test
    void theTestJvmsClassPathHoldsNoExerciseFile() {
        assertTrue(GRADER.stream().anyMatch(e -> RuntimeClasspath.contains(e, RuntimeClasspath.TEST_JVM_EXCLUDES)),
                "this module's classes folder holds exercises/ (the bundled exercises), which the test needs: " + GRADER);
        List<String> child = RuntimeClasspath.forTestJvm(GRADER);
        assertEquals(GRADER.size(), child.size());
        for (String entry : child) {
            assertFalse(RuntimeClasspath.contains(entry, RuntimeClasspath.TEST_JVM_EXCLUDES), entry + " holds exercise files");
        }
        assertTrue(child.stream().anyMatch(e -> RuntimeClasspath.contains(e, List.of("org/junit/"))),
                "the tests need JUnit: " + child);
    }

    @Test
    void aSubmissionCompilesWithoutJunitTheGradingApiAndTheGrader() {
        List<String> student = RuntimeClasspath.forSubmissions(GRADER);
        for (String entry : student) {
            assertFalse(RuntimeClasspath.contains(entry, RuntimeClasspath.SUBMISSION_EXCLUDES), entry);
        }
        assertTrue(student.stream().anyMatch(e -> RuntimeClasspath.contains(e, List.of("org/nnlab/core/"))),
                "the library stays: " + student);
    }

    @Test
    void theCopiesAreMadeOncePerProcess() {
        assertEquals(RuntimeClasspath.forTestJvm(GRADER), RuntimeClasspath.forTestJvm(GRADER));
        assertEquals(RuntimeClasspath.forSubmissions(GRADER), RuntimeClasspath.forSubmissions(GRADER));
    }
}
