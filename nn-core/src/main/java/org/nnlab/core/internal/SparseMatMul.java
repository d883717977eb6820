package org.nnlab.core.internal;

import java.util.Arrays;

/**
 * The products of a mostly-zero left matrix (a batch of images) that read only its nonzeros.
 *
 * <p>About 80% of MNIST's pixels and 50% of Fashion-MNIST's are 0, and a first layer multiplies
 * them twice: by W in the forward pass ({@link #ab}, row by row) and by ∂L/∂z in the weight
 * gradient ({@link #atb}, column by column). Both take the positions from a {@link NonZeros} built
 * on the same matrix and the values from the matrix itself, and gather rows of the right-hand matrix
 * four at a time in the shape that HotSpot vectorizes ({@link MatMul}'s class comment says why).
 * The float kernels are generated from the double ones. {@code NonZerosTest} checks both precisions
 * against {@link MatMul}'s references. Batches of {@value Parallel#MIN_SPLIT_BATCH} examples or more
 * are split among {@link Parallel#threads()}, each output row computed whole by one thread.
 */
public final class SparseMatMul {
    private SparseMatMul() {
    }

    // [float64] The float32 twin below is generated from this code (Float32Generator).
    /**
     * {@code C = X·B}, or {@code C = X·B + 1·rowInit} (a bias added to every row) when
     * {@code rowInit} is not null, for the mostly-zero {@code x} whose nonzeros {@code nz} lists.
     *
     * <p>{@code x:(m,k) b:(k,n) → c:(m,n)}; each row of C gathers only the rows of B where its row
     * of X is nonzero.
     */
    public static void ab(NonZeros nz, double[] x, double[] b, double[] rowInit, double[] c, int n) {
        int k = nz.cols();
        boolean split = Parallel.splitsBatch(nz.rows());
        double[][] bRows = MatMul.SCRATCH.get().packedRight64(k, n);
        MatMul.packRows(b, bRows, k, n, split);
        Parallel.forRange(nz.rows(), split,
                (from, to) -> sparseRows(nz, x, bRows, rowInit, c, n, from, to));
    }

    /**
     * {@code C += Xᵀ·B} (or {@code C = Xᵀ·B} when not {@code accumulate}) for the mostly-zero
     * {@code x} whose nonzeros {@code nz} lists.
     *
     * <p>{@code x:(m,k) b:(m,n) → c:(k,n)}; the weight gradient {@code dW += xᵀ·dz} of a first
     * layer, where row p of dW sums the rows of dz whose example has pixel p nonzero.
     */
    public static void atb(NonZeros nz, double[] x, double[] b, double[] c, int n, boolean accumulate) {
        int m = nz.rows();
        boolean split = Parallel.splitsBatch(m);
        double[][] bRows = MatMul.SCRATCH.get().packedRight64(m, n);
        MatMul.packRows(b, bRows, m, n, split);
        Parallel.forRange(nz.cols(), split,
                (from, to) -> sparseColumns(nz, x, bRows, c, n, accumulate, from, to));
    }

    /** Rows {@code [from, to)} of {@code c = X·B (+ rowInit)}: each row sums the B rows its nonzeros pick. */
    private static void sparseRows(NonZeros nz, double[] x, double[][] bRows, double[] rowInit, double[] c, int n,
                                   int from, int to) {
        double[] ci = MatMul.SCRATCH.get().resultRows64(1, n)[0];
        int[] cols = nz.rowCols();
        int stride = nz.cols();
        for (int i = from; i < to; i++) {
            if (rowInit != null) {
                System.arraycopy(rowInit, 0, ci, 0, n);
            } else {
                Arrays.fill(ci, 0, n, 0.0);
            }
            gather(cols, i * stride, nz.rowCount(i), x, i * stride, 1, bRows, ci, n);
            System.arraycopy(ci, 0, c, i * n, n);
        }
    }

    /** Rows {@code [from, to)} of {@code c (+)= Xᵀ·B}: row p sums the B rows of the examples with x_p ≠ 0. */
    private static void sparseColumns(NonZeros nz, double[] x, double[][] bRows, double[] c, int n,
                                      boolean accumulate, int from, int to) {
        double[] gp = MatMul.SCRATCH.get().resultRows64(1, n)[0];
        nz.listColumns(from, to);
        int[] rows = nz.colRows();
        int width = nz.cols();
        int stride = nz.rows();
        for (int p = from; p < to; p++) {
            int count = nz.colCount(p);
            if (count == 0) {
                if (!accumulate) {
                    Arrays.fill(c, p * n, p * n + n, 0.0);
                }
                continue;
            }
            // Through a scratch row: the kernel vectorizes only on arrays indexed from 0.
            if (accumulate) {
                System.arraycopy(c, p * n, gp, 0, n);
            } else {
                Arrays.fill(gp, 0, n, 0.0);
            }
            gather(rows, p * stride, count, x, p, width, bRows, gp, n);
            System.arraycopy(gp, 0, c, p * n, n);
        }
    }

    /**
     * {@code out[0..n) += Σ_q x[xOff + r·xStep] · bRows[r][0..n)} over {@code r = index[off + q]},
     * {@code q < count}, four terms per pass.
     */
    private static void gather(int[] index, int off, int count, double[] x, int xOff, int xStep,
                               double[][] bRows, double[] out, int n) {
        int q = off;
        int end = off + count;
        for (; q + 3 < end; q += 4) {
            int r0 = index[q];
            int r1 = index[q + 1];
            int r2 = index[q + 2];
            int r3 = index[q + 3];
            double a0 = x[xOff + r0 * xStep];
            double a1 = x[xOff + r1 * xStep];
            double a2 = x[xOff + r2 * xStep];
            double a3 = x[xOff + r3 * xStep];
            double[] b0 = bRows[r0];
            double[] b1 = bRows[r1];
            double[] b2 = bRows[r2];
            double[] b3 = bRows[r3];
            for (int j = 0; j < n; j++) {
                out[j] += a0 * b0[j] + a1 * b1[j] + a2 * b2[j] + a3 * b3[j];
            }
        }
        for (; q < end; q++) {
            int r = index[q];
            double a = x[xOff + r * xStep];
            double[] b = bRows[r];
            for (int j = 0; j < n; j++) {
                out[j] += a * b[j];
            }
        }
    }
    // [float32] Generated from the [float64] code above by Float32Generator; do not edit.
    /**
     * {@code C = X·B}, or {@code C = X·B + 1·rowInit} (a bias added to every row) when
     * {@code rowInit} is not null, for the mostly-zero {@code x} whose nonzeros {@code nz} lists.
     *
     * <p>{@code x:(m,k) b:(k,n) → c:(m,n)}; each row of C gathers only the rows of B where its row
     * of X is nonzero.
     */
    public static void ab(NonZeros nz, float[] x, float[] b, float[] rowInit, float[] c, int n) {
        int k = nz.cols();
        boolean split = Parallel.splitsBatch(nz.rows());
        float[][] bRows = MatMul.SCRATCH.get().packedRight32(k, n);
        MatMul.packRows(b, bRows, k, n, split);
        Parallel.forRange(nz.rows(), split,
                (from, to) -> sparseRows(nz, x, bRows, rowInit, c, n, from, to));
    }

    /**
     * {@code C += Xᵀ·B} (or {@code C = Xᵀ·B} when not {@code accumulate}) for the mostly-zero
     * {@code x} whose nonzeros {@code nz} lists.
     *
     * <p>{@code x:(m,k) b:(m,n) → c:(k,n)}; the weight gradient {@code dW += xᵀ·dz} of a first
     * layer, where row p of dW sums the rows of dz whose example has pixel p nonzero.
     */
    public static void atb(NonZeros nz, float[] x, float[] b, float[] c, int n, boolean accumulate) {
        int m = nz.rows();
        boolean split = Parallel.splitsBatch(m);
        float[][] bRows = MatMul.SCRATCH.get().packedRight32(m, n);
        MatMul.packRows(b, bRows, m, n, split);
        Parallel.forRange(nz.cols(), split,
                (from, to) -> sparseColumns(nz, x, bRows, c, n, accumulate, from, to));
    }

    /** Rows {@code [from, to)} of {@code c = X·B (+ rowInit)}: each row sums the B rows its nonzeros pick. */
    private static void sparseRows(NonZeros nz, float[] x, float[][] bRows, float[] rowInit, float[] c, int n,
                                   int from, int to) {
        float[] ci = MatMul.SCRATCH.get().resultRows32(1, n)[0];
        int[] cols = nz.rowCols();
        int stride = nz.cols();
        for (int i = from; i < to; i++) {
            if (rowInit != null) {
                System.arraycopy(rowInit, 0, ci, 0, n);
            } else {
                Arrays.fill(ci, 0, n, 0.0f);
            }
            gather(cols, i * stride, nz.rowCount(i), x, i * stride, 1, bRows, ci, n);
            System.arraycopy(ci, 0, c, i * n, n);
        }
    }

    /** Rows {@code [from, to)} of {@code c (+)= Xᵀ·B}: row p sums the B rows of the examples with x_p ≠ 0. */
    private static void sparseColumns(NonZeros nz, float[] x, float[][] bRows, float[] c, int n,
                                      boolean accumulate, int from, int to) {
        float[] gp = MatMul.SCRATCH.get().resultRows32(1, n)[0];
        nz.listColumns(from, to);
        int[] rows = nz.colRows();
        int width = nz.cols();
        int stride = nz.rows();
        for (int p = from; p < to; p++) {
            int count = nz.colCount(p);
            if (count == 0) {
                if (!accumulate) {
                    Arrays.fill(c, p * n, p * n + n, 0.0f);
                }
                continue;
            }
            // Through a scratch row: the kernel vectorizes only on arrays indexed from 0.
            if (accumulate) {
                System.arraycopy(c, p * n, gp, 0, n);
            } else {
                Arrays.fill(gp, 0, n, 0.0f);
            }
            gather(rows, p * stride, count, x, p, width, bRows, gp, n);
            System.arraycopy(gp, 0, c, p * n, n);
        }
    }

    /**
     * {@code out[0..n) += Σ_q x[xOff + r·xStep] · bRows[r][0..n)} over {@code r = index[off + q]},
     * {@code q < count}, four terms per pass.
     */
    private static void gather(int[] index, int off, int count, float[] x, int xOff, int xStep,
                               float[][] bRows, float[] out, int n) {
        int q = off;
        int end = off + count;
        for (; q + 3 < end; q += 4) {
            int r0 = index[q];
            int r1 = index[q + 1];
            int r2 = index[q + 2];
            int r3 = index[q + 3];
            float a0 = x[xOff + r0 * xStep];
            float a1 = x[xOff + r1 * xStep];
            float a2 = x[xOff + r2 * xStep];
            float a3 = x[xOff + r3 * xStep];
            float[] b0 = bRows[r0];
            float[] b1 = bRows[r1];
            float[] b2 = bRows[r2];
            float[] b3 = bRows[r3];
            for (int j = 0; j < n; j++) {
                out[j] += a0 * b0[j] + a1 * b1[j] + a2 * b2[j] + a3 * b3[j];
            }
        }
        for (; q < end; q++) {
            int r = index[q];
            float a = x[xOff + r * xStep];
            float[] b = bRows[r];
            for (int j = 0; j < n; j++) {
                out[j] += a * b[j];
            }
        }
    }
    // [end float32]
}
