package org.nnlab.core.internal;

/**
 * The products of one dense layer, y = x·W, dW += xᵀ·dz and dx = dz·Wᵀ, with the choice of kernel.
 *
 * <p>A layer keeps one workspace and calls {@link #xW} in its forward pass and {@link #xTdz} in its
 * backward pass, which reuses the x of the last {@code xW}. The workspace decides, once per forward
 * pass, whether x is sparse enough for the kernels that skip zeros: images are mostly background
 * (about 80% of MNIST's pixels are 0), and both products then read only the nonzeros that
 * {@link NonZeros} lists. Dense inputs, and batches too large for the lists to stay small, use the
 * packed dense kernels. Either way the result is the same up to rounding; {@code NonZerosTest}
 * checks the sparse kernels against {@link MatMul}'s references. This is the one place that knows
 * the thresholds, the way PyTorch's {@code adam()} alone chooses among its implementations.
 */
public final class Products {
    /** Inputs with at most this fraction of nonzeros go through the sparse products. */
    private static final double MAX_SPARSE_DENSITY = 0.75;
    /** Batches larger than this many input values use the dense products, to bound the lists' memory. */
    private static final int MAX_SPARSE_ENTRIES = 1 << 18;

    private final NonZeros nonZeros = new NonZeros();
    private double[] x;
    private int rows;
    private int in;
    private boolean sparse;

    /**
     * {@code y = x·W} for {@code x:(rows, in)} and {@code W:(in, out)}, into {@code y:(rows, out)};
     * remembers {@code x}, which must not change before {@link #xTdz}.
     */
    public void xW(double[] x, int rows, int in, double[] w, int out, double[] y) {
        this.x = x;
        this.rows = rows;
        this.in = in;
        sparse = rows * in <= MAX_SPARSE_ENTRIES;
        if (sparse) {
            nonZeros.build(x, rows, in);
            sparse = nonZeros.density() <= MAX_SPARSE_DENSITY;
        }
        if (sparse) {
            MatMul.ab(nonZeros, w, y, out, false);
        } else {
            MatMul.ab(x, w, y, rows, in, out, false);
        }
    }

    /**
     * {@code dW += xᵀ·dz} with the x of the last {@link #xW}: {@code dz:(rows, out)}, {@code dW:(in, out)}.
     *
     * @throws IllegalStateException before any {@code xW}
     */
    public void xTdz(double[] dz, int out, double[] dW) {
        if (x == null) {
            throw new IllegalStateException("Products.xTdz needs the x of a forward pass; call xW first");
        }
        if (sparse) {
            MatMul.atb(nonZeros, dz, dW, out, true);
        } else {
            MatMul.atb(x, dz, dW, rows, in, out, true);
        }
    }

    /** {@code dx = dz·Wᵀ} for {@code dz:(rows, out)} and {@code W:(in, out)}, into {@code dx:(rows, in)}. */
    public static void dzWt(double[] dz, double[] w, double[] dx, int rows, int out, int in) {
        MatMul.abt(dz, w, dx, rows, out, in, false);
    }
}
