package org.nnlab.core.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.nnlab.core.internal.Checks;
import org.nnlab.core.internal.Parallel;
import org.nnlab.core.layer.Activation;
import org.nnlab.core.layer.FusableOutput;
import org.nnlab.core.layer.Layer;
import org.nnlab.core.layer.LayerConfig;
import org.nnlab.core.layer.LayerNames;
import org.nnlab.core.layer.Parameter;
import org.nnlab.core.loss.Loss;
import org.nnlab.core.optim.Optimizer;
import org.nnlab.core.tensor.Precision;
import org.nnlab.core.tensor.Tensor;

/**
 * A stack of layers trained end to end, like Keras's {@code keras.Sequential}.
 *
 * <pre>{@code
 * Sequential model = new Sequential(new int[] {28, 28}, List.of(
 *         new Flatten(),
 *         new Dense(100, Activation.RELU),
 *         new Dense(10, Activation.SOFTMAX)), 42);
 * model.compile(new Adam(), new SparseCategoricalCrossentropy(), Metric.ACCURACY);
 * History h = model.fit(xTrain, yTrain, FitOptions.epochs(5));
 * Map<String, Double> test = model.evaluate(xTest, yTest);
 * }</pre>
 *
 * <p>The constructor names unnamed layers as Keras does ({@code dense}, {@code dense_1}, …) and
 * builds them, so shapes are checked and weights exist at once. One seed fixes everything random:
 * the initial weights, the shuffling of every epoch and every dropout mask. Same seed, same data,
 * same options → bit-identical weights and history, whatever the number of threads.
 *
 * <p>A model computes in one {@link Precision}, {@link Precision#FLOAT32} unless the constructor is
 * given another, as Keras computes in its {@code floatx}: weights, activations, gradients and the
 * optimizer's state are all tensors of it, and inputs are converted to it a batch at a time, so
 * {@link #predict} returns it too. {@link Precision#FLOAT64} is for exact work (gradient checks,
 * comparisons with hand-computed values); {@link #withPrecision} copies a model into the other one.
 */
public final class Sequential {
    private final String name;
    private final int[] inputShape;
    private final List<Layer> layers;
    private final List<Parameter> parameters;
    private final Precision precision;
    private final long seed;
    private final long shuffleSeed;
    private TrainingProgress progress = TrainingProgress.START;

    private Optimizer<?> optimizer;
    private Loss loss;
    private List<Metric> metrics = List.of();
    private String stopReason;

    /** A model named {@code "sequential"}, in {@link Precision#DEFAULT} (float32). */
    public Sequential(int[] inputShape, List<? extends Layer> layers, long seed) {
        this("sequential", inputShape, layers, seed);
    }

    /** A model named {@code "sequential"} that computes in {@code precision}. */
    public Sequential(int[] inputShape, List<? extends Layer> layers, long seed, Precision precision) {
        this("sequential", inputShape, layers, seed, precision);
    }

    /** A named model in {@link Precision#DEFAULT} (float32); see {@link #Sequential(String, int[], List, long, Precision)}. */
    public Sequential(String name, int[] inputShape, List<? extends Layer> layers, long seed) {
        this(name, inputShape, layers, seed, Precision.DEFAULT);
    }

    /**
     * Builds the layers for {@code inputShape} (one example, no batch axis).
     *
     * @throws IllegalArgumentException if the input shape is empty or not positive, there are no
     *     layers, or a layer cannot take the shape the one before it produces
     */
    public Sequential(String name, int[] inputShape, List<? extends Layer> layers, long seed, Precision precision) {
        this.name = checkName(name);
        this.precision = Objects.requireNonNull(precision, "precision");
        this.seed = seed;
        this.inputShape = checkInputShape(inputShape).clone();
        checkHasLayers(name, layers.size());
        this.layers = List.copyOf(layers);
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom initRng = root.split();
        this.shuffleSeed = root.split().nextLong();
        List<String> names = LayerNames.assign(this.layers.stream().map(Layer::typeName).toList(),
                this.layers.stream().map(Layer::name).toList());
        for (int i = 0; i < names.size(); i++) {
            this.layers.get(i).setName(names.get(i));
        }
        int[] shape = this.inputShape;
        List<Parameter> ps = new ArrayList<>();
        for (int i = 0; i < this.layers.size(); i++) {
            Layer layer = this.layers.get(i);
            try {
                shape = layer.build(shape, precision, initRng);
            } catch (IllegalArgumentException e) {
                throw LayerNames.inLayer(i, layer.name(), e);
            }
            ps.addAll(layer.parameters());
        }
        this.parameters = List.copyOf(ps);
    }

    /**
     * The rule for a model's name, which every summary prints: not blank.
     *
     * @throws IllegalArgumentException if the name is blank
     */
    public static String checkName(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("Model name is blank. Hint: leave it out for \"sequential\".");
        }
        return name;
    }

    /**
     * The rule for a model's input shape (one example, no batch axis): at least one dimension, each &gt; 0.
     *
     * @throws IllegalArgumentException saying which dimension is wrong
     */
    public static int[] checkInputShape(int[] shape) {
        if (shape.length == 0) {
            throw new IllegalArgumentException("Input shape is empty; expected at least one dimension. Hint: give the"
                    + " shape of one example without the batch axis, e.g. 2 for two features or 28, 28 for a 28×28"
                    + " image.");
        }
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] <= 0) {
                throw new IllegalArgumentException("Input shape " + Arrays.toString(shape) + " has dimension " + (i + 1)
                        + " = " + shape[i] + "; every dimension must be > 0. Hint: give the size of one example,"
                        + " without the batch axis, e.g. 28, 28.");
            }
        }
        return shape;
    }

    /**
     * The rule that a model has layers.
     *
     * @throws IllegalArgumentException if {@code count} is 0
     */
    public static void checkHasLayers(String modelName, int count) {
        if (count == 0) {
            throw new IllegalArgumentException("Model '" + modelName + "' has no layers. Hint: add at least one, e.g."
                    + " a Dense(1, SIGMOID) layer (Nn.input(2).dense(1, SIGMOID) in the DSL).");
        }
    }

    /**
     * Chooses how the model learns, like Keras's {@code model.compile}.
     *
     * @throws IllegalArgumentException if a metric is given twice, a layer uses the STEP activation
     *     (backpropagation cannot train it), the output layer does not suit the loss (softmax with
     *     binary cross-entropy, one unit for a categorical loss, …), naming the layer and the fix, or
     *     a weight-decay exclusion names no parameter of this model
     */
    public void compile(Optimizer<?> optimizer, Loss loss, Metric... metrics) {
        Objects.requireNonNull(optimizer, "optimizer");
        Objects.requireNonNull(loss, "loss");
        List<Metric> ms = List.of(metrics);
        if (ms.stream().distinct().count() != ms.size()) {
            throw new IllegalArgumentException("Metrics " + ms + " name one metric twice");
        }
        for (int i = 0; i < layers.size(); i++) {
            String where = where(i);
            layers.get(i).config().ifPresent(c -> c.checkTrainable(where));
        }
        Activation output = outputActivation();
        if (output != null) {
            loss.checkOutput(output, outputShape(), where(layers.size() - 1));
        }
        optimizer.checkExclusions(parameters);
        this.optimizer = optimizer;
        this.loss = loss;
        this.metrics = ms;
    }

    /**
     * The activation the output passes through last ({@link LayerConfig#outputActivation}), or null
     * when a custom layer without a configuration makes it unknown.
     */
    private Activation outputActivation() {
        List<LayerConfig> configs = new ArrayList<>();
        for (Layer layer : layers) {
            Optional<LayerConfig> c = layer.config();
            if (c.isEmpty()) {
                return null;
            }
            configs.add(c.get());
        }
        return LayerConfig.outputActivation(configs);
    }

    /** Layer {@code i}'s place for messages, e.g. {@code Dense layer 2 (dense_1)}. */
    private String where(int i) {
        return LayerNames.where(i, layers.get(i).typeName(), layers.get(i).name());
    }

    /** Trains on in-memory tensors: row i of {@code x} is the input whose target is row i of {@code y}. */
    public History fit(Tensor x, Tensor y, FitOptions options) {
        return fit(Examples.of(x, y), options);
    }

    /**
     * Trains for {@code options.epochs()} epochs and returns the per-epoch history.
     *
     * @throws IllegalStateException if {@link #compile} was not called
     * @throws IllegalArgumentException if the examples do not fit the model (shape, NaN, labels)
     */
    public History fit(Examples train, FitOptions options) {
        requireCompiled("fit");
        stopReason = null;
        return new FitLoop(this, options).run(train);
    }

    /** Evaluates on in-memory tensors in batches of 32, silently; see {@link #evaluate(Examples, FitOptions)}. */
    public Map<String, Double> evaluate(Tensor x, Tensor y) {
        return evaluate(Examples.of(x, y), FitOptions.DEFAULT_BATCH_SIZE);
    }

    /** Evaluates in batches of {@code batchSize}, silently; see {@link #evaluate(Examples, FitOptions)}. */
    public Map<String, Double> evaluate(Examples examples, int batchSize) {
        return evaluate(examples, FitOptions.builder().batchSize(batchSize).verbosity(Verbosity.SILENT).build());
    }

    /**
     * The loss and metrics on {@code examples} in inference mode, like Keras's {@code evaluate}:
     * keys {@code loss}, then each metric's key. Of the options, the batch size, the verbosity and
     * the output are used: unless silent, one Keras line is printed, {@code 63/63 [====] - 0s
     * 2ms/step - loss: 0.2194 - accuracy: 0.9300} (redrawn as a bar on a terminal).
     *
     * @throws IllegalStateException if {@link #compile} was not called
     * @throws IllegalArgumentException if there are no examples, or they do not fit the model
     *     (shape, NaN, labels)
     */
    public Map<String, Double> evaluate(Examples examples, FitOptions options) {
        requireCompiled("evaluate");
        return new FitLoop(this, options).evaluate(examples);
    }

    /** Outputs for every row of {@code x}, computed in batches of 32 in inference mode, in the model's precision. */
    public Tensor predict(Tensor x) {
        return predict(x, FitOptions.DEFAULT_BATCH_SIZE);
    }

    /**
     * Outputs for every row of {@code x}, computed in batches of {@code batchSize} in inference mode.
     *
     * @throws IllegalArgumentException if {@code x} has the wrong shape or holds a NaN or infinite
     *     value (naming the example and feature, as {@code fit} does)
     */
    public Tensor predict(Tensor x, int batchSize) {
        checkFeatureShape(x.shape(), "predict");
        requireFinite(x, "predict");
        int n = x.rows();
        Tensor result = Tensor.zeros(precision, Tensor.withBatch(n, outputShape()));
        for (int from = 0; from < n; from += batchSize) {
            placeRows(forward(x.sliceRows(from, Math.min(n, from + batchSize)), false), result, from);
        }
        return result;
    }

    /**
     * Outputs for every example of {@code examples} (their features; targets are not read), in
     * batches of {@code batchSize} in inference mode, in the model's precision: Keras's
     * {@code predict} on a dataset. Images kept as bytes are converted a batch at a time, and a
     * batch large enough to split is gathered and computed by all of nnlab's threads.
     *
     * @throws IllegalArgumentException if the examples' shape does not fit the model
     */
    public Tensor predict(Examples examples, int batchSize) {
        Checks.atLeast("predict batchSize", batchSize, 1, "the number of examples computed at once, e.g. 256.");
        int n = examples.size();
        int[] batchShape = Tensor.withBatch(n, examples.featureShape());
        checkFeatureShape(batchShape, "predict");
        Tensor result = Tensor.zeros(precision, Tensor.withBatch(n, outputShape()));
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Tensor batch = null;
        Parallel.stayAwake(Parallel.splitsBatch(batchSize) && Parallel.threads() > 1);
        try {
            for (int from = 0; from < n; from += batchSize) {
                int to = Math.min(n, from + batchSize);
                if (batch == null || batch.rows() != to - from) {
                    batchShape[0] = to - from;
                    batch = Tensor.zeros(precision, batchShape);
                }
                FitLoop.gatherFeatures(examples, order, from, to, batch);
                placeRows(forward(batch, false), result, from);
            }
        } finally {
            Parallel.stayAwake(false);
        }
        return result;
    }

    /** Copies a batch's outputs into {@code result}, from its row {@code from} on. */
    private static void placeRows(Tensor out, Tensor result, int from) {
        int offset = from * out.rowSize();
        for (int i = 0; i < out.size(); i++) {
            result.set(offset + i, out.get(i));
        }
    }

    /** Outputs for {@code x} as one batch, in inference mode (a fresh tensor). */
    public Tensor predictOnBatch(Tensor x) {
        checkFeatureShape(x.shape(), "predictOnBatch");
        requireFinite(x, "predictOnBatch");
        return forward(x, false).copy();
    }

    /**
     * The forward pass through every layer, in the model's precision ({@code x} is converted first
     * if it has another). The result may be a layer's reused buffer, valid until the next forward
     * call; {@link #predict} copies it.
     */
    public Tensor forward(Tensor x, boolean training) {
        Tensor h = x.to(precision);
        for (Layer layer : layers) {
            h = layer.forward(h, training);
        }
        return h;
    }

    /**
     * Rejects a NaN or infinite input as fit and evaluate do, naming the example and the feature, and,
     * for a float32 model, a double beyond float32's range, which it would read as infinity.
     */
    private void requireFinite(Tensor x, String operation) {
        int w = x.rows() == 0 ? 1 : x.size() / x.rows();
        int i = x.firstNonFinite();
        if (i >= 0) {
            throw FitLoop.nonFiniteInput("x", x.get(i), i / w, i % w, operation);
        }
        if (precision == Precision.FLOAT32 && x.precision() == Precision.FLOAT64) {
            double[] d = x.data();
            for (int k = 0; k < d.length; k++) {
                if (Math.abs(d[k]) > Float.MAX_VALUE && Float.isInfinite((float) d[k])) {
                    throw FitLoop.beyondFloat32("x", d[k], k / w, k % w);
                }
            }
        }
    }

    void checkFeatureShape(int[] batchShape, String where) {
        int[] perExample = Arrays.copyOfRange(batchShape, Math.min(1, batchShape.length), batchShape.length);
        if (batchShape.length < 1 || !Arrays.equals(perExample, inputShape)) {
            throw new IllegalArgumentException(where + ": the model expects input of shape "
                    + Tensor.describeShape(inputShape) + " but got " + Arrays.toString(batchShape)
                    + ". Hint: the first axis counts examples; the rest must be the model's input shape"
                    + (perExample.length == 1 && Tensor.sizeOf(inputShape) == perExample[0]
                    ? " (reshape the rows to " + Arrays.toString(inputShape) + ")" : "") + ".");
        }
    }

    /** Keras's summary table: each layer's output shape and parameter count, and the totals. */
    public String summary() {
        List<ModelSummary.Row> rows = new ArrayList<>();
        for (Layer layer : layers) {
            rows.add(new ModelSummary.Row(layer.name(), layer.typeName(), Tensor.describeShape(layer.outputShape()),
                    layer.parameterCount(), layer.config().map(ModelSummary::penalties).orElse(Map.of())));
        }
        return ModelSummary.render(name, rows, parameterCount(), trainableParameterCount(), precision);
    }

    /** Copies of every weight in the model's precision, in Keras's order: W0, b0, W1, b1, … (and BN's four per layer). */
    public List<Tensor> getWeights() {
        List<Tensor> ws = new ArrayList<>(parameters.size());
        for (Parameter p : parameters) {
            ws.add(p.value().copy());
        }
        return ws;
    }

    /**
     * Replaces every weight with a copy of {@code weights}, given in {@link #getWeights()} order, in
     * any precision (converted to the model's).
     *
     * @throws IllegalArgumentException naming the first weight whose count or shape differs
     */
    public void setWeights(List<Tensor> weights) {
        if (weights.size() != parameters.size()) {
            throw new IllegalArgumentException("setWeights got " + weights.size() + " tensors but the model has "
                    + parameters.size() + " weights: " + parameters + ". Hint: pass the list getWeights() returns.");
        }
        for (int i = 0; i < weights.size(); i++) {
            Parameter p = parameters.get(i);
            if (!Arrays.equals(weights.get(i).shape(), p.value().shape())) {
                throw new IllegalArgumentException("setWeights: weight " + i + " (" + p.name() + ") has shape "
                        + Arrays.toString(p.value().shape()) + " but got " + Arrays.toString(weights.get(i).shape()));
            }
        }
        for (int i = 0; i < weights.size(); i++) {
            parameters.get(i).value().copyFrom(weights.get(i));
        }
    }

    /**
     * A copy of this model that computes in {@code precision}, like PyTorch's {@code model.double()}
     * but leaving this model as it is: the same layers, made again from their configs, with the same
     * names, seed and weights (widened exactly to float64, rounded to nearest to float32). A compiled
     * model's copy is compiled alike, with a new optimizer of the same configuration holding this
     * one's state (converted the same way), and the same training progress, so training goes on
     * where it stood. A float32 model's float64 copy is how {@code GradientCheck} checks it.
     *
     * @throws IllegalArgumentException if a layer has no config to make it again from (a custom layer)
     */
    public Sequential withPrecision(Precision target) {
        List<Layer> copies = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            int index = i;
            LayerConfig c = layers.get(i).config().orElseThrow(() -> new IllegalArgumentException("Cannot copy "
                    + where(index) + " into " + target.kerasName() + ": it has no config() to make it again from. Hint:"
                    + " build the model in " + target.kerasName() + " from the start, or give the layer a LayerConfig."));
            copies.add(c.create());
        }
        Sequential copy = new Sequential(name, inputShape, copies, seed, target);
        copy.setWeights(getWeights());
        if (optimizer != null) {
            Optimizer<?> twin = optimizer.config().create();
            Set<Parameter> exempt = optimizer.excludedFromWeightDecay();
            List<Parameter> excluded = new ArrayList<>();
            for (int k = 0; k < parameters.size(); k++) {
                if (exempt.contains(parameters.get(k))) {
                    excluded.add(copy.parameters.get(k));
                }
            }
            twin.excludeFromWeightDecay(excluded);
            copy.compile(twin, loss, metrics.toArray(Metric[]::new));
            copy.optimizer.restore(copy.parameters, optimizer.snapshot(parameters));
        }
        copy.progress = progress;
        return copy;
    }

    /** Asks {@code fit} to stop after the current epoch; callbacks call this. */
    public void requestStop(String reason) {
        this.stopReason = Objects.requireNonNull(reason, "reason");
    }

    /** The reason passed to {@link #requestStop}, or null while training should go on. */
    String stopRequest() {
        return stopReason;
    }

    /** The precision the model computes in. */
    public Precision precision() {
        return precision;
    }

    /** The seed given to the constructor. */
    public long seed() {
        return seed;
    }

    /** The model's name, {@code "sequential"} unless given. */
    public String name() {
        return name;
    }

    /** The layers in order. */
    public List<Layer> layers() {
        return layers;
    }

    /** Every parameter in Keras's weight order. */
    public List<Parameter> parameters() {
        return parameters;
    }

    /** The input shape of one example. */
    public int[] inputShape() {
        return inputShape.clone();
    }

    /** The output shape of one example. */
    public int[] outputShape() {
        return layers.get(layers.size() - 1).outputShape();
    }

    /** The number of weights, trainable or not. */
    public long parameterCount() {
        long n = 0;
        for (Parameter p : parameters) {
            n += p.size();
        }
        return n;
    }

    /** The number of weights an optimizer updates. */
    public long trainableParameterCount() {
        long n = 0;
        for (Parameter p : parameters) {
            n += p.trainable() ? p.size() : 0;
        }
        return n;
    }

    /** The optimizer given to {@link #compile}, or null before. */
    public Optimizer<?> optimizer() {
        return optimizer;
    }

    /** The loss given to {@link #compile}, or null before. */
    public Loss loss() {
        return loss;
    }

    /** The metrics given to {@link #compile}. */
    public List<Metric> metrics() {
        return metrics;
    }

    /**
     * The generator that shuffles epoch {@code epoch} (counted over all fit calls): a function of the
     * seed and the epoch alone, so a resumed run shuffles as the uninterrupted one would.
     */
    SplittableRandom shuffleGenerator(long epoch) {
        return new SplittableRandom(shuffleSeed + epoch * 0x9E3779B97F4A7C15L);
    }

    /** The completed epochs and optimizer steps over all {@code fit} calls. */
    public TrainingProgress progress() {
        return progress;
    }

    /**
     * Puts back the progress of a saved run, so that shuffling and dropout continue from there; the
     * weights and the optimizer's state must be restored too for training to resume exactly.
     */
    public void restoreProgress(TrainingProgress saved) {
        this.progress = Objects.requireNonNull(saved, "saved");
    }

    void completedStep() {
        progress = new TrainingProgress(progress.epochs(), progress.steps() + 1);
    }

    void completedEpoch() {
        progress = new TrainingProgress(progress.epochs() + 1, progress.steps());
    }

    private void requireCompiled(String operation) {
        if (optimizer == null) {
            throw new IllegalStateException("Cannot " + operation + " before compile: call compile(optimizer, loss, metrics)"
                    + " first, e.g. model.compile(new Adam(), new SparseCategoricalCrossentropy(), Metric.ACCURACY)");
        }
    }

    @Override
    public String toString() {
        return "Sequential '" + name + "' " + layers;
    }
}
