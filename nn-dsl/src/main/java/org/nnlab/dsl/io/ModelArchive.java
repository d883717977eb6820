package org.nnlab.dsl.io;

import java.util.List;
import java.util.Objects;
import org.nnlab.core.optim.Optimizer;
import org.nnlab.core.tensor.Tensor;
import org.nnlab.dsl.spec.ModelSpec;

/**
 * What a model file holds: the spec, every weight in Keras order, and optionally the optimizer's state.
 *
 * @param weightNames one per weight, e.g. {@code "dense_1/kernel"}, checked when loading
 * @param optimizerState null when the model was saved without it (or never trained)
 */
public record ModelArchive(ModelSpec spec, List<String> weightNames, List<Tensor> weights,
                           Optimizer.Snapshot optimizerState) {

    /** Copies both lists and checks that there is one name per weight. */
    public ModelArchive {
        Objects.requireNonNull(spec, "spec");
        weightNames = List.copyOf(weightNames);
        weights = List.copyOf(weights);
        if (weightNames.size() != weights.size()) {
            throw new IllegalArgumentException(weightNames.size() + " weight names for " + weights.size() + " weights");
        }
    }
}
