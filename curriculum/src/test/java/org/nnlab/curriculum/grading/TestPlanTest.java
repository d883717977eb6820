package org.nnlab.curriculum.grading;

import org.nnlab.exercise.Visibility;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnlab.curriculum.exercise.ExerciseCatalog;
import org.nnlab.curriculum.exercise.ExerciseSource;

class TestPlanTest {

    @Test
    void readsPointsNamesVisibilityAndHiddennessFromTheSource() {
        TestPlan plan = TestPlan.of(ExerciseCatalog.bundled().find("fibonacci"));
        assertEquals(8, plan.tests().size());
        assertEquals(13.0, plan.maxScore());
        assertEquals(10.0, plan.visibleOnly().maxScore());
        GradedTest ninety = plan.tests().stream().filter(t -> t.methodName().equals("ninetiethNumberFitsInALong"))
                .findFirst().orElseThrow();
        assertEquals("org.nnlab.exercises.fibonacci.FibonacciTest", ninety.className());
        assertEquals("F(90) in a long, memoized and bottom-up", ninety.name());
        assertEquals(Visibility.AFTER_DUE_DATE, ninety.visibility());
        assertTrue(ninety.hidden());
        assertEquals(5.0, ninety.timeoutSeconds());
        assertFalse(plan.tests().get(0).hidden());
    }

    @Test
    void timeoutOnTheAnnotationOverridesTheExerciseDefault() {
        TestPlan plan = TestPlan.of(ExerciseCatalog.bundled().find("mnist"));
        assertEquals(90.0, plan.tests().get(1).timeoutSeconds());
    }

    @Test
    void rejectsPointsThatAreNotLiterals(@TempDir Path root) throws Exception {
        Files.writeString(root.resolve("index.txt"), "e\n");
        Files.createDirectories(root.resolve("e/test/p"));
        Files.createDirectories(root.resolve("e/src/p"));
        Files.writeString(root.resolve("e/src/p/A.java"), "package p;\npublic class A { }\n");
        Files.writeString(root.resolve("e/exercise.properties"), "title=E\nstudent=src/p/A.java\ntests=test/p/ATest.java\n");
        Files.writeString(root.resolve("e/test/p/ATest.java"),
                "package p;\nclass ATest {\n    static final int P = 2;\n    @Graded(points = P)\n    void t() { }\n}\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TestPlan.of(org.nnlab.curriculum.exercise.ExerciseCatalog.load(ExerciseSource.directory(root)).find("e")));
        assertTrue(e.getMessage().startsWith("ATest.java:4: @Graded numbers must be literals but got 'P'"), e.getMessage());
    }
}
