package org.nnlab.dsl.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.nnlab.core.layer.Dropout;

/**
 * A layer that, while training, zeroes each input with probability {@code rate}, like Keras's
 * {@code Dropout}.
 *
 * <p>The kept inputs are scaled by 1 / (1 − rate) so that their expected sum is unchanged
 * (inverted dropout); at inference the layer passes its input through. The output has the input's
 * shape; there are no parameters.
 *
 * @param rate the fraction of inputs dropped, in [0, 1); the lecture uses 0.2
 * @param name null for the automatic name
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DropoutSpec(
        @JsonProperty(value = "rate", required = true) double rate,
        @JsonProperty("name") String name) implements LayerSpec {

    /**
     * @throws IllegalArgumentException if {@code rate} is outside [0, 1)
     */
    public DropoutSpec {
        Bounds.halfOpenUnit("Dropout rate", rate, "rate is the fraction of inputs dropped: 0.2 drops one in five;"
                + " 1 would drop everything and leave nothing to learn from.");
        Bounds.layerName(name);
    }

    @Override
    public String typeName() {
        return "Dropout";
    }

    @Override
    public String namePrefix() {
        return "dropout";
    }

    @Override
    public Shape outputShape(Shape input, String where) {
        return input;
    }

    @Override
    public Dropout toLayer(String name) {
        return new Dropout(name, rate);
    }

    @Override
    public long trainableParams(Shape input) {
        return 0;
    }
}
