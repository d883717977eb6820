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
        nz.build(new float[] {0, 1, 0, 3, 2, 0}, 3, 2);
        assertEquals(0.5, nz.density(), 1e-15, "3 nonzeros of 6, float32");
        assertEquals(3, nz.rows(), "rows, float32");
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
        SparseMatMul.ab(nz, small, w, null, actual, 4);
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
        // The sparse x·W starts from a bias row (accumulate) or from zeros.
        double[] bias = random(n, 0, rng);
        double[] startBias = new double[m * n];
        for (int i = 0; i < m; i++) {
            System.arraycopy(bias, 0, startBias, i * n, n);
        }
        check("sparse ab " + where, accumulate ? startBias : new double[m * n],
                c -> MatMul.abReference(a, b, c, m, k, n, accumulate),
                c -> SparseMatMul.ab(nz, a, b, accumulate ? bias : null, c, n));

        double[] dy = random(m * n, zeros, rng);
        double[] startK = random(k * n, 0, rng);
        check("atb " + where, startK, c -> MatMul.atbReference(a, dy, c, m, k, n, accumulate),
                c -> MatMul.atb(a, dy, c, m, k, n, accumulate));
        check("sparse atb " + where, startK, c -> MatMul.atbReference(a, dy, c, m, k, n, accumulate),
                c -> SparseMatMul.atb(nz, a, dy, c, n, accumulate));
        checkFloat(m, k, n, zeros, accumulate, rng, where);

        double[] startM = random(m * k, 0, rng);
        check("abt " + where, startM, c -> MatMul.abtReference(dy, b, c, m, n, k, accumulate),
                c -> MatMul.abt(dy, b, c, m, n, k, accumulate));
    }

    /**
     * The float sparse kernels on float values, against the double references on the same values:
     * within the rounding of a float sum (see {@link Rounding}).
     */
    private static void checkFloat(int m, int k, int n, double zeros, boolean accumulate, SplittableRandom rng,
                                   String where) {
        float[] a = Rounding.toFloat(random(m * k, zeros, rng));
        float[] b = Rounding.toFloat(random(k * n, 0, rng));
        float[] bias = Rounding.toFloat(random(n, 0, rng));
        float[] start = new float[m * n];
        if (accumulate) {
            for (int i = 0; i < m; i++) {
                System.arraycopy(bias, 0, start, i * n, n);
            }
        }
        NonZeros nz = new NonZeros();
        nz.build(a, m, k);
        float[] y = start.clone();
        SparseMatMul.ab(nz, a, b, accumulate ? bias : null, y, n);
        Rounding.ofSum("float32 sparse ab " + where,
                MatMulTest.reference(MatMul::abReference, a, b, start, m, k, n, true, false),
                MatMulTest.reference(MatMul::abReference, a, b, start, m, k, n, true, true), y, k);

        float[] dy = Rounding.toFloat(random(m * n, zeros, rng));
        float[] startK = Rounding.toFloat(random(k * n, 0, rng));
        float[] g = startK.clone();
        SparseMatMul.atb(nz, a, dy, g, n, accumulate);
        Rounding.ofSum("float32 sparse atb " + where,
                MatMulTest.reference(MatMul::atbReference, a, dy, startK, m, k, n, accumulate, false),
                MatMulTest.reference(MatMul::atbReference, a, dy, startK, m, k, n, accumulate, true), g, m);
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
