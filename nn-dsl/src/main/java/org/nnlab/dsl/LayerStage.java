package org.nnlab.dsl;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.nnlab.core.layer.Activation;
import org.nnlab.core.layer.ActivationLayer;
import org.nnlab.core.layer.BatchNormalization;
import org.nnlab.core.layer.Dense;
import org.nnlab.core.layer.Dropout;
import org.nnlab.core.layer.Flatten;
import org.nnlab.core.layer.LayerConfig;
import org.nnlab.core.layer.LayerNames;
import org.nnlab.core.loss.Loss;
import org.nnlab.core.optim.OptimizerConfig;
import org.nnlab.core.tensor.Precision;
import org.nnlab.core.train.Metric;
import org.nnlab.dsl.spec.ModelSpec;
import org.nnlab.dsl.spec.Shape;
import org.nnlab.dsl.spec.TrainingSpec;

/**
 * The layer stage of the DSL: an input shape is fixed, layers are added one call at a time.
 *
 * <p>Reached only through {@link Nn#input}, so a layer cannot come before the input. Each call
 * makes nn-core's layer config and checks it against the shape before it with core's rules, and
 * fails on that line with the layer's place ("Layer 1 (dense): Dense expects a flat input
 * (features) but got shape (None, 28, 28). Did you forget a Flatten layer before it? …"). Options
 * are set on core's config records inside a lambda: {@code .dense(1, d -> d.noBias())}. Immutable:
 * each call returns a new stage, so a shared base can grow into variants.
 */
public final class LayerStage {
    private final String name;
    private final long seed;
    private final Precision precision;
    private final Shape input;
    private final List<LayerConfig> layers;

    LayerStage(String name, long seed, Precision precision, Shape input, List<LayerConfig> layers) {
        this.name = name;
        this.seed = seed;
        this.precision = precision;
        this.input = input;
        this.layers = List.copyOf(layers);
    }

    /** Keras's {@code Dense(units)}: a linear dense layer with a bias. */
    public LayerStage dense(int units) {
        return dense(units, Activation.LINEAR, d -> d);
    }

    /** Keras's {@code Dense(units, activation=…)}. */
    public LayerStage dense(int units, Activation activation) {
        return dense(units, activation, d -> d);
    }

    /** A linear dense layer with options, e.g. {@code .dense(1, d -> d.noBias())}. */
    public LayerStage dense(int units, UnaryOperator<Dense.Config> options) {
        return dense(units, Activation.LINEAR, options);
    }

    /**
     * A dense layer with an activation and options, e.g.
     * {@code .dense(100, RELU, d -> d.kernelInitializer(HE_NORMAL).named("hidden"))}.
     */
    public LayerStage dense(int units, Activation activation, UnaryOperator<Dense.Config> options) {
        Objects.requireNonNull(activation, "activation");
        return with("Dense", () -> options.apply(Dense.Config.of(units, activation)));
    }

    /** Keras's {@code Activation(activation)}: applies a function, no parameters. */
    public LayerStage activation(Activation activation) {
        return with("Activation", () -> new ActivationLayer.Config(activation, null));
    }

    /** Keras's {@code Flatten()}: {@code (None, 28, 28)} becomes {@code (None, 784)}. */
    public LayerStage flatten() {
        return with("Flatten", () -> new Flatten.Config(null));
    }

    /** Keras's {@code Dropout(rate)}: drops the fraction {@code rate} of inputs while training. */
    public LayerStage dropout(double rate) {
        return with("Dropout", () -> new Dropout.Config(rate, null));
    }

    /** Keras's {@code BatchNormalization()} with its defaults. */
    public LayerStage batchNormalization() {
        return batchNormalization(b -> b);
    }

    /** Batch normalization with options, e.g. {@code .batchNormalization(b -> b.momentum(0.9).center(false))}. */
    public LayerStage batchNormalization(UnaryOperator<BatchNormalization.Config> options) {
        return with("BatchNormalization", () -> options.apply(BatchNormalization.Config.DEFAULTS));
    }

    /** Names the model (Keras's default is {@value ModelSpec#DEFAULT_NAME}). */
    public LayerStage named(String modelName) {
        return new LayerStage(Objects.requireNonNull(modelName, "modelName"), seed, precision, input, layers);
    }

    /** Fixes initial weights, shuffling and dropout masks (default {@value ModelSpec#DEFAULT_SEED}). */
    public LayerStage seed(long seed) {
        return new LayerStage(name, seed, precision, input, layers);
    }

    /**
     * The precision the model computes in: {@link Precision#FLOAT32} unless chosen, as Keras's
     * {@code floatx}; {@link Precision#FLOAT64} for exact work.
     */
    public LayerStage precision(Precision precision) {
        return new LayerStage(name, seed, Objects.requireNonNull(precision, "precision"), input, layers);
    }

    /**
     * Keras's {@code compile(optimizer, loss, metrics)}: moves to the training stage, with Keras's
     * default fit options.
     *
     * @throws IllegalArgumentException if the output layer does not suit the loss (e.g. softmax with
     *     binary cross-entropy), naming the layer and the fix
     */
    public TrainingStage compile(OptimizerConfig optimizer, Loss loss, Metric... metrics) {
        return new TrainingStage(spec().withTraining(new TrainingSpec(optimizer, loss, Arrays.asList(metrics))));
    }

    /**
     * The model without a training configuration.
     *
     * @throws IllegalArgumentException if there is no layer yet
     */
    public ModelSpec spec() {
        return new ModelSpec(name, input, layers, null, seed, precision);
    }

    /** Compiles the spec onto nn-core: builds the layers with weights drawn from the seed. */
    public Model build() {
        return Model.compile(spec());
    }

    /** Keras's summary table, before any weight exists. */
    public String summary() {
        return spec().summary();
    }

    /**
     * This stage with one more layer, made by {@code make} and checked against the shape before it;
     * an error names the new layer's place and the name it has or would get.
     */
    private LayerStage with(String typeName, Supplier<LayerConfig> make) {
        LayerConfig layer;
        try {
            layer = make.get();
        } catch (IllegalArgumentException e) {
            List<String> types = new ArrayList<>(layers.stream().map(LayerConfig::typeName).toList());
            List<String> given = new ArrayList<>(layers.stream().map(LayerConfig::name).toList());
            types.add(typeName);
            given.add(null);
            throw LayerNames.inLayer(layers.size(), LayerNames.assign(types, given).get(layers.size()), e);
        }
        List<LayerConfig> next = new ArrayList<>(layers);
        next.add(layer);
        ModelSpec.checkLayers(input, next);
        return new LayerStage(name, seed, precision, input, next);
    }
}
