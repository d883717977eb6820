package org.nnlab.curriculum.lecture;

import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import org.nnlab.viz.plot.Axes;
import org.nnlab.viz.plot.Figure;
import org.nnlab.viz.plot.Scale;

/**
 * Section 5 (the lecture's §6): recursion and dynamic programming, the road to backpropagation.
 *
 * <p>Naive recursive Fibonacci recomputes the same subproblems: fib(n) makes 2·F(n) − 1 calls.
 * Memoizing each result the first time (the lecture's {@code mfib}) makes 2n − 1 calls, and the
 * bottom-up table makes none. Backpropagation is the same idea on a computation graph: each
 * node's gradient is computed once and reused by every path through it.
 */
final class RecursionLesson implements Lesson {
    private static final int TIMED_N = 30;

    private long calls;

    @Override
    public String id() {
        return "recursion";
    }

    @Override
    public String title() {
        return "5. Recursion and dynamic programming (lecture §6)";
    }

    @Override
    public void run(LessonContext ctx) {
        ctx.paragraph("A recursive function calls itself on a smaller problem until it reaches a base case."
                + " Factorial is the simplest: n! = n · (n − 1)!, with 0! = 1. The lecture writes it both ways:");
        ctx.snippet("factorial");
        ctx.code("fac(5) = " + factorialRecursive(5) + "\nfacIterative(5) = " + factorialIterative(5));
        ctx.number("fac_5_recursive", factorialRecursive(5));
        ctx.number("fac_5_iterative", factorialIterative(5));
        ctx.number("factorial_20", factorialRecursive(20));
        ctx.paragraph("21! no longer fits in a long (2⁶³ − 1 ≈ 9.2·10¹⁸): "
                + factorialBig(21) + ". Without the base case the recursion never stops and the JVM throws"
                + " StackOverflowError once the call stack is full.");

        ctx.paragraph("Fibonacci, F(n) = F(n − 1) + F(n − 2), shows why recursion needs memory. The naive"
                + " version solves the same subproblems again and again; mfib stores each F(k) the first time"
                + " (top-down memoization), and the bottom-up version fills the table from F(1) = F(2) = 1.");
        ctx.snippet("fibonacci");
        long fib10 = naive(10);
        long mfib10 = memoized(10, new long[11]);
        ctx.code("fib(10) = " + fib10 + "\nmfib(10) = " + mfib10);
        ctx.number("fib_10", fib10);
        ctx.number("mfib_10", mfib10);
        int maxN = 25;
        double[] ns = new double[maxN - 1];
        double[] naiveCalls = new double[maxN - 1];
        double[] memoCalls = new double[maxN - 1];
        for (int n = 2; n <= maxN; n++) {
            calls = 0;
            naive(n);
            naiveCalls[n - 2] = calls;
            calls = 0;
            memoized(n, new long[n + 1]);
            memoCalls[n - 2] = calls;
            ns[n - 2] = n;
        }
        Timeit naiveTime = Timeit.of(() -> naive(TIMED_N));
        Timeit memoTime = Timeit.of(() -> memoized(TIMED_N, new long[TIMED_N + 1]));
        calls = 0;
        long f30 = naive(TIMED_N);
        long naiveCalls30 = calls;
        calls = 0;
        memoized(TIMED_N, new long[TIMED_N + 1]);
        long memoCalls30 = calls;
        ctx.number("fib_30", f30);
        ctx.number("fib_30_naive_calls", naiveCalls30);
        ctx.number("fib_30_memo_calls", memoCalls30);
        ctx.number("fib_30_naive_ms", naiveTime.meanSeconds() * 1e3);
        ctx.number("fib_30_memo_ms", memoTime.meanSeconds() * 1e3);
        ctx.number("fib_30_naive_timeit", naiveTime.toString());
        ctx.number("fib_30_memo_timeit", memoTime.toString());
        ctx.number("fib_90", bottomUp(90));
        ctx.paragraph("Timed as the lecture's %timeit does (the loop count is the first power of ten that takes"
                + " 0.2 s, then 7 runs of it), on this machine; mfib starts from an empty memo in every loop, so"
                + " it measures the 2n − 3 calls and not a lookup:");
        ctx.code("%timeit fib(30)\n" + naiveTime + "\n%timeit mfib(30)\n" + memoTime);
        ctx.table(List.of("fib(30)", "value", "calls"), List.of(
                List.of("naive", f30, naiveCalls30),
                List.of("memoized", f30, memoCalls30),
                List.of("bottom-up", bottomUp(TIMED_N), 1)));
        ctx.paragraph(String.format(Locale.ROOT, "Naive fib(30) makes 2·F(30) − 1 = %,d calls; memoized, 2·30 − 3 = %d,"
                + " a factor of about %,.0f in time. F(90) = %d still fits in a long.", naiveCalls30, memoCalls30,
                naiveTime.meanSeconds() / Math.max(1e-12, memoTime.meanSeconds()), bottomUp(90)));

        Figure figure = new Figure(6, 4);
        Axes ax = figure.subplot();
        ax.plot(ns, naiveCalls, "o-").label("naive: 2·F(n) − 1 calls");
        ax.plot(ns, memoCalls, "s-").label("memoized: 2n − 3 calls");
        ax.yscale(Scale.LOG).xlabel("$n$").ylabel("calls to compute fib(n)").title("Fibonacci: calls per n")
                .grid(0.3).legend(2);
        ctx.figure("fibonacci-calls", figure, "Calls made to compute fib(n), log scale: exponential without"
                + " memory, linear with it.");
        ctx.paragraph("Backpropagation is this memoization on a network: the gradient at each layer is computed"
                + " once from the layer above and reused, instead of re-deriving every path from the loss.");
    }

    // SNIPPET factorial
    static long factorialRecursive(int n) {
        return n == 0 ? 1 : n * factorialRecursive(n - 1);   // base case, then recursion
    }

    static long factorialIterative(int n) {
        long f = 1;
        for (int k = 2; k <= n; k++) {
            f *= k;
        }
        return f;
    }
    // END SNIPPET

    private static BigInteger factorialBig(int n) {
        BigInteger f = BigInteger.ONE;
        for (int k = 2; k <= n; k++) {
            f = f.multiply(BigInteger.valueOf(k));
        }
        return f;
    }

    // SNIPPET fibonacci
    /** The lecture's fib: F(1) = F(2) = 1; for n ≥ 1 it makes 2·F(n) − 1 calls. */
    private long naive(int n) {
        calls++;
        return n <= 2 ? 1 : naive(n - 1) + naive(n - 2);
    }

    /** The lecture's mfib: top-down with a memo table; 2n − 3 calls for n ≥ 2. */
    private long memoized(int n, long[] memo) {
        calls++;
        if (n <= 2) {
            return 1;
        }
        if (memo[n] == 0) {
            memo[n] = memoized(n - 1, memo) + memoized(n - 2, memo);
        }
        return memo[n];
    }
    // END SNIPPET

    static long bottomUp(int n) {
        long a = 0;
        long b = 1;
        for (int k = 0; k < n; k++) {
            long t = a + b;
            a = b;
            b = t;
        }
        return a;
    }
}
