package org.nnlab.exercises.recursion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nnlab.curriculum.grading.Graded;
import org.nnlab.curriculum.grading.Visibility;

/** Graded tests of the recursion exercise. */
class RecursionTest {

    @Test
    @Graded(points = 2, name = "factorialIterative: 0! … 10!")
    void iterativeFactorialOfSmallNumbers() {
        long expected = 1;
        for (int n = 0; n <= 10; n++) {
            expected *= Math.max(1, n);
            assertEquals(expected, Recursion.factorialIterative(n), n + "!");
        }
    }

    @Test
    @Graded(points = 2, name = "factorialRecursive: 0! … 10!")
    void recursiveFactorialOfSmallNumbers() {
        long expected = 1;
        for (int n = 0; n <= 10; n++) {
            expected *= Math.max(1, n);
            assertEquals(expected, Recursion.factorialRecursive(n), n + "!");
        }
    }

    @Test
    @Graded(points = 2, name = "power by repeated squaring")
    void powerBySquaring() {
        assertEquals(1.0, Recursion.power(3, 0), "3⁰");
        assertEquals(1024.0, Recursion.power(2, 10), "2¹⁰");
        assertEquals(2187.0, Recursion.power(3, 7), "3⁷");
        assertEquals(0.125, Recursion.power(0.5, 3), 1e-15, "0.5³");
    }

    @Test
    @Graded(points = 1, name = "without a base case: the depth reached, caught")
    void depthWithoutBaseCaseIsMeasured() {
        int depth = Recursion.depthWithoutBaseCase();
        assertTrue(depth > 1000, "a recursion without a base case runs until the stack is full, thousands of calls"
                + " deep, but depthWithoutBaseCase() returned " + depth);
    }

    // BEGIN HIDDEN TESTS
    @Test
    @Graded(points = 1, name = "20! is the largest factorial in a long", visibility = Visibility.AFTER_DUE_DATE)
    void twentyFactorialBothWays() {
        assertEquals(2432902008176640000L, Recursion.factorialIterative(20), "20! iteratively");
        assertEquals(2432902008176640000L, Recursion.factorialRecursive(20), "20! recursively");
    }

    @Test
    @Graded(points = 1, name = "negative and too-large n are rejected", visibility = Visibility.AFTER_DUE_DATE)
    void rejectsArgumentsOutsideTheRange() {
        assertThrows(IllegalArgumentException.class, () -> Recursion.factorialIterative(-1), "(-1)! iteratively");
        assertThrows(IllegalArgumentException.class, () -> Recursion.factorialRecursive(-1), "(-1)! recursively");
        assertThrows(IllegalArgumentException.class, () -> Recursion.factorialRecursive(21), "21! recursively");
    }

    @Test
    @Graded(points = 1, name = "power recursion is logarithmically deep", visibility = Visibility.AFTER_DUE_DATE)
    void powerOfAHugeExponentDoesNotOverflowTheStack() {
        assertEquals(1.0, Recursion.power(1.0, 1_000_000_000L), "1 to the power 10⁹ (about 60 calls deep by squaring)");
    }
    // END HIDDEN TESTS
}
