package org.nnlab.dsl.io;

import java.util.List;
import java.util.Objects;
import org.nnlab.core.optim.Optimizer;
import org.nnlab.core.tensor.Tensor;
import org.nnlab.core.train.ReduceLROnPlateau;
import org.nnlab.core.train.TrainingProgress;
import org.nnlab.dsl.spec.ModelSpec;

/**
 * What a model file holds: the spec, every weight in Keras order, and optionally the state to resume training.
 *
 * @param weightNames one per weight, e.g. {@code "dense_1/kernel"}, checked when loading
 * @param optimizerState null when the model was saved without it (or never trained)
 * @param progress epochs and steps trained, which fix the next shuffles and dropout masks; null
 *     when saved without the optimizer state
 * @param callbackStates one entry per callback of the spec's fit options, in order: a
 *     ReduceLROnPlateau's counters, or null for a callback without them (early stopping) or one
 *     that has not watched an epoch; empty when saved without the optimizer state
 */
public record ModelArchive(ModelSpec spec, List<String> weightNames, List<Tensor> weights,
                           Optimizer.Snapshot optimizerState, TrainingProgress progress,
                           List<ReduceLROnPlateau.State> callbackStates) {

    /** An archive without training progress. */
    public ModelArchive(ModelSpec spec, List<String> weightNames, List<Tensor> weights, Optimizer.Snapshot optimizerState) {
        this(spec, weightNames, weights, optimizerState, null, List.of());
    }

    /** An archive without callback counters. */
    public ModelArchive(ModelSpec spec, List<String> weightNames, List<Tensor> weights, Optimizer.Snapshot optimizerState,
                        TrainingProgress progress) {
        this(spec, weightNames, weights, optimizerState, progress, List.of());
    }

    /** Copies the lists and checks that there is one name per weight. */
    public ModelArchive {
        Objects.requireNonNull(spec, "spec");
        weightNames = List.copyOf(weightNames);
        weights = List.copyOf(weights);
        if (weightNames.size() != weights.size()) {
            throw new IllegalArgumentException(weightNames.size() + " weight names for " + weights.size() + " weights");
        }
        callbackStates = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(callbackStates));
    }
}
