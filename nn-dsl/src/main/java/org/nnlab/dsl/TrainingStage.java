package org.nnlab.dsl;

import java.util.function.Consumer;
import org.nnlab.core.tensor.Precision;
import org.nnlab.core.train.FitOptions;
import org.nnlab.dsl.spec.ModelSpec;
import org.nnlab.dsl.spec.TrainingSpec;

/**
 * The training stage of the DSL: the model is compiled (optimizer, loss, metrics); the fit options
 * saved with it and the seed may still change.
 *
 * <p>Immutable; {@link #spec()} gives the finished, validated {@link ModelSpec}.
 */
public final class TrainingStage {
    private final ModelSpec spec;

    TrainingStage(ModelSpec spec) {
        this.spec = spec;
    }

    /**
     * Sets the fit options saved with the model, e.g. {@code .fit(f -> f.epochs(30).validationSplit(0.1))},
     * on nn-core's {@link FitOptions.Builder}; {@code model.fit(x, y, f -> …)} can still change them
     * for one run.
     *
     * @throws IllegalArgumentException if an option is out of range, early stopping monitors a metric
     *     not compiled, or an option cannot be saved (validation data, an output stream, a callback
     *     that is code: give those to {@code model.fit})
     */
    public TrainingStage fit(Consumer<FitOptions.Builder> options) {
        TrainingSpec t = spec.training();
        FitOptions.Builder b = t.fit().toBuilder();
        options.accept(b);
        return new TrainingStage(spec.withTraining(t.withFit(b.build())));
    }

    /** Fixes initial weights, shuffling and dropout masks. */
    public TrainingStage seed(long seed) {
        return new TrainingStage(spec.withSeed(seed));
    }

    /** The precision the model computes in (float32 unless chosen); see {@link LayerStage#precision}. */
    public TrainingStage precision(Precision precision) {
        return new TrainingStage(spec.withPrecision(java.util.Objects.requireNonNull(precision, "precision")));
    }

    /** The whole model, validated. */
    public ModelSpec spec() {
        return spec;
    }

    /** Compiles the spec onto nn-core: builds the layers with weights drawn from the seed. */
    public Model build() {
        return Model.compile(spec);
    }

    /** Keras's summary table, before any weight exists. */
    public String summary() {
        return spec.summary();
    }
}
