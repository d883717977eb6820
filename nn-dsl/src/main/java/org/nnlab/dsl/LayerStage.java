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
 *
 * <p>A call costs the same however deep the model already is, as Keras's {@code Sequential.add}:
 * a stage keeps its layers as a linked stack with the output shape so far, so the new layer is
 * checked against that shape alone, and a name given to it against the names given before, kept
 * in a set the stage shares with the stages it was built on; the whole model is checked once more
 * by {@link #spec()}.
 */
public final class LayerStage {
    private final String name;
    private final long seed;
    private final Precision precision;
    private final Shape input;
    /** The last layer and those below it; null before the first layer. */
    private final Stack top;

    /**
     * One layer on top of the ones below it, with what the checks of the next call need. A class,
     * not a record: a record's equals, hashCode and toString would recurse through every layer.
     */
    private static final class Stack {
        final Stack below;
        final LayerConfig layer;
        /** How many layers the stack holds, this one included. */
        final int size;
        /** This layer's output shape, one example. */
        final int[] outputShape;
        /** The names given to this layer and the ones below. */
        final GivenNames given;

        Stack(Stack below, LayerConfig layer, int size, int[] outputShape, GivenNames given) {
            this.below = below;
            this.layer = layer;
            this.size = size;
            this.outputShape = outputShape;
            this.given = given;
        }
    }

    /**
     * An immutable set of layer names that stages built on one base share: a binary trie on the
     * bits of the name's hash, so a lookup visits and an addition copies at most 33 nodes, however
     * many names there are, and the base's set is left as it was.
     */
    private static final class GivenNames {
        static final GivenNames NONE = new GivenNames(null, null, List.of());
        private static final int LEAF = Integer.SIZE;

        /** The subtries whose next hash bit is 0 and 1; null where empty. */
        private final GivenNames zero;
        private final GivenNames one;
        /** At the leaves: the names of this hash (usually one). */
        private final List<String> names;

        private GivenNames(GivenNames zero, GivenNames one, List<String> names) {
            this.zero = zero;
            this.one = one;
            this.names = names;
        }

        boolean contains(String name) {
            int hash = name.hashCode();
            GivenNames node = this;
            for (int depth = 0; depth < LEAF && node != null; depth++) {
                node = ((hash >>> depth) & 1) == 0 ? node.zero : node.one;
            }
            return node != null && node.names.contains(name);
        }

        GivenNames with(String name) {
            return with(name, name.hashCode(), 0);
        }

        private GivenNames with(String name, int hash, int depth) {
            if (depth == LEAF) {
                List<String> more = new ArrayList<>(names);
                more.add(name);
                return new GivenNames(null, null, List.copyOf(more));
            }
            boolean bit = ((hash >>> depth) & 1) != 0;
            GivenNames child = bit ? one : zero;
            GivenNames added = (child == null ? NONE : child).with(name, hash, depth + 1);
            return bit ? new GivenNames(zero, added, List.of()) : new GivenNames(added, one, List.of());
        }
    }

    LayerStage(String name, long seed, Precision precision, Shape input) {
        this(name, seed, precision, input, null);
    }

    private LayerStage(String name, long seed, Precision precision, Shape input, Stack top) {
        this.name = name;
        this.seed = seed;
        this.precision = precision;
        this.input = input;
        this.top = top;
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
        return new LayerStage(Objects.requireNonNull(modelName, "modelName"), seed, precision, input, top);
    }

    /** Fixes initial weights, shuffling and dropout masks (default {@value ModelSpec#DEFAULT_SEED}). */
    public LayerStage seed(long seed) {
        return new LayerStage(name, seed, precision, input, top);
    }

    /**
     * The precision the model computes in: {@link Precision#FLOAT32} unless chosen, as Keras's
     * {@code floatx}; {@link Precision#FLOAT64} for exact work.
     */
    public LayerStage precision(Precision precision) {
        return new LayerStage(name, seed, Objects.requireNonNull(precision, "precision"), input, top);
    }

    /**
     * Keras's {@code compile(optimizer, loss, metrics)}: moves to the training stage, with Keras's
     * default fit options.
     *
     * @throws IllegalArgumentException if the output layer does not suit the loss (e.g. softmax with
     *     binary cross-entropy), naming the layer and the fix, or a weight-decay exclusion names no
     *     parameter
     */
    public TrainingStage compile(OptimizerConfig<?> optimizer, Loss loss, Metric... metrics) {
        return new TrainingStage(spec().withTraining(new TrainingSpec(optimizer, loss, Arrays.asList(metrics))));
    }

    /**
     * The model without a training configuration.
     *
     * @throws IllegalArgumentException if there is no layer yet
     */
    public ModelSpec spec() {
        return new ModelSpec(name, input, layers(), null, seed, precision);
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
        int index = top == null ? 0 : top.size;
        LayerConfig layer;
        try {
            layer = make.get();
        } catch (IllegalArgumentException e) {
            List<LayerConfig> layers = layers();
            List<String> types = new ArrayList<>(layers.stream().map(LayerConfig::typeName).toList());
            List<String> given = new ArrayList<>(layers.stream().map(LayerConfig::name).toList());
            types.add(typeName);
            given.add(null);
            throw LayerNames.inLayer(index, LayerNames.assign(types, given).get(index), e);
        }
        GivenNames given = top == null ? GivenNames.NONE : top.given;
        if (layer.name() != null) {
            if (given.contains(layer.name())) {
                // Core's naming rule refuses the second use of a name, naming both layers.
                ModelSpec.checkLayers(input, layersWith(layer));
            }
            given = given.with(layer.name());
        }
        int[] shapeBefore = top == null ? input.dims() : top.outputShape;
        int[] out = ModelSpec.checkNextLayer(shapeBefore, layer, index, () -> layersWith(layer));
        return new LayerStage(name, seed, precision, input, new Stack(top, layer, index + 1, out, given));
    }

    /** The layers, first to last. */
    private List<LayerConfig> layers() {
        LayerConfig[] layers = new LayerConfig[top == null ? 0 : top.size];
        for (Stack s = top; s != null; s = s.below) {
            layers[s.size - 1] = s.layer;
        }
        return List.of(layers);
    }

    private List<LayerConfig> layersWith(LayerConfig layer) {
        List<LayerConfig> all = new ArrayList<>(layers());
        all.add(layer);
        return all;
    }
}
