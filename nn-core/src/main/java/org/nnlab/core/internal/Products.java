package org.nnlab.core.internal;

import org.nnlab.core.tensor.Precision;
import org.nnlab.core.tensor.Tensor;

/**
 * The products of one dense layer, z = x·W + b, dW += xᵀ·dz, db += Σ dz and dx = dz·Wᵀ, with the
 * choice of kernel.
 *
 * <p>A layer keeps one workspace and calls {@link #xW} in its forward pass and {@link #xTdz} in its
 * backward pass, which reuses the x of the last {@code xW}. The workspace decides, once per forward
 * pass, whether x is sparse enough for the kernels that skip zeros: images are mostly background
 * (about 80% of MNIST's pixels are 0), and both products then read only the nonzeros that
 * {@link NonZeros} lists. Dense inputs, batches too large for the lists to stay small, and inference
 * (no backward pass to follow, where the dense kernel's own skipping of zeros is faster than listing
 * them) use the packed dense kernels. Either way the result is the same up to rounding; {@code NonZerosTest}
 * checks the sparse kernels against {@link MatMul}'s references. This is the one place that knows
 * the thresholds, the way PyTorch's {@code adam()} alone chooses among its implementations. The
 * tensors are all float32 or all float64; the float kernels are generated from the double ones.
 */
public final class Products {
    /** Inputs with at most this fraction of nonzeros go through the sparse products. */
    private static final double MAX_SPARSE_DENSITY = 0.75;
    /** Batches larger than this many input values use the dense products, to bound the lists' memory. */
    private static final int MAX_SPARSE_ENTRIES = 1 << 18;
    /**
     * Layers with fewer outputs than this (a classifier's 10) compute z and dW transposed: rows of
     * length {@code out} are too short for the vector loops, rows of the batch or of {@code in} are
     * not (measured for 100 → 10 at batch 32: z 11 → 7 µs, dW 9 → 4 µs).
     */
    private static final int SHORT_ROWS = 16;

    private final NonZeros nonZeros = new NonZeros();
    private Tensor x;
    private int rows;
    private int in;
    private boolean sparse;
    private boolean forBackward;

    /**
     * {@code z = x·W + b} for {@code x:(rows, in)}, {@code W:(in, out)} and {@code b:(out)} (null for
     * no bias), into {@code z:(rows, out)}; remembers {@code x}, which must not change before
     * {@link #xTdz}.
     *
     * @param forBackward whether a backward pass will follow (training): only then are the nonzeros
     *     listed, since only the weight gradient needs the lists to pay for themselves. Without them
     *     the dense kernel skips x's zeros four at a time by itself, as fast as listing and gathering
     *     on MNIST and 13–15% faster on Fashion-MNIST's 10,000 test images (BENCHMARKS.md). A backward
     *     pass after {@code forBackward = false} is still right, through the dense weight gradient.
     */
    public void xW(Tensor x, Tensor w, Tensor b, Tensor z, boolean forBackward) {
        this.x = x;
        this.forBackward = forBackward;
        this.rows = x.rows();
        this.in = x.rowSize();
        int out = w.dim(1);
        if (x.precision() == Precision.FLOAT32) {
            xW32(x.floatData(), w.floatData(), b == null ? null : b.floatData(), z.floatData(), out);
        } else {
            xW64(x.data(), w.data(), b == null ? null : b.data(), z.data(), out);
        }
    }

    /**
     * {@code dW += xᵀ·dz} and {@code db += Σ_rows dz} (when {@code db} is not null) with the x of the
     * last {@link #xW}: {@code dz:(rows, out)}, {@code dW:(in, out)}, {@code db:(out)}.
     *
     * @throws IllegalStateException before any {@code xW}
     */
    public void xTdz(Tensor dz, Tensor dW, Tensor db) {
        if (x == null) {
            throw new IllegalStateException("Products.xTdz needs the x of a forward pass; call xW first");
        }
        int out = dz.rowSize();
        if (dz.precision() == Precision.FLOAT32) {
            xTdz32(x.floatData(), dz.floatData(), dW.floatData(), db == null ? null : db.floatData(), out);
        } else {
            xTdz64(x.data(), dz.data(), dW.data(), db == null ? null : db.data(), out);
        }
    }

    /** {@code dx = dz·Wᵀ} for {@code dz:(rows, out)} and {@code W:(in, out)}, into {@code dx:(rows, in)}. */
    public static void dzWt(Tensor dz, Tensor w, Tensor dx) {
        int rows = dz.rows();
        int out = w.dim(1);
        int in = w.dim(0);
        if (dz.precision() == Precision.FLOAT32) {
            MatMul.abt(dz.floatData(), w.floatData(), dx.floatData(), rows, out, in, false);
        } else {
            MatMul.abt(dz.data(), w.data(), dx.data(), rows, out, in, false);
        }
    }

    // [float64] The float32 twin below is generated from this code (Float32Generator).
    private double[] transposed64 = new double[0];

    private void xW64(double[] x, double[] w, double[] b, double[] z, int out) {
        if (out < SHORT_ROWS) {
            // zᵀ = Wᵀ·xᵀ, (out, rows), then z = (zᵀ)ᵀ + b
            sparse = false;
            if (transposed64.length < out * Math.max(in, rows)) {
                transposed64 = new double[out * Math.max(in, rows)];
            }
            double[] wt = transposed64;
            for (int p = 0; p < in; p++) {
                for (int j = 0; j < out; j++) {
                    wt[j * in + p] = w[p * out + j];
                }
            }
            double[] zt = MatMul.SCRATCH.get().flat64(out * rows);
            MatMul.abt(wt, x, zt, out, in, rows, false);
            for (int r = 0; r < rows; r++) {
                for (int j = 0; j < out; j++) {
                    z[r * out + j] = zt[j * rows + r] + (b == null ? 0.0 : b[j]);
                }
            }
            return;
        }
        sparse = forBackward && rows * in <= MAX_SPARSE_ENTRIES;
        if (sparse) {
            nonZeros.build(x, rows, in);
            sparse = nonZeros.density() <= MAX_SPARSE_DENSITY;
        }
        if (sparse) {
            SparseMatMul.ab(nonZeros, x, w, b, z, out);
            return;
        }
        if (b != null) {
            for (int r = 0; r < rows; r++) {
                System.arraycopy(b, 0, z, r * out, out);
            }
        }
        MatMul.ab(x, w, z, rows, in, out, b != null);
    }

    private void xTdz64(double[] x, double[] dz, double[] dW, double[] db, int out) {
        if (out < SHORT_ROWS) {
            // dWᵀ = dzᵀ·x, (out, in), then added into dW transposed
            if (transposed64.length < out * in) {
                transposed64 = new double[out * in];
            }
            double[] t = transposed64;
            MatMul.atb(dz, x, t, rows, out, in, false);
            for (int p = 0; p < in; p++) {
                for (int j = 0; j < out; j++) {
                    dW[p * out + j] += t[j * in + p];
                }
            }
        } else if (sparse) {
            SparseMatMul.atb(nonZeros, x, dz, dW, out, true);
        } else {
            MatMul.atb(x, dz, dW, rows, in, out, true);
        }
        if (db != null) {
            for (int r = 0; r < rows; r++) {
                for (int j = 0; j < out; j++) {
                    db[j] += dz[r * out + j];
                }
            }
        }
    }
    // [float32] Generated from the [float64] code above by Float32Generator; do not edit.
    private float[] transposed32 = new float[0];

    private void xW32(float[] x, float[] w, float[] b, float[] z, int out) {
        if (out < SHORT_ROWS) {
            // zᵀ = Wᵀ·xᵀ, (out, rows), then z = (zᵀ)ᵀ + b
            sparse = false;
            if (transposed32.length < out * Math.max(in, rows)) {
                transposed32 = new float[out * Math.max(in, rows)];
            }
            float[] wt = transposed32;
            for (int p = 0; p < in; p++) {
                for (int j = 0; j < out; j++) {
                    wt[j * in + p] = w[p * out + j];
                }
            }
            float[] zt = MatMul.SCRATCH.get().flat32(out * rows);
            MatMul.abt(wt, x, zt, out, in, rows, false);
            for (int r = 0; r < rows; r++) {
                for (int j = 0; j < out; j++) {
                    z[r * out + j] = zt[j * rows + r] + (b == null ? 0.0f : b[j]);
                }
            }
            return;
        }
        sparse = forBackward && rows * in <= MAX_SPARSE_ENTRIES;
        if (sparse) {
            nonZeros.build(x, rows, in);
            sparse = nonZeros.density() <= MAX_SPARSE_DENSITY;
        }
        if (sparse) {
            SparseMatMul.ab(nonZeros, x, w, b, z, out);
            return;
        }
        if (b != null) {
            for (int r = 0; r < rows; r++) {
                System.arraycopy(b, 0, z, r * out, out);
            }
        }
        MatMul.ab(x, w, z, rows, in, out, b != null);
    }

    private void xTdz32(float[] x, float[] dz, float[] dW, float[] db, int out) {
        if (out < SHORT_ROWS) {
            // dWᵀ = dzᵀ·x, (out, in), then added into dW transposed
            if (transposed32.length < out * in) {
                transposed32 = new float[out * in];
            }
            float[] t = transposed32;
            MatMul.atb(dz, x, t, rows, out, in, false);
            for (int p = 0; p < in; p++) {
                for (int j = 0; j < out; j++) {
                    dW[p * out + j] += t[j * in + p];
                }
            }
        } else if (sparse) {
            SparseMatMul.atb(nonZeros, x, dz, dW, out, true);
        } else {
            MatMul.atb(x, dz, dW, rows, in, out, true);
        }
        if (db != null) {
            for (int r = 0; r < rows; r++) {
                for (int j = 0; j < out; j++) {
                    db[j] += dz[r * out + j];
                }
            }
        }
    }
    // [end float32]
}
