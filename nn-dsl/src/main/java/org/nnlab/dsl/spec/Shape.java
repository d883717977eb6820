package org.nnlab.dsl.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import org.nnlab.core.tensor.Tensor;
import org.nnlab.core.train.Sequential;

/**
 * The shape of one example, without the batch axis: {@code (28, 28)} for an MNIST image.
 *
 * <p>Checked by nn-core's rule for a model's input ({@link Sequential#checkInputShape}): at least one
 * dimension, each ≥ 1. {@link #toString()} prints the shape as Keras does in a summary, with the
 * batch axis as {@code None}: {@code (None, 28, 28)}. Immutable; the array is copied in and out.
 */
public record Shape(int[] dims) {

    /** @throws IllegalArgumentException if there are no dimensions or one is ≤ 0 */
    public Shape {
        dims = Sequential.checkInputShape(dims.clone());
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
        return Tensor.describeShape(dims);
    }
}
