package org.nnlab.core.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NonZerosTest {
    private static final double TOLERANCE = 1e-12;
    private static final int[][] SHAPES = {
        {1, 1, 1}, {1, 7, 3}, {3, 1, 5}, {5, 4, 1}, {2, 3, 4}, {7, 13, 5}, {32, 784, 100}, {33, 101, 10},
        {17, 130, 67}, {9, 65, 129}, {64, 5, 9}, {130, 37, 11}, {257, 20, 3},
    };

    @AfterEach
    void restoreThreads() {
        Parallel.setThreads(1);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void productsOfTheNonzerosMatchTheReferenceLoopsOnRandomShapes(int threads) {
        Parallel.setThreads(threads);
        SplittableRandom rng = new SplittableRandom(threads);
        for (int[] s : SHAPES) {
            for (double zeros : new double[] {0.0, 0.5, 0.95}) {
                for (boolean accumulate : new boolean[] {false, true}) {
                    checkAll(s[0], s[1], s[2], zeros, accumulate, rng);
                }
            }
        }
    }

    @Test
    void sparseProductsHandleAllZeroAndAllNonzeroInputs() {
        SplittableRandom rng = new SplittableRandom(7);
        checkAll(6, 40, 9, 1.0, false, rng);
        checkAll(6, 40, 9, 1.0, true, rng);
        checkAll(6, 40, 9, 0.0, true, rng);
    }

    @Test
    void nonZerosReportsTheDensityOfTheBatch() {
        NonZeros nz = new NonZeros();
        nz.build(new double[] {0, 1, 0, 0, 2, 0, 0, 0}, 2, 4);
        assertEquals(0.25, nz.density(), 1e-15, "2 nonzeros of 8");
        assertEquals(2, nz.rows(), "rows");
        assertEquals(4, nz.cols(), "cols");
    }

    @Test
    void nonZerosCanBeRebuiltForASmallerBatch() {
        SplittableRandom rng = new SplittableRandom(3);
        NonZeros nz = new NonZeros();
        double[] big = random(20 * 30, 0.5, rng);
        nz.build(big, 20, 30);
        double[] small = random(3 * 30, 0.5, rng);
        double[] w = random(30 * 4, 0, rng);
        double[] expected = new double[3 * 4];
        MatMul.abReference(small, w, expected, 3, 30, 4, false);
        nz.build(small, 3, 30);
        double[] actual = new double[3 * 4];
        MatMul.ab(nz, w, actual, 4, false);
        assertArrayEquals(expected, actual, TOLERANCE, "x·W after rebuilding the lists for 3 rows");
    }

    private static void checkAll(int m, int k, int n, double zeros, boolean accumulate, SplittableRandom rng) {
        String where = m + "x" + k + "x" + n + ", zeros " + zeros + ", accumulate " + accumulate + ", threads "
                + Parallel.threads();
        double[] a = random(m * k, zeros, rng);
        double[] b = random(k * n, 0, rng);
        double[] start = random(m * n, 0, rng);
        check("ab " + where, start, c -> MatMul.abReference(a, b, c, m, k, n, accumulate),
                c -> MatMul.ab(a, b, c, m, k, n, accumulate));
        NonZeros nz = new NonZeros();
        nz.build(a, m, k);
        check("sparse ab " + where, start, c -> MatMul.abReference(a, b, c, m, k, n, accumulate),
                c -> MatMul.ab(nz, b, c, n, accumulate));

        double[] dy = random(m * n, zeros, rng);
        double[] startK = random(k * n, 0, rng);
        check("atb " + where, startK, c -> MatMul.atbReference(a, dy, c, m, k, n, accumulate),
                c -> MatMul.atb(a, dy, c, m, k, n, accumulate));
        check("sparse atb " + where, startK, c -> MatMul.atbReference(a, dy, c, m, k, n, accumulate),
                c -> MatMul.atb(nz, dy, c, n, accumulate));

        double[] startM = random(m * k, 0, rng);
        check("abt " + where, startM, c -> MatMul.abtReference(dy, b, c, m, n, k, accumulate),
                c -> MatMul.abt(dy, b, c, m, n, k, accumulate));
    }

    private static void check(String what, double[] start, java.util.function.Consumer<double[]> reference,
                              java.util.function.Consumer<double[]> fast) {
        double[] expected = start.clone();
        reference.accept(expected);
        double[] actual = start.clone();
        fast.accept(actual);
        for (int i = 0; i < expected.length; i++) {
            double scale = Math.max(1, Math.abs(expected[i]));
            assertEquals(expected[i], actual[i], TOLERANCE * scale * 100, what + " at index " + i);
        }
    }

    private static double[] random(int size, double zeros, SplittableRandom rng) {
        double[] x = new double[size];
        for (int i = 0; i < size; i++) {
            x[i] = rng.nextDouble() < zeros ? 0.0 : rng.nextDouble(-1, 1);
        }
        return x;
    }
}
