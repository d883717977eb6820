package org.nnlab.core.internal;

import java.util.Arrays;

/**
 * The one place where nnlab multiplies matrices: a plain reference loop and the fast path beside it.
 *
 * <p>All matrices are flat row-major {@code double[]}. The three products an MLP needs are
 * {@link #ab} ({@code C = A·B}, the forward pass), {@link #atb} ({@code C += Aᵀ·B}, the weight
 * gradient) and {@link #abt} ({@code C = A·Bᵀ}, the input gradient). Each has a {@code reference}
 * twin written as the textbook triple loop; {@code MatMulTest} checks the two agree on random
 * shapes.
 *
 * <p>Why the fast path looks the way it does: HotSpot (JDK 17) does not auto-vectorize the flat
 * i-k-j loop {@code c[ci + j] += a * b[bk + j]}, but it does vectorize a small loop whose arrays are
 * all indexed by the bare loop variable, {@code c[j] += a0*b0[j] + a1*b1[j] + a2*b2[j] + a3*b3[j]}.
 * So the fast path packs the right-hand matrix into one array per row, accumulates one row of
 * {@code C} at a time in a scratch row, and walks {@code k} in blocks whose rows of B stay in L1
 * cache. BENCHMARKS.md has the measurements behind this (KernelBenchmark reproduces them).
 *
 * <p>When the left matrix is mostly zeros (image pixels), {@link #ab(NonZeros, double[], double[],
 * int, boolean)} and {@link #atb(NonZeros, double[], double[], int, boolean)} skip them using the
 * lists of a {@link NonZeros}; {@code NonZerosTest} checks them against the same references. Which
 * product a layer uses is {@link Products}' choice, not the layer's. Batches of
 * {@value Parallel#MIN_SPLIT_BATCH} examples or more are split among {@link Parallel#threads()},
 * each row of the result computed whole by one thread, so the thread count never changes a result.
 */
public final class MatMul {
    /** Rows of B per block: 64 rows of 100 doubles is 50 KiB, about the size of L1 + L2 fast lines. */
    private static final int K_BLOCK = 64;

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private MatMul() {
    }

    /**
     * {@code C = A·B} (or {@code C += A·B} when {@code accumulate}).
     *
     * <p>{@code a:(m,k) b:(k,n) → c:(m,n)}.
     */
    public static void ab(double[] a, double[] b, double[] c, int m, int k, int n, boolean accumulate) {
        Scratch s = SCRATCH.get();
        double[][] bRows = s.packedRight(k, n);
        for (int p = 0; p < k; p++) {
            System.arraycopy(b, p * n, bRows[p], 0, n);
        }
        multiplyPacked(a, bRows, c, m, k, n, accumulate, Parallel.splitsBatch(m));
    }

    /**
     * {@code C += Aᵀ·B} (or {@code C = Aᵀ·B} when not {@code accumulate}).
     *
     * <p>{@code a:(m,k) b:(m,n) → c:(k,n)}; the weight gradient {@code dW += xᵀ·dy}.
     */
    public static void atb(double[] a, double[] b, double[] c, int m, int k, int n, boolean accumulate) {
        Scratch s = SCRATCH.get();
        double[][] bRows = s.packedRight(m, n);
        for (int i = 0; i < m; i++) {
            System.arraycopy(b, i * n, bRows[i], 0, n);
        }
        // Aᵀ as a flat (k, m) matrix, so the packed kernel reads its rows contiguously.
        double[] at = s.flat(k * m);
        for (int i = 0; i < m; i++) {
            for (int p = 0; p < k; p++) {
                at[p * m + i] = a[i * k + p];
            }
        }
        multiplyPacked(at, bRows, c, k, m, n, accumulate, Parallel.splitsBatch(m));
    }

    /**
     * {@code C = A·Bᵀ} (or {@code C += A·Bᵀ} when {@code accumulate}).
     *
     * <p>{@code a:(m,n) b:(k,n) → c:(m,k)}; the input gradient {@code dx = dy·Wᵀ}.
     */
    public static void abt(double[] a, double[] b, double[] c, int m, int n, int k, boolean accumulate) {
        Scratch s = SCRATCH.get();
        // Bᵀ packed as n rows of length k.
        double[][] btRows = s.packedRight(n, k);
        for (int p = 0; p < k; p++) {
            for (int j = 0; j < n; j++) {
                btRows[j][p] = b[p * n + j];
            }
        }
        multiplyPacked(a, btRows, c, m, n, k, accumulate, Parallel.splitsBatch(m));
    }

    /**
     * {@code C = X·B} (or {@code C += X·B}) for a mostly-zero X given by its nonzeros.
     *
     * <p>{@code x:(m,k) b:(k,n) → c:(m,n)}; each row of C gathers only the rows of B where its row
     * of X is nonzero, four at a time. Agrees with {@link #abReference} on {@code x}'s matrix.
     */
    public static void ab(NonZeros x, double[] b, double[] c, int n, boolean accumulate) {
        int k = x.cols();
        double[][] bRows = SCRATCH.get().packedRight(k, n);
        for (int p = 0; p < k; p++) {
            System.arraycopy(b, p * n, bRows[p], 0, n);
        }
        Parallel.forRange(x.rows(), Parallel.splitsBatch(x.rows()),
                (from, to) -> sparseRows(x, bRows, c, n, accumulate, from, to));
    }

    /**
     * {@code C += Xᵀ·B} (or {@code C = Xᵀ·B}) for a mostly-zero X given by its nonzeros.
     *
     * <p>{@code x:(m,k) b:(m,n) → c:(k,n)}; the weight gradient {@code dW += xᵀ·dz} of a first
     * layer, where row p of dW sums the rows of dz whose example has pixel p nonzero. Agrees with
     * {@link #atbReference} on {@code x}'s matrix.
     */
    public static void atb(NonZeros x, double[] b, double[] c, int n, boolean accumulate) {
        int m = x.rows();
        double[][] bRows = SCRATCH.get().packedRight(m, n);
        for (int i = 0; i < m; i++) {
            System.arraycopy(b, i * n, bRows[i], 0, n);
        }
        Parallel.forRange(x.cols(), Parallel.splitsBatch(m),
                (from, to) -> sparseColumns(x, bRows, c, n, accumulate, from, to));
    }

    /** Reference for {@link #ab}: the textbook triple loop. */
    public static void abReference(double[] a, double[] b, double[] c, int m, int k, int n, boolean accumulate) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double sum = 0;
                for (int p = 0; p < k; p++) {
                    sum += a[i * k + p] * b[p * n + j];
                }
                c[i * n + j] = accumulate ? c[i * n + j] + sum : sum;
            }
        }
    }

    /** Reference for {@link #atb}. */
    public static void atbReference(double[] a, double[] b, double[] c, int m, int k, int n, boolean accumulate) {
        for (int p = 0; p < k; p++) {
            for (int j = 0; j < n; j++) {
                double sum = 0;
                for (int i = 0; i < m; i++) {
                    sum += a[i * k + p] * b[i * n + j];
                }
                c[p * n + j] = accumulate ? c[p * n + j] + sum : sum;
            }
        }
    }

    /** Reference for {@link #abt}. */
    public static void abtReference(double[] a, double[] b, double[] c, int m, int n, int k, boolean accumulate) {
        for (int i = 0; i < m; i++) {
            for (int p = 0; p < k; p++) {
                double sum = 0;
                for (int j = 0; j < n; j++) {
                    sum += a[i * n + j] * b[p * n + j];
                }
                c[i * k + p] = accumulate ? c[i * k + p] + sum : sum;
            }
        }
    }

    /**
     * {@code c(m,n) (+)= a(m,k) · B}, with B given as {@code k} row arrays of length {@code n}.
     *
     * <p>Rows of C are split among {@link Parallel#threads()}. The k axis is walked in blocks of
     * {@link #K_BLOCK}; inside a block each row of C gathers four rows of B per pass in the
     * vectorizable form described in the class comment.
     */
    private static void multiplyPacked(double[] a, double[][] bRows, double[] c,
                                       int m, int k, int n, boolean accumulate, boolean split) {
        Parallel.forRange(m, split, (from, to) -> multiplyRows(a, bRows, c, k, n, accumulate, from, to));
    }

    private static void multiplyRows(double[] a, double[][] bRows, double[] c,
                                     int k, int n, boolean accumulate, int from, int to) {
        double[][] cRows = SCRATCH.get().resultRows(to - from, n);
        for (int i = from; i < to; i++) {
            double[] ci = cRows[i - from];
            if (accumulate) {
                System.arraycopy(c, i * n, ci, 0, n);
            } else {
                Arrays.fill(ci, 0, n, 0.0);
            }
        }
        for (int k0 = 0; k0 < k; k0 += K_BLOCK) {
            int k1 = Math.min(k, k0 + K_BLOCK);
            for (int i = from; i < to; i++) {
                accumulateRow(a, i * k, bRows, cRows[i - from], k0, k1, n);
            }
        }
        for (int i = from; i < to; i++) {
            System.arraycopy(cRows[i - from], 0, c, i * n, n);
        }
    }

    /** {@code ci[0..n) += Σ_{p in [k0,k1)} a[aOff + p] · bRows[p][0..n)}. */
    private static void accumulateRow(double[] a, int aOff, double[][] bRows, double[] ci, int k0, int k1, int n) {
        int p = k0;
        for (; p + 3 < k1; p += 4) {
            double a0 = a[aOff + p];
            double a1 = a[aOff + p + 1];
            double a2 = a[aOff + p + 2];
            double a3 = a[aOff + p + 3];
            if (a0 == 0 && a1 == 0 && a2 == 0 && a3 == 0) {
                continue; // ReLU outputs and MNIST backgrounds are mostly zeros
            }
            double[] b0 = bRows[p];
            double[] b1 = bRows[p + 1];
            double[] b2 = bRows[p + 2];
            double[] b3 = bRows[p + 3];
            for (int j = 0; j < n; j++) {
                ci[j] += a0 * b0[j] + a1 * b1[j] + a2 * b2[j] + a3 * b3[j];
            }
        }
        for (; p < k1; p++) {
            double ap = a[aOff + p];
            double[] bp = bRows[p];
            for (int j = 0; j < n; j++) {
                ci[j] += ap * bp[j];
            }
        }
    }

    /** Rows {@code [from, to)} of {@code c (+)= X·B}: each row sums the B rows its nonzeros pick. */
    private static void sparseRows(NonZeros x, double[][] bRows, double[] c, int n, boolean accumulate,
                                   int from, int to) {
        double[] ci = SCRATCH.get().resultRows(1, n)[0];
        int[] cols = x.rowCols();
        double[] values = x.values();
        int stride = x.cols();
        for (int i = from; i < to; i++) {
            if (accumulate) {
                System.arraycopy(c, i * n, ci, 0, n);
            } else {
                Arrays.fill(ci, 0, n, 0.0);
            }
            gather(cols, i * stride, x.rowCount(i), values, i * stride, 1, bRows, ci, n);
            System.arraycopy(ci, 0, c, i * n, n);
        }
    }

    /** Rows {@code [from, to)} of {@code c (+)= Xᵀ·B}: row p sums the B rows of the examples with x_p ≠ 0. */
    private static void sparseColumns(NonZeros x, double[][] bRows, double[] c, int n, boolean accumulate,
                                      int from, int to) {
        double[] gp = SCRATCH.get().resultRows(1, n)[0];
        x.listColumns(from, to);
        int[] rows = x.colRows();
        double[] values = x.values();
        int width = x.cols();
        int stride = x.rows();
        for (int p = from; p < to; p++) {
            int count = x.colCount(p);
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
            gather(rows, p * stride, count, values, p, width, bRows, gp, n);
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
}
