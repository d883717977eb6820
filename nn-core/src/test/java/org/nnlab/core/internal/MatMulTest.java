package org.nnlab.core.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class MatMulTest {
    /** Sizes around the 4-wide unrolling and the 64-row k block, plus the lecture's widths. */
    private static final int[] SIZES = {1, 2, 3, 4, 5, 7, 8, 13, 31, 63, 64, 65, 67, 100, 129};

    @Test
    void fastAgreesWithReferenceOnRandomShapes() {
        SplittableRandom rng = new SplittableRandom(11);
        for (int trial = 0; trial < 60; trial++) {
            int m = SIZES[rng.nextInt(SIZES.length)];
            int k = SIZES[rng.nextInt(SIZES.length)];
            int n = SIZES[rng.nextInt(SIZES.length)];
            boolean accumulate = rng.nextBoolean();
            double zeroFraction = trial % 3 == 0 ? 0.7 : 0.0;
            assertAllAgree(rng, m, k, n, accumulate, zeroFraction);
        }
    }

    @Test
    void agreesOnOneByOne() {
        SplittableRandom rng = new SplittableRandom(12);
        assertAllAgree(rng, 1, 1, 1, false, 0);
        assertAllAgree(rng, 1, 1, 1, true, 0);
    }

    @Test
    void agreesWhenTheLeftMatrixIsAllZeros() {
        SplittableRandom rng = new SplittableRandom(13);
        assertAllAgree(rng, 9, 67, 5, false, 1.0);
        assertAllAgree(rng, 9, 67, 5, true, 1.0);
    }

    @Test
    void abComputesAHandWorkedProduct() {
        // [1 2; 3 4] · [5 6; 7 8] = [19 22; 43 50]
        double[] c = new double[4];
        MatMul.ab(new double[] {1, 2, 3, 4}, new double[] {5, 6, 7, 8}, c, 2, 2, 2, false);
        assertArrayEquals(new double[] {19, 22, 43, 50}, c, 0.0);
        MatMul.ab(new double[] {1, 2, 3, 4}, new double[] {5, 6, 7, 8}, c, 2, 2, 2, true);
        assertArrayEquals(new double[] {38, 44, 86, 100}, c, 0.0);
    }

    @Test
    void scratchReuseStaysCorrectAcrossShapeSequences() {
        SplittableRandom rng = new SplittableRandom(14);
        int[][] sequence = {{100, 200, 150}, {3, 5, 2}, {130, 70, 90}, {1, 129, 1}, {64, 1, 64}, {120, 190, 140}};
        for (int[] s : sequence) {
            assertAllAgree(rng, s[0], s[1], s[2], false, 0);
            assertAllAgree(rng, s[0], s[1], s[2], true, 0.3);
        }
    }

    @Test
    void emptyInnerDimensionGivesZerosOnAFreshThread() throws InterruptedException {
        // A thread's very first product with k = 0 used to leave a scratch that broke the next product.
        AtomicReference<Throwable> failure = new AtomicReference<>();
        double[] c = {9, 9, 9, 9, 9, 9};
        double[] next = new double[4];
        Thread thread = new Thread(() -> {
            try {
                MatMul.ab(new double[0], new double[0], c, 2, 0, 3, false);
                MatMul.ab(new double[] {1, 2, 3, 4}, new double[] {5, 6, 7, 8}, next, 2, 2, 2, false);
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        thread.start();
        thread.join();
        assertNull(failure.get(), () -> "failed with " + failure.get());
        assertArrayEquals(new double[6], c, 0.0);
        assertArrayEquals(new double[] {19, 22, 43, 50}, next, 0.0);
    }

    /** Checks ab, atb and abt against their references on one shape, in both precisions. */
    private static void assertAllAgree(SplittableRandom rng, int m, int k, int n, boolean accumulate,
                                       double zeroFraction) {
        assertDoublesAgree(rng, m, k, n, accumulate, zeroFraction);
        assertFloatsAgree(rng, m, k, n, accumulate, zeroFraction);
    }

    /**
     * The float kernels against the double references run on the same (float) values: within the
     * rounding of a float sum of k products.
     */
    private static void assertFloatsAgree(SplittableRandom rng, int m, int k, int n, boolean accumulate,
                                          double zeroFraction) {
        String where = "float32 m=" + m + " k=" + k + " n=" + n + " accumulate=" + accumulate;
        float[] a = Rounding.toFloat(random(rng, m * k, zeroFraction));
        float[] b = Rounding.toFloat(random(rng, k * n, 0));
        float[] start = Rounding.toFloat(random(rng, m * n, 0));
        float[] fast = start.clone();
        MatMul.ab(a, b, fast, m, k, n, accumulate);
        Rounding.ofSum("ab " + where, reference(MatMul::abReference, a, b, start, m, k, n, accumulate, false),
                reference(MatMul::abReference, a, b, start, m, k, n, accumulate, true), fast, k);

        float[] b2 = Rounding.toFloat(random(rng, m * n, zeroFraction));
        start = Rounding.toFloat(random(rng, k * n, 0));
        fast = start.clone();
        MatMul.atb(a, b2, fast, m, k, n, accumulate);
        Rounding.ofSum("atb " + where, reference(MatMul::atbReference, a, b2, start, m, k, n, accumulate, false),
                reference(MatMul::atbReference, a, b2, start, m, k, n, accumulate, true), fast, m);

        float[] a3 = Rounding.toFloat(random(rng, m * n, zeroFraction));
        float[] b3 = Rounding.toFloat(random(rng, k * n, 0));
        start = Rounding.toFloat(random(rng, m * k, 0));
        fast = start.clone();
        MatMul.abt(a3, b3, fast, m, n, k, accumulate);
        Rounding.ofSum("abt " + where, reference(MatMul::abtReference, a3, b3, start, m, n, k, accumulate, false),
                reference(MatMul::abtReference, a3, b3, start, m, n, k, accumulate, true), fast, n);
    }

    /** A reference product of the three matrices of one shape. */
    @FunctionalInterface
    interface ReferenceProduct {
        void run(double[] a, double[] b, double[] c, int d1, int d2, int d3, boolean accumulate);
    }

    /** The double reference on the float values, or of their absolute values ({@code magnitude}). */
    static double[] reference(ReferenceProduct product, float[] a, float[] b, float[] start, int d1, int d2, int d3,
                              boolean accumulate, boolean magnitude) {
        double[] aa = Rounding.widen(a);
        double[] bb = Rounding.widen(b);
        double[] c = Rounding.widen(start);
        if (magnitude) {
            aa = Rounding.abs(aa);
            bb = Rounding.abs(bb);
            c = Rounding.abs(c);
        }
        product.run(aa, bb, c, d1, d2, d3, accumulate);
        return c;
    }

    /** Checks ab, atb and abt against their references on one shape, in double. */
    private static void assertDoublesAgree(SplittableRandom rng, int m, int k, int n, boolean accumulate,
                                           double zeroFraction) {
        String where = "m=" + m + " k=" + k + " n=" + n + " accumulate=" + accumulate;
        // ab: a:(m,k) b:(k,n) → c:(m,n)
        double[] a = random(rng, m * k, zeroFraction);
        double[] b = random(rng, k * n, 0);
        double[] start = random(rng, m * n, 0);
        double[] fast = start.clone();
        double[] reference = start.clone();
        MatMul.ab(a, b, fast, m, k, n, accumulate);
        MatMul.abReference(a, b, reference, m, k, n, accumulate);
        assertClose(reference, fast, "ab " + where);

        // atb: a:(m,k) b:(m,n) → c:(k,n)
        double[] b2 = random(rng, m * n, zeroFraction);
        start = random(rng, k * n, 0);
        fast = start.clone();
        reference = start.clone();
        MatMul.atb(a, b2, fast, m, k, n, accumulate);
        MatMul.atbReference(a, b2, reference, m, k, n, accumulate);
        assertClose(reference, fast, "atb " + where);

        // abt: a:(m,n) b:(k,n) → c:(m,k)
        double[] a3 = random(rng, m * n, zeroFraction);
        double[] b3 = random(rng, k * n, 0);
        start = random(rng, m * k, 0);
        fast = start.clone();
        reference = start.clone();
        MatMul.abt(a3, b3, fast, m, n, k, accumulate);
        MatMul.abtReference(a3, b3, reference, m, n, k, accumulate);
        assertClose(reference, fast, "abt " + where);
    }

    /** |fast − reference| ≤ 1e-12 relative to the largest reference value (summation order differs). */
    private static void assertClose(double[] reference, double[] fast, String where) {
        assertEquals(reference.length, fast.length, where);
        double scale = 1;
        for (double v : reference) {
            scale = Math.max(scale, Math.abs(v));
        }
        for (int i = 0; i < reference.length; i++) {
            double diff = Math.abs(reference[i] - fast[i]);
            int index = i;
            assertTrue(diff <= 1e-12 * scale, () -> where + ": index " + index + " differs by " + diff);
        }
    }

    private static double[] random(SplittableRandom rng, int size, double zeroFraction) {
        double[] x = new double[size];
        for (int i = 0; i < size; i++) {
            x[i] = rng.nextDouble() < zeroFraction ? 0.0 : rng.nextDouble(-1, 1);
        }
        return x;
    }
}
