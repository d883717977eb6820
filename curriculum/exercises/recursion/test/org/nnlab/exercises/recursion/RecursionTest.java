package org.nnlab.exercises.recursion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nnlab.exercise.Graded;
import org.nnlab.exercise.Visibility;

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
    void depthWithoutBaseCaseIsMeasured() throws InterruptedException {
        // Measured twice, on a small and a 16 times larger stack: a real recursion gets many times
        // deeper on the larger one, a made-up number does not.
        int small = depthOnAStackOf(256 * 1024);
        int large = depthOnAStackOf(4 * 1024 * 1024);
        assertTrue(small > 500, "a recursion without a base case runs until the stack is full, hundreds of calls"
                + " deep even on a small stack, but depthWithoutBaseCase() returned " + small);
        assertTrue(large > 3 * small, "on a 16 times larger stack the same recursion gets many times deeper, but"
                + " depthWithoutBaseCase() returned " + small + " on a 256 KB stack and " + large + " on a 4 MB one."
                + " Count the calls the recursion really makes (e.g. in depth[0]) and return that count.");
    }

    /** depthWithoutBaseCase() run on a fresh thread with a stack of {@code bytes}; its error, if any, rethrown. */
    private static int depthOnAStackOf(long bytes) throws InterruptedException {
        int[] depth = {0};
        Throwable[] failure = {null};
        Thread t = new Thread(null, () -> {
            try {
                depth[0] = Recursion.depthWithoutBaseCase();
            } catch (Throwable e) {
                failure[0] = e;
            }
        }, "depth-" + bytes, bytes);
        t.start();
        t.join();
        if (failure[0] instanceof RuntimeException e) {
            throw e;
        }
        if (failure[0] instanceof Error e) {
            throw e;
        }
        return depth[0];
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
