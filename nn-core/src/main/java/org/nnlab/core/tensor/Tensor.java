package org.nnlab.core.tensor;

import java.util.Arrays;

/**
 * A dense array of numbers in one {@link Precision}: a shape plus a flat row-major primitive array.
 *
 * <p>A {@link Precision#FLOAT64} tensor holds a {@code double[]} ({@link #data()}), a
 * {@link Precision#FLOAT32} one a {@code float[]} ({@link #floatData()}); {@link #get} and
 * {@link #set} read and write either, and {@link #to} converts. The factories that take doubles
 * ({@link #zeros(int...)}, {@link #wrap(double[], int...)}, {@link #matrix}, …) make float64
 * tensors, as numpy makes float64 arrays from Python floats; a model converts its inputs to its own
 * precision a batch at a time, as Keras casts inputs to its {@code floatx}.
 *
 * <p>The first axis is the batch axis wherever a tensor flows through a model: a batch of 32
 * MNIST images is {@code [32, 28, 28]}, its flattened form {@code [32, 784]}. Element
 * {@code (i, j)} of a rank-2 tensor lives at {@code data[i * cols + j]}. A tensor is mutable (the
 * training loop updates weights in place) but its shape is fixed; {@link #reshape} shares the
 * data. Shape checks throw {@link IllegalArgumentException} with both shapes in the message.
 */
public final class Tensor {
    private final int[] shape;
    // Exactly one of the two holds the values.
    private final double[] data;
    private final float[] floats;

    private Tensor(int[] shape, double[] data) {
        this.shape = shape;
        this.data = data;
        this.floats = null;
    }

    private Tensor(int[] shape, float[] floats) {
        this.shape = shape;
        this.data = null;
        this.floats = floats;
    }

    /** A float64 tensor of zeros with the given shape. */
    public static Tensor zeros(int... shape) {
        return new Tensor(checkShape(shape), new double[sizeOf(shape)]);
    }

    /** A tensor of zeros with the given precision and shape. */
    public static Tensor zeros(Precision precision, int... shape) {
        int[] s = checkShape(shape);
        return precision == Precision.FLOAT32 ? new Tensor(s, new float[sizeOf(s)]) : new Tensor(s, new double[sizeOf(s)]);
    }

    /** A float64 tensor filled with {@code value}. */
    public static Tensor filled(double value, int... shape) {
        return filled(Precision.FLOAT64, value, shape);
    }

    /** A tensor of the given precision filled with {@code value} (rounded to that precision). */
    public static Tensor filled(Precision precision, double value, int... shape) {
        Tensor t = zeros(precision, shape);
        if (t.floats != null) {
            Arrays.fill(t.floats, (float) value);
        } else {
            Arrays.fill(t.data, value);
        }
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

    /**
     * Wraps {@code data} (not copied) as a float32 tensor of the given shape.
     *
     * @throws IllegalArgumentException if {@code data.length} is not the product of the shape
     */
    public static Tensor wrap(float[] data, int... shape) {
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

    /** The precision of the values: {@link Precision#FLOAT32} or {@link Precision#FLOAT64}. */
    public Precision precision() {
        return floats != null ? Precision.FLOAT32 : Precision.FLOAT64;
    }

    /**
     * This tensor in precision {@code target}: this tensor itself when it already is, else a copy
     * with every value converted (rounded to nearest when narrowing to float32, exact when widening).
     */
    public Tensor to(Precision target) {
        if (target == precision()) {
            return this;
        }
        Tensor out = zeros(target, shape);
        out.copyFrom(this);
        return out;
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
        return floats != null ? floats.length : data.length;
    }

    /**
     * The backing array of a float64 tensor, row-major; writes go straight into this tensor.
     *
     * @throws IllegalStateException for a float32 tensor, which has no {@code double[]}
     */
    public double[] data() {
        if (data == null) {
            throw new IllegalStateException("This tensor " + Arrays.toString(shape) + " holds float32 values, so it has"
                    + " no double[]; data() is the array of a float64 tensor. Hint: floatData() is its float[],"
                    + " get(i) reads one value in either precision, and to(Precision.FLOAT64) makes a float64 copy.");
        }
        return data;
    }

    /**
     * The backing array of a float32 tensor, row-major; writes go straight into this tensor.
     *
     * @throws IllegalStateException for a float64 tensor, which has no {@code float[]}
     */
    public float[] floatData() {
        if (floats == null) {
            throw new IllegalStateException("This tensor " + Arrays.toString(shape) + " holds float64 values, so it has"
                    + " no float[]; floatData() is the array of a float32 tensor. Hint: data() is its double[],"
                    + " get(i) reads one value in either precision, and to(Precision.FLOAT32) makes a float32 copy.");
        }
        return floats;
    }

    /** The size of the first (batch) axis. */
    public int rows() {
        return shape[0];
    }

    /** The number of elements per row: the product of every axis but the first. */
    public int rowSize() {
        return shape.length == 0 ? 1 : (shape[0] == 0 ? sizeOf(tail(shape)) : size() / shape[0]);
    }

    /** Element {@code (i, j)} of a rank-2 tensor. */
    public double get(int i, int j) {
        return get(i * shape[1] + j);
    }

    /** Element {@code i} of the flat data. */
    public double get(int i) {
        return floats != null ? floats[i] : data[i];
    }

    /** Sets element {@code (i, j)} of a rank-2 tensor (rounded to this tensor's precision). */
    public void set(int i, int j, double value) {
        set(i * shape[1] + j, value);
    }

    /** Sets element {@code i} of the flat data (rounded to this tensor's precision). */
    public void set(int i, double value) {
        if (floats != null) {
            floats[i] = (float) value;
        } else {
            data[i] = value;
        }
    }

    /**
     * A view of the same data with another shape of the same size.
     *
     * @throws IllegalArgumentException if the sizes differ
     */
    public Tensor reshape(int... newShape) {
        int[] s = checkShape(newShape);
        if (sizeOf(s) != size()) {
            throw new IllegalArgumentException("Cannot reshape " + Arrays.toString(shape) + " ("
                    + size() + " values) to " + Arrays.toString(s) + " (" + sizeOf(s) + " values)");
        }
        return view(s);
    }

    /** This tensor as {@code [rows, rowSize]}, sharing the data. */
    public Tensor flattenRows() {
        return shape.length == 2 ? this : view(new int[] {rows(), rowSize()});
    }

    private Tensor view(int[] newShape) {
        return floats != null ? new Tensor(newShape, floats) : new Tensor(newShape, data);
    }

    /** A deep copy, in the same precision. */
    public Tensor copy() {
        return floats != null ? new Tensor(shape.clone(), floats.clone()) : new Tensor(shape.clone(), data.clone());
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
        return floats != null ? new Tensor(s, Arrays.copyOfRange(floats, from * w, to * w))
                : new Tensor(s, Arrays.copyOfRange(data, from * w, to * w));
    }

    /**
     * The rows at {@code indices}, in that order, as a new tensor.
     *
     * <p>Used to gather a shuffled mini-batch; {@code into} is reused when its shape and precision fit.
     *
     * @throws IllegalArgumentException if an index is outside [0, rows)
     */
    public Tensor gatherRows(int[] indices, int from, int to, Tensor into) {
        int n = to - from;
        int w = rowSize();
        Tensor out = into;
        if (out == null || out.precision() != precision() || out.shape.length != shape.length || out.shape[0] != n
                || out.size() != n * w || !Arrays.equals(out.shape, 1, shape.length, shape, 1, shape.length)) {
            int[] s = shape.clone();
            s[0] = n;
            out = zeros(precision(), s);
        }
        for (int r = 0; r < n; r++) {
            int row = indices[from + r];
            if (row < 0 || row >= shape[0]) {
                throw new IllegalArgumentException("Row index " + row + " at position " + (from + r)
                        + " is outside [0, " + shape[0] + ") of a tensor of shape " + Arrays.toString(shape));
            }
            System.arraycopy(values(), row * w, out.values(), r * w, w);
        }
        return out;
    }

    /** The backing array, whichever precision: for {@link System#arraycopy} between tensors of one precision. */
    private Object values() {
        return floats != null ? floats : data;
    }

    /**
     * Copies all values of {@code source}, which must have the same shape, into this tensor,
     * converting them to this tensor's precision if the two differ.
     */
    public void copyFrom(Tensor source) {
        requireSameShape(source, "copyFrom");
        if (source.precision() == precision()) {
            System.arraycopy(source.values(), 0, values(), 0, size());
        } else if (floats != null) {
            for (int i = 0; i < floats.length; i++) {
                floats[i] = (float) source.data[i];
            }
        } else {
            for (int i = 0; i < data.length; i++) {
                data[i] = source.floats[i];
            }
        }
    }

    /**
     * Adds {@code other}, of the same shape and precision, into this tensor element by element.
     *
     * @throws IllegalArgumentException if the shapes or the precisions differ
     */
    public void add(Tensor other) {
        requireSameShape(other, "add");
        if (other.precision() != precision()) {
            throw new IllegalArgumentException("add needs two tensors of one precision but got "
                    + precision().kerasName()
                    + " and " + other.precision().kerasName() + ". Hint: copyFrom converts between precisions.");
        }
        if (floats != null) {
            for (int i = 0; i < floats.length; i++) {
                floats[i] += other.floats[i];
            }
        } else {
            for (int i = 0; i < data.length; i++) {
                data[i] += other.data[i];
            }
        }
    }

    /** Multiplies every element by {@code factor}, rounded to this tensor's precision. */
    public void scale(double factor) {
        if (floats != null) {
            float f = (float) factor;
            for (int i = 0; i < floats.length; i++) {
                floats[i] *= f;
            }
        } else {
            for (int i = 0; i < data.length; i++) {
                data[i] *= factor;
            }
        }
    }

    /** Sets every element to zero. */
    public void fillZero() {
        if (floats != null) {
            Arrays.fill(floats, 0f);
        } else {
            Arrays.fill(data, 0.0);
        }
    }

    /** The index of the largest value in each row of a rank-2 tensor (first one on ties). */
    public int[] argmaxRows() {
        int n = rows();
        int w = rowSize();
        int[] out = new int[n];
        for (int r = 0; r < n; r++) {
            int best = 0;
            for (int j = 1; j < w; j++) {
                if (get(r * w + j) > get(r * w + best)) {
                    best = j;
                }
            }
            out[r] = best;
        }
        return out;
    }

    /** The Euclidean (L2) norm of all elements, summed in double whatever the precision. */
    public double norm() {
        return Math.sqrt(sumOfSquares());
    }

    /** The sum of the squares of all elements, summed in double whatever the precision (a float's square is exact in double). */
    public double sumOfSquares() {
        double s = 0;
        if (floats != null) {
            for (float v : floats) {
                s += (double) v * v;
            }
        } else {
            for (double v : data) {
                s += v * v;
            }
        }
        return s;
    }

    /** The sum of the absolute values of all elements, summed in double whatever the precision. */
    public double sumOfAbsolutes() {
        double s = 0;
        if (floats != null) {
            for (float v : floats) {
                s += Math.abs(v);
            }
        } else {
            for (double v : data) {
                s += Math.abs(v);
            }
        }
        return s;
    }

    /**
     * Index of the first NaN or infinite element, or -1 if all are finite. The training loop asks
     * this of every gradient at every step, so it runs vectorized: see {@code firstNonFinite64}.
     */
    public int firstNonFinite() {
        return floats != null ? firstNonFinite32(floats) : firstNonFinite64(data);
    }

    /** Values checked per pass of {@link #firstNonFinite}: 16 KiB of doubles. */
    private static final int CHECK_BLOCK = 2048;

    // [float64] The float32 twin below is generated from this code (Float32Generator).
    private static final double[] ZEROS64 = new double[CHECK_BLOCK];
    private static final ThreadLocal<double[]> CHECKED64 = ThreadLocal.withInitial(() -> new double[CHECK_BLOCK]);

    /**
     * The first NaN or ±∞ in {@code v}, or -1. A block at a time: v·0 + 0 is +0 for every finite v
     * and NaN otherwise, computed in a scratch block indexed from 0 (which C2 vectorizes, unlike a
     * loop reading {@code v} at an offset), then compared with zeros by {@link Arrays#mismatch}, a
     * vectorized intrinsic: about twice as fast as testing each value.
     */
    private static int firstNonFinite64(double[] v) {
        double[] t = CHECKED64.get();
        for (int from = 0; from < v.length; from += CHECK_BLOCK) {
            int n = Math.min(CHECK_BLOCK, v.length - from);
            System.arraycopy(v, from, t, 0, n);
            for (int j = 0; j < n; j++) {
                t[j] = t[j] * 0.0 + 0.0;
            }
            int bad = Arrays.mismatch(t, 0, n, ZEROS64, 0, n);
            if (bad >= 0) {
                return from + bad;
            }
        }
        return -1;
    }
    // [float32] Generated from the [float64] code above by Float32Generator; do not edit.
    private static final float[] ZEROS32 = new float[CHECK_BLOCK];
    private static final ThreadLocal<float[]> CHECKED32 = ThreadLocal.withInitial(() -> new float[CHECK_BLOCK]);

    /**
     * The first NaN or ±∞ in {@code v}, or -1. A block at a time: v·0 + 0 is +0 for every finite v
     * and NaN otherwise, computed in a scratch block indexed from 0 (which C2 vectorizes, unlike a
     * loop reading {@code v} at an offset), then compared with zeros by {@link Arrays#mismatch}, a
     * vectorized intrinsic: about twice as fast as testing each value.
     */
    private static int firstNonFinite32(float[] v) {
        float[] t = CHECKED32.get();
        for (int from = 0; from < v.length; from += CHECK_BLOCK) {
            int n = Math.min(CHECK_BLOCK, v.length - from);
            System.arraycopy(v, from, t, 0, n);
            for (int j = 0; j < n; j++) {
                t[j] = t[j] * 0.0f + 0.0f;
            }
            int bad = Arrays.mismatch(t, 0, n, ZEROS32, 0, n);
            if (bad >= 0) {
                return from + bad;
            }
        }
        return -1;
    }
    // [end float32]

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

    /** {@code shape} with a batch dimension of {@code batch} in front: (2, 3) and 32 give (32, 2, 3). */
    public static int[] withBatch(int batch, int[] shape) {
        int[] s = new int[shape.length + 1];
        s[0] = batch;
        System.arraycopy(shape, 0, s, 1, shape.length);
        return s;
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

    /** Same precision, same shape and bit-identical values. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Tensor t && Arrays.equals(shape, t.shape) && Arrays.equals(data, t.data)
                && Arrays.equals(floats, t.floats);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(shape) + (floats != null ? Arrays.hashCode(floats) : Arrays.hashCode(data));
    }

    /**
     * The values laid out by shape and rounded, as numpy and PyTorch print an array:
     * <pre>
     * Tensor([[ 1.0000,  0.5000],
     *         [-2.0000,  0.2500]], shape=[2, 2])
     * </pre>
     * Four decimals, or scientific notation when the magnitudes call for it; axes longer than
     * {@value TensorFormat#MAX_SHOWN} show their first and last three entries around {@code ...}.
     * A float32 tensor ends with {@code dtype=float32}, as numpy marks an array that is not float64.
     */
    @Override
    public String toString() {
        return TensorFormat.format(this);
    }
}
