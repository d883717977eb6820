package org.nnlab.core.tensor;

import java.util.Locale;

/** How {@link Tensor#toString()} lays values out: numpy's and PyTorch's shape-aware, rounded view. */
final class TensorFormat {
    /** Axes longer than this are summarized with their first and last {@value #EDGE} entries. */
    static final int MAX_SHOWN = 6;
    private static final int EDGE = 3;
    private static final String PREFIX = "Tensor(";

    private TensorFormat() {
    }

    static String format(Tensor t) {
        int[] shape = t.shape();
        // Printing reads the values as doubles: a float32 value converts exactly.
        double[] data = t.precision() == Precision.FLOAT64 ? t.data() : t.to(Precision.FLOAT64).data();
        String pattern = pattern(data);
        int width = shape.length == 0 ? 0 : widest(data, shape, 0, 0, pattern);
        StringBuilder sb = new StringBuilder(PREFIX);
        if (shape.length == 0) {
            sb.append(value(data[0], pattern));
        } else {
            block(sb, data, shape, 0, 0, width, pattern);
        }
        sb.append(", shape=").append(java.util.Arrays.toString(shape));
        if (t.precision() == Precision.FLOAT32) {
            sb.append(", dtype=float32");
        }
        return sb.append(')').toString();
    }

    /** Appends the sub-array of axis {@code axis} starting at flat index {@code offset}. */
    private static void block(StringBuilder sb, double[] data, int[] shape, int axis, int offset, int width,
                              String pattern) {
        int n = shape[axis];
        int stride = 1;
        for (int d = axis + 1; d < shape.length; d++) {
            stride *= shape[d];
        }
        sb.append('[');
        for (int i = 0; i < n; i++) {
            if (n > MAX_SHOWN && i == EDGE) {
                sb.append(axis == shape.length - 1 ? "..., " : "...," + separator(shape, axis));
                i = n - EDGE;
            }
            if (axis == shape.length - 1) {
                String v = value(data[offset + i], pattern);
                sb.append(" ".repeat(width - v.length())).append(v);
            } else {
                block(sb, data, shape, axis + 1, offset + i * stride, width, pattern);
            }
            if (i < n - 1) {
                sb.append(axis == shape.length - 1 ? ", " : "," + separator(shape, axis));
            }
        }
        sb.append(']');
    }

    /** The widest value shown of the sub-array of axis {@code axis} at {@code offset}; elided ones are not formatted. */
    private static int widest(double[] data, int[] shape, int axis, int offset, String pattern) {
        int n = shape[axis];
        int stride = 1;
        for (int d = axis + 1; d < shape.length; d++) {
            stride *= shape[d];
        }
        int width = 0;
        for (int i = 0; i < n; i++) {
            if (n > MAX_SHOWN && i == EDGE) {
                i = n - EDGE;
            }
            width = Math.max(width, axis == shape.length - 1 ? value(data[offset + i], pattern).length()
                    : widest(data, shape, axis + 1, offset + i * stride, pattern));
        }
        return width;
    }

    /** A line break (one blank line per further axis, as numpy) and the indent of the next row. */
    private static String separator(int[] shape, int axis) {
        return "\n".repeat(shape.length - 1 - axis) + " ".repeat(PREFIX.length() + axis + 1);
    }

    /** Four decimals, unless some magnitude is too large or too small for them to show it. */
    private static String pattern(double[] data) {
        double max = 0;
        double minNonZero = Double.POSITIVE_INFINITY;
        for (double v : data) {
            if (Double.isFinite(v) && v != 0) {
                max = Math.max(max, Math.abs(v));
                minNonZero = Math.min(minNonZero, Math.abs(v));
            }
        }
        return max >= 1e8 || minNonZero < 1e-4 ? "%.4e" : "%.4f";
    }

    private static String value(double v, String pattern) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, pattern, v) : Double.toString(v);
    }
}
