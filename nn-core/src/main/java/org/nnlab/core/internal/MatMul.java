package org.nnlab.core.internal;

import java.util.Arrays;

/**
 * The one place where nnlab multiplies matrices: a plain reference loop and the fast path beside it.
 *
 * <p>All matrices are flat row-major arrays, {@code double[]} or {@code float[]}: the float
 * kernels are generated from the double ones ({@code Float32Generator}), so both precisions run
 * the same loops. The three products an MLP needs are {@link #ab} ({@code C = A·B}, the forward
 * pass), {@link #atb} ({@code C += Aᵀ·B}, the weight gradient) and {@link #abt} ({@code C = A·Bᵀ},
 * the input gradient). Each has a {@code reference} twin written as the textbook triple loop, in
 * double; {@code MatMulTest} checks the fast kernels of both precisions against it on random shapes.
 *
 * <p>Why the fast path looks the way it does: HotSpot (JDK 17) does not auto-vectorize the flat
 * i-k-j loop {@code c[ci + j] += a * b[bk + j]}, but it does vectorize a small loop whose arrays are
 * all indexed by the bare loop variable, {@code c[j] += a0*b0[j] + a1*b1[j] + a2*b2[j] + a3*b3[j]}.
 * So the fast path packs the right-hand matrix into one array per row, accumulates one row of
 * {@code C} at a time in a scratch row, and walks {@code k} in blocks whose rows of B stay in L1
 * cache. BENCHMARKS.md has the measurements behind this (KernelBenchmark reproduces them).
 *
 * <p>When the left matrix is mostly zeros (image pixels), {@link SparseMatMul} skips them using the
 * lists of a {@link NonZeros}. Which product a layer uses is {@link Products}' choice, not the
 * layer's. Batches of
 * {@value Parallel#MIN_SPLIT_BATCH} examples or more are split among {@link Parallel#threads()},
 * each row of the result computed whole by one thread, so the thread count never changes a result.
 */
public final class MatMul {
    /** Rows of B per block: 64 rows of 100 doubles is 50 KiB, about the size of L1 + L2 fast lines. */
    private static final int K_BLOCK = 64;

    /**
     * A split product copies its right-hand side on every thread only from this many values (256 KiB
     * of floats): a smaller copy takes less time than handing half of it to a helper.
     */
    private static final int MIN_SPLIT_COPY = 1 << 16;

    static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private MatMul() {
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

    // [float64] The float32 twin below is generated from this code (Float32Generator).
    /**
     * {@code C = A·B} (or {@code C += A·B} when {@code accumulate}).
     *
     * <p>{@code a:(m,k) b:(k,n) → c:(m,n)}.
     */
    public static void ab(double[] a, double[] b, double[] c, int m, int k, int n, boolean accumulate) {
        boolean split = Parallel.splitsBatch(m);
        double[][] bRows = SCRATCH.get().packedRight64(k, n);
        packRows(b, bRows, k, n, split);
        multiplyPacked(a, bRows, c, m, k, n, accumulate, split);
    }

    /**
     * {@code C += Aᵀ·B} (or {@code C = Aᵀ·B} when not {@code accumulate}).
     *
     * <p>{@code a:(m,k) b:(m,n) → c:(k,n)}; the weight gradient {@code dW += xᵀ·dy}.
     */
    public static void atb(double[] a, double[] b, double[] c, int m, int k, int n, boolean accumulate) {
        Scratch s = SCRATCH.get();
        boolean split = Parallel.splitsBatch(m);
        double[][] bRows = s.packedRight64(m, n);
        packRows(b, bRows, m, n, split);
        // Aᵀ as a flat (k, m) matrix, so the packed kernel reads its rows contiguously; each thread
        // writes its own rows of it.
        double[] at = s.flat64(k * m);
        Parallel.forRange(k, split && k * m >= MIN_SPLIT_COPY, (from, to) -> {
            for (int i = 0; i < m; i++) {
                for (int p = from; p < to; p++) {
                    at[p * m + i] = a[i * k + p];
                }
            }
        });
        multiplyPacked(at, bRows, c, k, m, n, accumulate, split);
    }

    /**
     * {@code C = A·Bᵀ} (or {@code C += A·Bᵀ} when {@code accumulate}).
     *
     * <p>{@code a:(m,n) b:(k,n) → c:(m,k)}; the input gradient {@code dx = dy·Wᵀ}.
     */
    public static void abt(double[] a, double[] b, double[] c, int m, int n, int k, boolean accumulate) {
        Scratch s = SCRATCH.get();
        // Bᵀ packed as n rows of length k.
        double[][] btRows = s.packedRight64(n, k);
        boolean split = Parallel.splitsBatch(m);
        // Each thread writes its own rows of Bᵀ, reading B a row segment at a time.
        Parallel.forRange(n, split && n * k >= MIN_SPLIT_COPY, (from, to) -> {
            for (int p = 0; p < k; p++) {
                for (int j = from; j < to; j++) {
                    btRows[j][p] = b[p * n + j];
                }
            }
        });
        multiplyPacked(a, btRows, c, m, n, k, accumulate, split);
    }

    /**
     * Copies the flat {@code (rows, n)} matrix {@code b} into the row arrays {@code bRows}, the
     * rows split among the threads when {@code split} and the copy has at least
     * {@value #MIN_SPLIT_COPY} values: a product that splits would otherwise wait on its caller's
     * copy (for a 784 → 512 layer's weights, 1.6 MB of floats every step).
     */
    static void packRows(double[] b, double[][] bRows, int rows, int n, boolean split) {
        Parallel.forRange(rows, split && rows * n >= MIN_SPLIT_COPY, (from, to) -> {
            for (int p = from; p < to; p++) {
                System.arraycopy(b, p * n, bRows[p], 0, n);
            }
        });
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
        double[][] cRows = SCRATCH.get().resultRows64(to - from, n);
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
    // [float32] Generated from the [float64] code above by Float32Generator; do not edit.
    /**
     * {@code C = A·B} (or {@code C += A·B} when {@code accumulate}).
     *
     * <p>{@code a:(m,k) b:(k,n) → c:(m,n)}.
     */
    public static void ab(float[] a, float[] b, float[] c, int m, int k, int n, boolean accumulate) {
        boolean split = Parallel.splitsBatch(m);
        float[][] bRows = SCRATCH.get().packedRight32(k, n);
        packRows(b, bRows, k, n, split);
        multiplyPacked(a, bRows, c, m, k, n, accumulate, split);
    }

    /**
     * {@code C += Aᵀ·B} (or {@code C = Aᵀ·B} when not {@code accumulate}).
     *
     * <p>{@code a:(m,k) b:(m,n) → c:(k,n)}; the weight gradient {@code dW += xᵀ·dy}.
     */
    public static void atb(float[] a, float[] b, float[] c, int m, int k, int n, boolean accumulate) {
        Scratch s = SCRATCH.get();
        boolean split = Parallel.splitsBatch(m);
        float[][] bRows = s.packedRight32(m, n);
        packRows(b, bRows, m, n, split);
        // Aᵀ as a flat (k, m) matrix, so the packed kernel reads its rows contiguously; each thread
        // writes its own rows of it.
        float[] at = s.flat32(k * m);
        Parallel.forRange(k, split && k * m >= MIN_SPLIT_COPY, (from, to) -> {
            for (int i = 0; i < m; i++) {
                for (int p = from; p < to; p++) {
                    at[p * m + i] = a[i * k + p];
                }
            }
        });
        multiplyPacked(at, bRows, c, k, m, n, accumulate, split);
    }

    /**
     * {@code C = A·Bᵀ} (or {@code C += A·Bᵀ} when {@code accumulate}).
     *
     * <p>{@code a:(m,n) b:(k,n) → c:(m,k)}; the input gradient {@code dx = dy·Wᵀ}.
     */
    public static void abt(float[] a, float[] b, float[] c, int m, int n, int k, boolean accumulate) {
        Scratch s = SCRATCH.get();
        // Bᵀ packed as n rows of length k.
        float[][] btRows = s.packedRight32(n, k);
        boolean split = Parallel.splitsBatch(m);
        // Each thread writes its own rows of Bᵀ, reading B a row segment at a time.
        Parallel.forRange(n, split && n * k >= MIN_SPLIT_COPY, (from, to) -> {
            for (int p = 0; p < k; p++) {
                for (int j = from; j < to; j++) {
                    btRows[j][p] = b[p * n + j];
                }
            }
        });
        multiplyPacked(a, btRows, c, m, n, k, accumulate, split);
    }

    /**
     * Copies the flat {@code (rows, n)} matrix {@code b} into the row arrays {@code bRows}, the
     * rows split among the threads when {@code split} and the copy has at least
     * {@value #MIN_SPLIT_COPY} values: a product that splits would otherwise wait on its caller's
     * copy (for a 784 → 512 layer's weights, 1.6 MB of floats every step).
     */
    static void packRows(float[] b, float[][] bRows, int rows, int n, boolean split) {
        Parallel.forRange(rows, split && rows * n >= MIN_SPLIT_COPY, (from, to) -> {
            for (int p = from; p < to; p++) {
                System.arraycopy(b, p * n, bRows[p], 0, n);
            }
        });
    }

    /**
     * {@code c(m,n) (+)= a(m,k) · B}, with B given as {@code k} row arrays of length {@code n}.
     *
     * <p>Rows of C are split among {@link Parallel#threads()}. The k axis is walked in blocks of
     * {@link #K_BLOCK}; inside a block each row of C gathers four rows of B per pass in the
     * vectorizable form described in the class comment.
     */
    private static void multiplyPacked(float[] a, float[][] bRows, float[] c,
                                       int m, int k, int n, boolean accumulate, boolean split) {
        Parallel.forRange(m, split, (from, to) -> multiplyRows(a, bRows, c, k, n, accumulate, from, to));
    }

    private static void multiplyRows(float[] a, float[][] bRows, float[] c,
                                     int k, int n, boolean accumulate, int from, int to) {
        float[][] cRows = SCRATCH.get().resultRows32(to - from, n);
        for (int i = from; i < to; i++) {
            float[] ci = cRows[i - from];
            if (accumulate) {
                System.arraycopy(c, i * n, ci, 0, n);
            } else {
                Arrays.fill(ci, 0, n, 0.0f);
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
    private static void accumulateRow(float[] a, int aOff, float[][] bRows, float[] ci, int k0, int k1, int n) {
        int p = k0;
        for (; p + 3 < k1; p += 4) {
            float a0 = a[aOff + p];
            float a1 = a[aOff + p + 1];
            float a2 = a[aOff + p + 2];
            float a3 = a[aOff + p + 3];
            if (a0 == 0 && a1 == 0 && a2 == 0 && a3 == 0) {
                continue; // ReLU outputs and MNIST backgrounds are mostly zeros
            }
            float[] b0 = bRows[p];
            float[] b1 = bRows[p + 1];
            float[] b2 = bRows[p + 2];
            float[] b3 = bRows[p + 3];
            for (int j = 0; j < n; j++) {
                ci[j] += a0 * b0[j] + a1 * b1[j] + a2 * b2[j] + a3 * b3[j];
            }
        }
        for (; p < k1; p++) {
            float ap = a[aOff + p];
            float[] bp = bRows[p];
            for (int j = 0; j < n; j++) {
                ci[j] += ap * bp[j];
            }
        }
    }
    // [end float32]
}
