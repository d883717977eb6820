package org.nnlab.dsl;

import java.util.function.Consumer;
import org.nnlab.dsl.spec.ModelSpec;
import org.nnlab.dsl.spec.TrainingSpec;

/**
 * The training stage of the DSL: the model is compiled (optimizer, loss, metrics); fit options
 * and the seed may still change.
 *
 * <p>Immutable; {@link #spec()} gives the finished, validated {@link ModelSpec}.
 */
public final class TrainingStage {
    private final ModelSpec spec;

    TrainingStage(ModelSpec spec) {
        this.spec = spec;
    }

    /**
     * Sets the options of {@code fit}, e.g. {@code .fit(f -> f.epochs(30).batchSize(32).validationSplit(0.1))}.
     *
     * @throws IllegalArgumentException if an option is out of range, or a callback monitors a metric not compiled
     */
    public TrainingStage fit(Consumer<FitConfig> options) {
        TrainingSpec t = spec.training();
        FitConfig c = new FitConfig(t.fit());
        options.accept(c);
        return new TrainingStage(spec.withTraining(t.withFit(c.toSpec())));
    }

    /** Fixes initial weights, shuffling and dropout masks. */
    public TrainingStage seed(long seed) {
        return new TrainingStage(spec.withSeed(seed));
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
