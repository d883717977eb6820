package org.nnlab.dsl.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;
import org.nnlab.core.layer.Activation;
import org.nnlab.core.layer.ActivationLayer;

/**
 * A layer that applies an activation function to its input, like Keras's {@code Activation}.
 *
 * <p>The output has the input's shape; there are no parameters. Softmax normalizes over the last
 * axis.
 *
 * @param name null for the automatic name
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ActivationSpec(
        @JsonProperty(value = "activation", required = true) Activation activation,
        @JsonProperty("name") String name) implements LayerSpec {

    /** Checks that an activation is given and that a given name uses only letters, digits, '_', '.' or '-'. */
    public ActivationSpec {
        Objects.requireNonNull(activation, "activation");
        Bounds.layerName(name);
    }

    @Override
    public String typeName() {
        return "Activation";
    }

    @Override
    public String namePrefix() {
        return "activation";
    }

    @Override
    public Shape outputShape(Shape input, String where) {
        return input;
    }

    @Override
    public ActivationLayer toLayer(String name) {
        return new ActivationLayer(name, activation);
    }

    @Override
    public long trainableParams(Shape input) {
        return 0;
    }
}
