package org.nnlab.exercises.fibonacci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.nnlab.exercise.Graded;
import org.nnlab.exercise.Visibility;

/**
 * Graded tests of the Fibonacci exercise. Calls are counted by overriding the public methods, the
 * way a Mockito spy would: your recursive calls go through the override too. Every expected value
 * comes from {@link #fib}, the test's own table, never from the code under test.
 */
class FibonacciTest {
    private static final int FIRST = 12;

    /** F(n) from the test's own table. */
    private static long fib(int n) {
        return switch (n) {
            case 1, 2 -> 1;
            case 3 -> 2;
            case 4 -> 3;
            case 5 -> 5;
            case 6 -> 8;
            case 7 -> 13;
            case 8 -> 21;
            case 9 -> 34;
            case 10 -> 55;
            case 11 -> 89;
            case 12 -> 144;
            case 20 -> 6765;
            case 30 -> 832_040;
            case 40 -> 102_334_155;
            case 80 -> 23_416_728_348_467_685L;
            default -> throw new IllegalArgumentException("F(" + n + ") is not in the test's table");
        };
    }

    /** Counts every call of naive(int) and memoized(int, long[]). */
    static final class Counting extends Fibonacci {
        long naiveCalls;
        long memoCalls;

        @Override
        public long naive(int n) {
            naiveCalls++;
            return super.naive(n);
        }

        @Override
        public long memoized(int n, long[] memo) {
            memoCalls++;
            return super.memoized(n, memo);
        }
    }

    @Test
    @Graded(points = 2, name = "naive: F(1) … F(12)")
    void naiveGivesTheFirstTwelveNumbers() {
        Fibonacci f = new Fibonacci();
        for (int n = 1; n <= FIRST; n++) {
            assertEquals(fib(n), f.naive(n), "naive(" + n + ")");
        }
    }

    @Test
    @Graded(points = 2, name = "naive makes 2·F(n) − 1 calls")
    void naiveMakesTwoFMinusOneCalls() {
        for (int n : new int[] {1, 2, 5, 10, 20}) {
            Counting f = new Counting();
            assertEquals(fib(n), f.naive(n), "naive(" + n + ")");
            assertEquals(2 * fib(n) - 1, f.naiveCalls, "calls of naive(" + n + ") including the first;"
                    + " expected 2·F(n) − 1 = " + (2 * fib(n) - 1) + ". Recurse with naive(n - 1) + naive(n - 2).");
        }
    }

    @Test
    @Graded(points = 2, name = "memoized: F(1) … F(12)")
    void memoizedGivesTheFirstTwelveNumbers() {
        Fibonacci f = new Fibonacci();
        for (int n = 1; n <= FIRST; n++) {
            assertEquals(fib(n), f.memoized(n), "memoized(" + n + ")");
        }
    }

    @Test
    @Graded(points = 2, name = "memoized makes O(n) calls")
    void memoizedMakesLinearlyManyCalls() {
        for (int n : new int[] {10, 40, 80}) {
            Counting f = new Counting();
            assertEquals(fib(n), f.memoized(n), "memoized(" + n + ")");
            assertTrue(f.memoCalls <= 2L * n, "memoized(" + n + ") made " + f.memoCalls
                    + " calls of memoized(k, memo) but a memo table needs at most 2n = " + (2 * n)
                    + ". Look the value up in memo before recursing, and store it before returning.");
            assertTrue(f.memoCalls >= n - 1, "memoized(" + n + ") made only " + f.memoCalls + " calls of"
                    + " memoized(k, memo); top-down memoization computes each F(k), k < n, by a call of"
                    + " memoized(k, memo), so at least n − 1 = " + (n - 1) + ". Recurse through memoized(n - 1, memo).");
        }
    }

    @Test
    @Graded(points = 1, name = "bottomUp: F(1) … F(12)")
    void bottomUpGivesTheFirstTwelveNumbers() {
        Fibonacci f = new Fibonacci();
        for (int n = 1; n <= FIRST; n++) {
            assertEquals(fib(n), f.bottomUp(n), "bottomUp(" + n + ")");
        }
    }

    @Test
    @Graded(points = 1, name = "naive(30) vs memoized(30): the time gap (printed)")
    void naiveAndMemoizedAgreeOnThirty() {
        Fibonacci f = new Fibonacci();
        long t0 = System.nanoTime();
        long slow = f.naive(30);
        long t1 = System.nanoTime();
        long fast = f.memoized(30);
        long t2 = System.nanoTime();
        assertEquals(fib(30), slow, "naive(30)");
        assertEquals(fib(30), fast, "memoized(30)");
        // Feedback for the student: the gap is shown, not graded, as timings vary between machines.
        System.out.printf(Locale.ROOT, "naive(30) = %d took %.2f ms; memoized(30) took %.3f ms (%.0f× faster)%n",
                slow, (t1 - t0) / 1e6, (t2 - t1) / 1e6, (double) (t1 - t0) / Math.max(1, t2 - t1));
    }

    // BEGIN HIDDEN TESTS
    @Test
    @Graded(points = 2, name = "F(90) in a long, memoized and bottom-up", visibility = Visibility.AFTER_DUE_DATE)
    void ninetiethNumberFitsInALong() {
        Fibonacci f = new Fibonacci();
        assertEquals(2880067194370816120L, f.memoized(90), "memoized(90)");
        assertEquals(2880067194370816120L, f.bottomUp(90), "bottomUp(90)");
    }

    @Test
    @Graded(points = 1, name = "n < 1 is rejected", visibility = Visibility.AFTER_DUE_DATE)
    void rejectsNonPositiveN() {
        Fibonacci f = new Fibonacci();
        assertThrows(IllegalArgumentException.class, () -> f.naive(0), "naive(0)");
        assertThrows(IllegalArgumentException.class, () -> f.memoized(-1), "memoized(-1)");
        assertThrows(IllegalArgumentException.class, () -> f.bottomUp(0), "bottomUp(0)");
    }
    // END HIDDEN TESTS
}
