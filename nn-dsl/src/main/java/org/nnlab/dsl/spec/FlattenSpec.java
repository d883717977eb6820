package org.nnlab.dsl.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.nnlab.core.layer.Flatten;

/**
 * A layer that lays each example out as one vector, like Keras's {@code Flatten}.
 *
 * <p>{@code (None, 28, 28)} becomes {@code (None, 784)}, row by row; there are no parameters.
 *
 * @param name null for the automatic name
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FlattenSpec(@JsonProperty("name") String name) implements LayerSpec {

    /** Checks that a given name uses only letters, digits, '_', '.' or '-'. */
    public FlattenSpec {
        Bounds.layerName(name);
    }

    @Override
    public String typeName() {
        return "Flatten";
    }

    @Override
    public String namePrefix() {
        return "flatten";
    }

    @Override
    public Shape outputShape(Shape input, String where) {
        long n = input.size();
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(where + " would flatten " + input + " into " + n
                    + " values, more than a Java array holds (" + Integer.MAX_VALUE + ")");
        }
        return Shape.of((int) n);
    }

    @Override
    public Flatten toLayer(String name) {
        return new Flatten(name);
    }

    @Override
    public long trainableParams(Shape input) {
        return 0;
    }
}
