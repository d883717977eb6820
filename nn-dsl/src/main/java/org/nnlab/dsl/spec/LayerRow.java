package org.nnlab.dsl.spec;

/**
 * One inferred line of a model: where a layer sits, its resolved name, its shapes and parameter counts.
 *
 * @param index 1-based position in the model
 * @param name the user's name or Keras's automatic one ({@code dense_1})
 */
public record LayerRow(int index, String name, LayerSpec spec, Shape inputShape, Shape outputShape,
                       long trainableParams, long nonTrainableParams) {

    /** All parameters, trainable or not. */
    public long params() {
        return trainableParams + nonTrainableParams;
    }

    /** The layer's place for messages, e.g. {@code "Dense layer 2 (dense_1)"}. */
    public String where() {
        return spec.typeName() + " layer " + index + " (" + name + ")";
    }
}
