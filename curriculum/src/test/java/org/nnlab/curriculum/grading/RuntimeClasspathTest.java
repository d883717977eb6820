package org.nnlab.curriculum.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The test JVM's class path: the grader's, without a single exercise file. */
class RuntimeClasspathTest {
    @Test
    void noEntryHoldsExerciseFilesAndEveryClassStaysReachable() {
        List<String> grader = GradeOptions.currentClasspath();
        assertTrue(grader.stream().anyMatch(RuntimeClasspath::containsSecrets),
                "this module's classes folder holds exercises/ (the bundled exercises), which the test needs: " + grader);
        List<String> child = RuntimeClasspath.of(grader);
        assertEquals(grader.size(), child.size());
        for (String entry : child) {
            assertFalse(RuntimeClasspath.containsSecrets(entry), entry + " still holds exercise files");
        }
        assertTrue(child.stream().anyMatch(e -> e.endsWith("classes.jar") || e.contains("nnlab-runtime-")), child.toString());
    }

    @Test
    void theCopiesAreMadeOncePerProcess() {
        List<String> grader = GradeOptions.currentClasspath();
        assertEquals(RuntimeClasspath.of(grader), RuntimeClasspath.of(grader));
    }
}
