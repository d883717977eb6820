package org.nnlab.curriculum.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MarkedSourceTest {
    private static final String SOURCE = String.join("\n",
            "class A {",
            "    static int twice(int x) {",
            "        // BEGIN SOLUTION",
            "        return 2 * x;",
            "        // END SOLUTION",
            "    }",
            "    static int half(int x) {",
            "        // BEGIN SOLUTION: divide by two, rounding down",
            "        return x / 2;",
            "        // END SOLUTION",
            "    }",
            "    // BEGIN HIDDEN TESTS",
            "    void secret() { }",
            "    // END HIDDEN TESTS",
            "}");

    @Test
    void studentVersionStubsSolutionsAndDropsHiddenTests() {
        String student = new MarkedSource("A.java", SOURCE).studentVersion();
        assertEquals(String.join("\n",
                "class A {",
                "    static int twice(int x) {",
                "        throw new UnsupportedOperationException(\"TODO: implement twice (see the exercise's README.md)\");",
                "    }",
                "    static int half(int x) {",
                "        throw new UnsupportedOperationException(\"TODO: divide by two, rounding down\");",
                "    }",
                "}"), student);
    }

    @Test
    void instructorVersionIsTheSourceUnchanged() {
        MarkedSource marked = new MarkedSource("A.java", SOURCE);
        assertEquals(SOURCE, marked.instructorVersion());
        assertTrue(marked.hasSolution());
    }

    @Test
    void linesInsideAHiddenBlockAreHidden() {
        MarkedSource marked = new MarkedSource("A.java", SOURCE);
        assertTrue(marked.isHidden(13), "line 13 holds secret()");
        assertFalse(marked.isHidden(4), "line 4 is solution, not hidden test");
        assertFalse(marked.isHidden(15), "line 15 closes the class");
    }

    @Test
    void rejectsAnUnclosedBlockNamingFileAndLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new MarkedSource("B.java", "class B {\n    // BEGIN SOLUTION\n}"));
        assertEquals("B.java:2: // BEGIN SOLUTION is never closed. Hint: add // END SOLUTION after the block.", e.getMessage());
    }

    @Test
    void rejectsNestedAndMismatchedMarkers() {
        IllegalArgumentException nested = assertThrows(IllegalArgumentException.class,
                () -> new MarkedSource("C.java", "// BEGIN SOLUTION\n// BEGIN HIDDEN TESTS\n// END HIDDEN TESTS\n// END SOLUTION"));
        assertTrue(nested.getMessage().startsWith("C.java:2: // BEGIN HIDDEN TESTS inside the block opened at line 1"),
                nested.getMessage());
        IllegalArgumentException mismatched = assertThrows(IllegalArgumentException.class,
                () -> new MarkedSource("D.java", "// BEGIN SOLUTION\n// END HIDDEN TESTS"));
        assertTrue(mismatched.getMessage().startsWith("D.java:2: // END HIDDEN TESTS without a matching"),
                mismatched.getMessage());
    }

    @Test
    void everyBundledStudentFileHasASolutionAndTheReleaseHasNone() {
        for (Exercise e : ExerciseCatalog.bundled().all()) {
            for (String path : e.studentFiles()) {
                MarkedSource marked = e.marked(path);
                assertTrue(marked.hasSolution(), path + " has no solution block");
                assertFalse(marked.studentVersion().contains("SOLUTION"), path + " leaks a marker into the release");
            }
            for (String path : e.testFiles()) {
                assertFalse(e.marked(path).studentVersion().contains("HIDDEN"), path + " leaks hidden tests");
            }
        }
    }
}
