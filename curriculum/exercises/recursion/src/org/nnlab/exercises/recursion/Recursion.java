package org.nnlab.exercises.recursion;

/**
 * Recursion from the lecture: a function that calls itself on a smaller problem until it reaches
 * a base case it can answer directly.
 */
public class Recursion {

    /** The largest n whose factorial fits in a long: 20! ≈ 2.4·10¹⁸, 21! does not fit. */
    public static final int MAX_FACTORIAL = 20;

    /**
     * n! = 1 · 2 · … · n with a loop; 0! = 1.
     *
     * @throws IllegalArgumentException if n &lt; 0 or n &gt; {@value #MAX_FACTORIAL}
     */
    public static long factorialIterative(int n) {
        // BEGIN SOLUTION
        checkFactorialArgument(n);
        long product = 1;
        for (int k = 2; k <= n; k++) {
            product *= k;
        }
        return product;
        // END SOLUTION
    }

    /**
     * n! recursively: the base case 0! = 1, and n! = n · (n − 1)!.
     *
     * @throws IllegalArgumentException if n &lt; 0 or n &gt; {@value #MAX_FACTORIAL}
     */
    public static long factorialRecursive(int n) {
        // BEGIN SOLUTION
        checkFactorialArgument(n);
        if (n == 0) {
            return 1;
        }
        return n * factorialRecursive(n - 1);
        // END SOLUTION
    }

    /**
     * base to the power exponent by repeated squaring: x⁰ = 1, xⁿ = (x^(n/2))² for even n and
     * x · xⁿ⁻¹ for odd n. The recursion depth is about 2·log₂(n), not n.
     *
     * @throws IllegalArgumentException if exponent &lt; 0
     */
    public static double power(double base, long exponent) {
        // BEGIN SOLUTION
        if (exponent < 0) {
            throw new IllegalArgumentException("exponent (" + exponent + ") must be >= 0");
        }
        if (exponent == 0) {
            return 1;
        }
        if (exponent % 2 == 0) {
            double half = power(base, exponent / 2);
            return half * half;
        }
        return base * power(base, exponent - 1);
        // END SOLUTION
    }

    /**
     * What happens without a base case, caught and measured instead of crashing: calls a factorial
     * that never stops, catches the {@link StackOverflowError} it ends in, and returns how many
     * calls deep it got.
     */
    public static int depthWithoutBaseCase() {
        // BEGIN SOLUTION
        int[] depth = {0};
        try {
            endless(1, depth);
        } catch (StackOverflowError e) {
            return depth[0];
        }
        throw new AssertionError("unreachable: a recursion without a base case never returns");
        // END SOLUTION
    }

    /** A factorial without a base case: every call makes another one. Counts its depth in {@code depth[0]}. */
    static long endless(int n, int[] depth) {
        depth[0]++;
        return n * endless(n - 1, depth);
    }

    static void checkFactorialArgument(int n) {
        if (n < 0 || n > MAX_FACTORIAL) {
            throw new IllegalArgumentException("factorial needs 0 <= n <= " + MAX_FACTORIAL + " but n = " + n
                    + (n > MAX_FACTORIAL ? " (its factorial would overflow a long)" : ""));
        }
    }
}
