package org.nnlab.dsl.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/**
 * The shape of one example, without the batch axis: {@code (28, 28)} for an MNIST image.
 *
 * <p>Every dimension is at least 1. {@link #toString()} prints the shape as Keras does in a
 * summary, with the batch axis as {@code None}: {@code (None, 28, 28)}. Immutable; the array is
 * copied in and out.
 */
public record Shape(int[] dims) {

    /**
     * @throws IllegalArgumentException if there are no dimensions or one is ≤ 0
     */
    public Shape {
        dims = dims.clone();
        if (dims.length == 0) {
            throw new IllegalArgumentException("Input shape is empty; expected at least one dimension."
                    + " Hint: input(2) for two features, input(28, 28) for a 28×28 image.");
        }
        for (int i = 0; i < dims.length; i++) {
            if (dims[i] <= 0) {
                throw new IllegalArgumentException("Shape " + Arrays.toString(dims) + " has dimension " + (i + 1)
                        + " = " + dims[i] + "; every dimension must be > 0."
                        + " Hint: give the size of one example, without the batch axis, e.g. input(28, 28).");
            }
        }
    }

    /** The shape with these dimensions. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Shape of(int... dims) {
        return new Shape(dims);
    }

    /** A copy of the dimensions. */
    @Override
    @JsonValue
    public int[] dims() {
        return dims.clone();
    }

    /** The number of dimensions. */
    public int rank() {
        return dims.length;
    }

    /** The size of dimension {@code axis} (0-based). */
    public int dim(int axis) {
        return dims[axis];
    }

    /** The last dimension: the features a dense or batch-normalization layer sees. */
    public int last() {
        return dims[dims.length - 1];
    }

    /** The number of values in one example, the product of the dimensions ({@code Long.MAX_VALUE} if larger). */
    public long size() {
        long n = 1;
        for (int d : dims) {
            if (n > Long.MAX_VALUE / d) {
                return Long.MAX_VALUE;
            }
            n *= d;
        }
        return n;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Shape s && Arrays.equals(dims, s.dims);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(dims);
    }

    /** Keras's notation with the batch axis unknown, e.g. {@code (None, 784)}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("(None");
        for (int d : dims) {
            sb.append(", ").append(d);
        }
        return sb.append(')').toString();
    }
}
