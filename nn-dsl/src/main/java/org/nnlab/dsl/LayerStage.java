package org.nnlab.dsl;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.nnlab.core.layer.Activation;
import org.nnlab.core.train.Metric;
import org.nnlab.dsl.spec.ActivationSpec;
import org.nnlab.dsl.spec.DropoutSpec;
import org.nnlab.dsl.spec.FitSpec;
import org.nnlab.dsl.spec.FlattenSpec;
import org.nnlab.dsl.spec.LayerRow;
import org.nnlab.dsl.spec.LayerSpec;
import org.nnlab.dsl.spec.LayerTable;
import org.nnlab.dsl.spec.LossKind;
import org.nnlab.dsl.spec.ModelSpec;
import org.nnlab.dsl.spec.OptimizerSpec;
import org.nnlab.dsl.spec.TrainingSpec;

/**
 * The layer stage of the DSL: an input shape is fixed, layers are added one call at a time.
 *
 * <p>Reached only through {@link Nn#input}, so a layer cannot come before the input. Each call
 * checks the new layer against the shape before it and fails on that line with the layer's place
 * ("Dense layer 1 (dense) expects a flat input but gets shape (None, 28, 28). Did you forget
 * flatten()?"). Immutable: each call returns a new stage, so a shared base can grow into variants.
 */
public final class LayerStage {
    private final String name;
    private final long seed;
    private final LayerTable table;

    LayerStage(String name, long seed, LayerTable table) {
        this.name = name;
        this.seed = seed;
        this.table = table;
    }

    /** Keras's {@code Dense(units)}: a linear dense layer with a bias. */
    public LayerStage dense(int units) {
        return dense(units, Activation.LINEAR, d -> { });
    }

    /** Keras's {@code Dense(units, activation=…)}. */
    public LayerStage dense(int units, Activation activation) {
        return dense(units, activation, d -> { });
    }

    /** A linear dense layer with options, e.g. {@code .dense(1, d -> d.noBias())}. */
    public LayerStage dense(int units, Consumer<DenseOptions> options) {
        return dense(units, Activation.LINEAR, options);
    }

    /** A dense layer with an activation and options, e.g. {@code .dense(100, RELU, d -> d.kernelInitializer(HE_NORMAL))}. */
    public LayerStage dense(int units, Activation activation, Consumer<DenseOptions> options) {
        DenseOptions o = new DenseOptions(Objects.requireNonNull(activation, "activation"));
        options.accept(o);
        return with(table.add("dense", o.name(), () -> o.toSpec(units)));
    }

    /** Keras's {@code Activation(activation)}: applies a function, no parameters. */
    public LayerStage activation(Activation activation) {
        return with(table.add(new ActivationSpec(activation, null)));
    }

    /** Keras's {@code Flatten()}: {@code (None, 28, 28)} becomes {@code (None, 784)}. */
    public LayerStage flatten() {
        return with(table.add(new FlattenSpec(null)));
    }

    /** Keras's {@code Dropout(rate)}: drops the fraction {@code rate} of inputs while training. */
    public LayerStage dropout(double rate) {
        return with(table.add("dropout", null, () -> new DropoutSpec(rate, null)));
    }

    /** Keras's {@code BatchNormalization()} with its defaults. */
    public LayerStage batchNormalization() {
        return batchNormalization(b -> { });
    }

    /** Batch normalization with options, e.g. {@code .batchNormalization(b -> b.momentum(0.9))}. */
    public LayerStage batchNormalization(Consumer<BatchNormOptions> options) {
        BatchNormOptions o = new BatchNormOptions();
        options.accept(o);
        return with(table.add("batch_normalization", o.name(), o::toSpec));
    }

    /** Names the model (Keras's default is {@value ModelSpec#DEFAULT_NAME}). */
    public LayerStage named(String modelName) {
        return new LayerStage(Objects.requireNonNull(modelName, "modelName"), seed, table);
    }

    /** Fixes initial weights, shuffling and dropout masks (default {@value ModelSpec#DEFAULT_SEED}). */
    public LayerStage seed(long seed) {
        return new LayerStage(name, seed, table);
    }

    /**
     * Keras's {@code compile(optimizer, loss, metrics)}: moves to the training stage.
     *
     * @throws IllegalArgumentException if the output layer does not suit the loss (e.g. softmax with
     *     binary cross-entropy), naming the layer and the fix
     */
    public TrainingStage compile(OptimizerSpec optimizer, LossKind loss, Metric... metrics) {
        TrainingSpec training = new TrainingSpec(optimizer, loss, Arrays.asList(metrics), FitSpec.defaults());
        return new TrainingStage(spec().withTraining(training));
    }

    /** The layers' inferred names, shapes and parameter counts so far. */
    public LayerTable table() {
        return table;
    }

    /** The model without a training configuration. */
    public ModelSpec spec() {
        List<LayerSpec> layers = new ArrayList<>();
        for (LayerRow r : table.rows()) {
            layers.add(r.spec());
        }
        return new ModelSpec(name, table.input(), layers, null, seed);
    }

    /** Compiles the spec onto nn-core: builds the layers with weights drawn from the seed. */
    public Model build() {
        return Model.compile(spec());
    }

    /** Keras's summary table, before any weight exists. */
    public String summary() {
        return spec().summary();
    }

    private LayerStage with(LayerTable next) {
        return new LayerStage(name, seed, next);
    }
}
