package org.nnlab.dsl.spec;

import org.nnlab.core.layer.LayerConfig;
import org.nnlab.core.layer.LayerNames;

/**
 * One inferred line of a model: where a layer sits, its resolved name, its output shape and parameter counts.
 *
 * @param index 0-based position in the model
 * @param name the user's name or Keras's automatic one ({@code dense_1})
 */
record LayerRow(int index, String name, LayerConfig config, Shape outputShape, long trainableParams,
                long nonTrainableParams) {

    /** The layer's place for messages, e.g. {@code "Dense layer 2 (dense_1)"}. */
    String where() {
        return LayerNames.where(index, config.typeName(), name);
    }
}
