package org.nnlab.core.tensor;

import java.util.Arrays;

/**
 * A dense array of doubles: a shape plus a flat row-major primitive array.
 *
 * <p>The first axis is the batch axis wherever a tensor flows through a model: a batch of 32
 * MNIST images is {@code [32, 28, 28]}, its flattened form {@code [32, 784]}. Element
 * {@code (i, j)} of a rank-2 tensor lives at {@code data[i * cols + j]}. A tensor is mutable (the
 * training loop updates weights in place) but its shape is fixed; {@link #reshape} shares the
 * data. Shape checks throw {@link IllegalArgumentException} with both shapes in the message.
 */
public final class Tensor {
    private final int[] shape;
    private final double[] data;

    private Tensor(int[] shape, double[] data) {
        this.shape = shape;
        this.data = data;
    }

    /** A tensor of zeros with the given shape. */
    public static Tensor zeros(int... shape) {
        return new Tensor(checkShape(shape), new double[sizeOf(shape)]);
    }

    /** A tensor filled with {@code value}. */
    public static Tensor filled(double value, int... shape) {
        Tensor t = zeros(shape);
        Arrays.fill(t.data, value);
        return t;
    }

    /**
     * Wraps {@code data} (not copied) as a tensor of the given shape.
     *
     * @throws IllegalArgumentException if {@code data.length} is not the product of the shape
     */
    public static Tensor wrap(double[] data, int... shape) {
        int[] s = checkShape(shape);
        if (data.length != sizeOf(s)) {
            throw new IllegalArgumentException("Cannot view " + data.length + " values as shape "
                    + Arrays.toString(s) + ", which holds " + sizeOf(s) + " values");
        }
        return new Tensor(s, data);
    }

    /** A copy of {@code values} as a 1-D tensor, like numpy's {@code np.array([1, 2, 3])}; same as {@link #vector}. */
    public static Tensor of(double... values) {
        return vector(values);
    }

    /**
     * A copy of a rectangular 2-D array as a tensor of shape {@code [rows, cols]}, like numpy's
     * {@code np.array([[1, 2], [3, 4]])}; same as {@link #matrix}.
     *
     * @throws IllegalArgumentException if the rows have different lengths
     */
    public static Tensor of(double[][] rows) {
        return matrix(rows);
    }

    /** A copy of {@code values} as a 1-D tensor. */
    public static Tensor vector(double... values) {
        return new Tensor(new int[] {values.length}, values.clone());
    }

    /**
     * A copy of a rectangular 2-D array as a tensor of shape {@code [rows, cols]}.
     *
     * @throws IllegalArgumentException if the rows have different lengths
     */
    public static Tensor matrix(double[][] rows) {
        int cols = rows.length == 0 ? 0 : rows[0].length;
        double[] data = new double[rows.length * cols];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != cols) {
                throw new IllegalArgumentException("Row " + i + " has " + rows[i].length
                        + " values but row 0 has " + cols + "; a matrix needs rows of equal length");
            }
            System.arraycopy(rows[i], 0, data, i * cols, cols);
        }
        return new Tensor(new int[] {rows.length, cols}, data);
    }

    /** A copy of the shape. */
    public int[] shape() {
        return shape.clone();
    }

    /** The size of axis {@code axis}. */
    public int dim(int axis) {
        return shape[axis];
    }

    /** The number of axes. */
    public int rank() {
        return shape.length;
    }

    /**
     * Whether this tensor is a batch of examples of shape {@code exampleShape}: its first axis
     * counts examples and the rest equal {@code exampleShape}. Allocates nothing (a hot-path check).
     */
    public boolean isBatchOf(int[] exampleShape) {
        if (shape.length != exampleShape.length + 1) {
            return false;
        }
        for (int i = 0; i < exampleShape.length; i++) {
            if (shape[i + 1] != exampleShape[i]) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code other} has this tensor's shape. Allocates nothing (a hot-path check). */
    public boolean sameShape(Tensor other) {
        return Arrays.equals(shape, other.shape);
    }

    /** The number of elements. */
    public int size() {
        return data.length;
    }

    /** The backing array, row-major; writes go straight into this tensor. */
    public double[] data() {
        return data;
    }

    /** The size of the first (batch) axis. */
    public int rows() {
        return shape[0];
    }

    /** The number of elements per row: the product of every axis but the first. */
    public int rowSize() {
        return shape.length == 0 ? 1 : (shape[0] == 0 ? sizeOf(tail(shape)) : data.length / shape[0]);
    }

    /** Element {@code (i, j)} of a rank-2 tensor. */
    public double get(int i, int j) {
        return data[i * shape[1] + j];
    }

    /** Element {@code i} of the flat data. */
    public double get(int i) {
        return data[i];
    }

    /** Sets element {@code (i, j)} of a rank-2 tensor. */
    public void set(int i, int j, double value) {
        data[i * shape[1] + j] = value;
    }

    /**
     * A view of the same data with another shape of the same size.
     *
     * @throws IllegalArgumentException if the sizes differ
     */
    public Tensor reshape(int... newShape) {
        int[] s = checkShape(newShape);
        if (sizeOf(s) != data.length) {
            throw new IllegalArgumentException("Cannot reshape " + Arrays.toString(shape) + " ("
                    + data.length + " values) to " + Arrays.toString(s) + " (" + sizeOf(s) + " values)");
        }
        return new Tensor(s, data);
    }

    /** This tensor as {@code [rows, rowSize]}, sharing the data. */
    public Tensor flattenRows() {
        return shape.length == 2 ? this : new Tensor(new int[] {rows(), rowSize()}, data);
    }

    /** A deep copy. */
    public Tensor copy() {
        return new Tensor(shape.clone(), data.clone());
    }

    /** Rows {@code [from, to)} as a new tensor (a copy). */
    public Tensor sliceRows(int from, int to) {
        if (from < 0 || to > rows() || from > to) {
            throw new IllegalArgumentException("Row range [" + from + ", " + to + ") is outside [0, "
                    + rows() + ") of a tensor of shape " + Arrays.toString(shape));
        }
        int[] s = shape.clone();
        s[0] = to - from;
        int w = rowSize();
        return new Tensor(s, Arrays.copyOfRange(data, from * w, to * w));
    }

    /**
     * The rows at {@code indices}, in that order, as a new tensor.
     *
     * <p>Used to gather a shuffled mini-batch; {@code into} is reused when its shape fits.
     *
     * @throws IllegalArgumentException if an index is outside [0, rows)
     */
    public Tensor gatherRows(int[] indices, int from, int to, Tensor into) {
        int n = to - from;
        int w = rowSize();
        Tensor out = into;
        if (out == null || out.shape.length != shape.length || out.shape[0] != n || out.data.length != n * w
                || !Arrays.equals(out.shape, 1, shape.length, shape, 1, shape.length)) {
            int[] s = shape.clone();
            s[0] = n;
            out = new Tensor(s, new double[n * w]);
        }
        for (int r = 0; r < n; r++) {
            int row = indices[from + r];
            if (row < 0 || row >= shape[0]) {
                throw new IllegalArgumentException("Row index " + row + " at position " + (from + r)
                        + " is outside [0, " + shape[0] + ") of a tensor of shape " + Arrays.toString(shape));
            }
            System.arraycopy(data, row * w, out.data, r * w, w);
        }
        return out;
    }

    /** Copies all values of {@code source}, which must have the same shape, into this tensor. */
    public void copyFrom(Tensor source) {
        requireSameShape(source, "copyFrom");
        System.arraycopy(source.data, 0, data, 0, data.length);
    }

    /** Sets every element to zero. */
    public void fillZero() {
        Arrays.fill(data, 0.0);
    }

    /** The index of the largest value in each row of a rank-2 tensor (first one on ties). */
    public int[] argmaxRows() {
        int n = rows();
        int w = rowSize();
        int[] out = new int[n];
        for (int r = 0; r < n; r++) {
            int best = 0;
            for (int j = 1; j < w; j++) {
                if (data[r * w + j] > data[r * w + best]) {
                    best = j;
                }
            }
            out[r] = best;
        }
        return out;
    }

    /** The Euclidean (L2) norm of all elements. */
    public double norm() {
        double s = 0;
        for (double v : data) {
            s += v * v;
        }
        return Math.sqrt(s);
    }

    /** Index of the first NaN or infinite element, or -1 if all are finite. */
    public int firstNonFinite() {
        for (int i = 0; i < data.length; i++) {
            if (!Double.isFinite(data[i])) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Checks that {@code other} has this tensor's shape.
     *
     * @param what names the operation for the message, e.g. {@code "mean squared error"}
     */
    public void requireSameShape(Tensor other, String what) {
        if (!Arrays.equals(shape, other.shape)) {
            throw new IllegalArgumentException(what + " needs tensors of the same shape but got "
                    + Arrays.toString(shape) + " and " + Arrays.toString(other.shape));
        }
    }

    /** The shape as Keras prints it with the batch axis unknown, e.g. {@code (None, 784)}. */
    public static String describeShape(int[] shapeWithoutBatch) {
        StringBuilder sb = new StringBuilder("(None");
        for (int d : shapeWithoutBatch) {
            sb.append(", ").append(d);
        }
        return sb.append(')').toString();
    }

    /** The product of the sizes of a shape. */
    public static int sizeOf(int[] shape) {
        long n = 1;
        for (int d : shape) {
            n *= d;
        }
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("Shape " + Arrays.toString(shape) + " holds " + n
                    + " values, more than a Java array can (" + Integer.MAX_VALUE + ")");
        }
        return (int) n;
    }

    private static int[] tail(int[] shape) {
        return Arrays.copyOfRange(shape, 1, shape.length);
    }

    private static int[] checkShape(int[] shape) {
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("Shape " + Arrays.toString(shape)
                        + " has a negative size; every size must be >= 0");
            }
        }
        return shape.clone();
    }

    /** Same shape and bit-identical values. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Tensor t && Arrays.equals(shape, t.shape) && Arrays.equals(data, t.data);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(shape) + Arrays.hashCode(data);
    }

    /**
     * The values laid out by shape and rounded, as numpy and PyTorch print an array:
     * <pre>
     * Tensor([[ 1.0000,  0.5000],
     *         [-2.0000,  0.2500]], shape=[2, 2])
     * </pre>
     * Four decimals, or scientific notation when the magnitudes call for it; axes longer than
     * {@value TensorFormat#MAX_SHOWN} show their first and last three entries around {@code ...}.
     */
    @Override
    public String toString() {
        return TensorFormat.format(this);
    }
}
