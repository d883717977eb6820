package org.nnlab.dsl.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;
import org.nnlab.core.init.Initializer;
import org.nnlab.core.layer.Activation;
import org.nnlab.core.layer.Dense;

/**
 * A fully connected layer y = f(x·W + b), like Keras's {@code Dense}.
 *
 * <p>For an input of width {@code in} it holds {@code in × units} kernel weights plus
 * {@code units} biases when {@code useBias}. It needs a flat input, {@code (None, in)}: an image
 * must pass through a {@link FlattenSpec} first. Keras's defaults are a linear activation, a bias,
 * a Glorot-uniform kernel and a zero bias.
 *
 * @param units the number of neurons, ≥ 1
 * @param name null for the automatic name
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DenseSpec(
        @JsonProperty(value = "units", required = true) int units,
        @JsonProperty(value = "activation", required = true) Activation activation,
        @JsonProperty(value = "use_bias", required = true) boolean useBias,
        @JsonProperty(value = "kernel_initializer", required = true) Initializer kernelInitializer,
        @JsonProperty(value = "bias_initializer", required = true) Initializer biasInitializer,
        @JsonProperty("name") String name) implements LayerSpec {

    /**
     * @throws IllegalArgumentException if {@code units ≤ 0} or the name is malformed
     */
    public DenseSpec {
        if (units <= 0) {
            throw new IllegalArgumentException("Dense units (" + units + ") must be > 0."
                    + " Hint: units is the number of neurons, e.g. 100 for a hidden layer or 10 for ten classes.");
        }
        Objects.requireNonNull(activation, "activation");
        Objects.requireNonNull(kernelInitializer, "kernelInitializer");
        Objects.requireNonNull(biasInitializer, "biasInitializer");
        Bounds.layerName(name);
    }

    /** Keras's {@code Dense(units, activation)}: bias on, Glorot-uniform kernel, zero bias. */
    public static DenseSpec of(int units, Activation activation) {
        return new DenseSpec(units, activation, true, Initializer.GLOROT_UNIFORM, Initializer.ZEROS, null);
    }

    @Override
    public String typeName() {
        return "Dense";
    }

    @Override
    public String namePrefix() {
        return "dense";
    }

    @Override
    public Shape outputShape(Shape input, String where) {
        if (input.rank() != 1) {
            throw new IllegalArgumentException(where + " expects a flat input but gets shape " + input
                    + ". Did you forget flatten()? A dense layer sees one vector of features per example;"
                    + " flatten() turns " + input + " into (None, " + input.size() + ").");
        }
        return Shape.of(units);
    }

    @Override
    public Dense toLayer(String name) {
        return new Dense(name, units, activation, useBias, kernelInitializer, biasInitializer);
    }

    @Override
    public long trainableParams(Shape input) {
        return (long) input.last() * units + (useBias ? units : 0);
    }
}
