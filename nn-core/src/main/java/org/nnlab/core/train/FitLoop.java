package org.nnlab.core.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.nnlab.core.internal.Parallel;
import org.nnlab.core.layer.FusableOutput;
import org.nnlab.core.layer.Layer;
import org.nnlab.core.layer.LayerConfig;
import org.nnlab.core.layer.Parameter;
import org.nnlab.core.layer.StepSeeded;
import org.nnlab.core.loss.Loss;
import org.nnlab.core.regularizer.Regularizer;
import org.nnlab.core.tensor.Precision;
import org.nnlab.core.tensor.Tensor;

/**
 * One call of {@code fit} or {@code evaluate}: batching, the training step, metrics, callbacks.
 *
 * <p>A training step is: gather the batch; forward in training mode; loss, plus the penalty of
 * every regularized trainable weight and every layer's activity penalty on this batch's output
 * (as Keras adds {@code model.losses}); zero the grads;
 * backward, the reversed loop over the layers that the constructor plans once (entering a fused
 * softmax/sigmoid output through ∂L/∂z when the last layer and the loss pair up), then each
 * weight penalty's gradient (an activity penalty's gradient is added by its layer's backward);
 * callbacks see the gradients; the optimizer steps (clipping and weight decay
 * happen there, in Keras's order). The reported loss, its validation twin and {@code evaluate}'s
 * include the penalties, as Keras's do. If the loss or a gradient is NaN or infinite and
 * {@link FitOptions#terminateOnNaN()} is on, the step is not applied, so the weights from before
 * the bad batch are kept, and training stops with a message naming the epoch and batch.
 */
final class FitLoop {
    private final Sequential model;
    private final FitOptions options;
    private final Loss loss;
    private final int[] outputShape;
    private final List<Parameter> nonTrainable = new ArrayList<>();
    /** The trainable parameters that carry a regularizer; empty costs nothing per step. */
    private final List<Penalized> regularized = new ArrayList<>();
    /** The layers with an activity regularizer, whose penalty depends on each batch's output; usually none. */
    private final List<Layer> activityRegularized = new ArrayList<>();
    private final Map<Integer, Tensor[]> buffers = new LinkedHashMap<>();
    /** The output layer when it and the loss pair up (softmax or sigmoid with a cross-entropy), else null. */
    private final FusableOutput fusedHead;
    /** The backward pass, one step per layer that needs a gradient, first to last; run in reverse. */
    private final BackwardStep[] backwardPlan;
    /** The options' callbacks, with fit's own training monitor last when the options ask for one. */
    private final List<Callback> callbacks;

    /** A weight and the penalty on it. */
    private record Penalized(Parameter parameter, Regularizer regularizer) {
    }

    /** One layer's part of the backward pass: takes ∂L/∂output, returns ∂L/∂input (null when unneeded). */
    @FunctionalInterface
    private interface BackwardStep {
        Tensor backward(Tensor gradOutput);
    }

    FitLoop(Sequential model, FitOptions options) {
        this.model = model;
        this.options = options;
        this.loss = model.loss();
        this.outputShape = model.outputShape();
        for (Parameter p : model.parameters()) {
            if (!p.trainable()) {
                nonTrainable.add(p);
            } else {
                p.regularizer().ifPresent(r -> regularized.add(new Penalized(p, r)));
            }
        }
        List<Layer> layers = model.layers();
        for (Layer layer : layers) {
            if (layer.config().flatMap(LayerConfig::activityRegularization).isPresent()) {
                activityRegularized.add(layer);
            }
        }
        int last = layers.size() - 1;
        this.fusedHead = layers.get(last) instanceof FusableOutput f && loss.fusesWith(f.activation()) ? f : null;
        this.backwardPlan = planBackward(layers, fusedHead);
        this.callbacks = new ArrayList<>(options.callbacks());
        if (options.diagnostics().enabledAt(options.verbosity())
                && callbacks.stream().noneMatch(c -> c instanceof TrainingMonitor)) {
            callbacks.add(new TrainingMonitor());
        }
    }

    /**
     * Decides once how backward runs. The loss enters the fused head through ∂L/∂z, the gradient
     * with respect to its pre-activation. Layers before the first one with parameters (Flatten, say)
     * need no gradient, so they get no step, and the first parameterized layer skips its input
     * gradient: for 784-100-10 that is dz·Wᵀ, 5 MFLOP a batch.
     */
    private static BackwardStep[] planBackward(List<Layer> layers, FusableOutput fusedHead) {
        int last = layers.size() - 1;
        int first = 0;
        while (first < last && layers.get(first).parameters().isEmpty()) {
            first++;
        }
        BackwardStep[] plan = new BackwardStep[last - first + 1];
        for (int i = first; i <= last; i++) {
            Layer layer = layers.get(i);
            boolean needInputGradient = i > first;
            if (i == last && fusedHead != null) {
                plan[i - first] = dz -> fusedHead.backwardFromPreActivation(dz, needInputGradient);
            } else if (needInputGradient) {
                plan[i - first] = layer::backward;
            } else {
                plan[i - first] = dy -> {
                    layer.backwardParametersOnly(dy);
                    return null;
                };
            }
        }
        return plan;
    }

    History run(Examples data) {
        checkExamples(data, "x", "fit");
        Examples train = data;
        Examples validation = options.validationData();
        if (options.validationSplit() > 0) {
            int splitAt = (int) Math.floor(data.size() * (1 - options.validationSplit()));
            if (splitAt == 0 || splitAt == data.size()) {
                throw new IllegalArgumentException("validationSplit " + options.validationSplit() + " of "
                        + data.size() + " examples leaves " + splitAt + " for training and " + (data.size() - splitAt)
                        + " for validation; both need at least one");
            }
            train = data.range(0, splitAt);
            validation = data.range(splitAt, data.size());
        } else if (validation != null) {
            checkExamples(validation, "validationData", "fit");
            if (validation.size() == 0) {
                throw new IllegalArgumentException("validationData has 0 examples, so val_loss would be NaN."
                        + " Hint: pass at least one validation example, or leave validationData out.");
            }
        }
        if (train.size() == 0) {
            throw new IllegalArgumentException("fit needs at least one training example but got 0");
        }

        int n = train.size();
        int batchSize = options.batchSize();
        int steps = (n + batchSize - 1) / batchSize;
        ProgressBar progress = new ProgressBar(options.out(), options.verbosity(), options.epochs(), steps);
        MetricTracker tracker = tracker(train, "");
        History history = new History();
        callbacks.forEach(c -> c.onTrainBegin(model));

        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int epoch = 0; epoch < options.epochs() && model.stopRequest() == null; epoch++) {
            progress.epochBegin(epoch);
            for (Callback c : callbacks) {
                c.onEpochBegin(epoch);
            }
            if (options.shuffle()) {
                for (int i = 0; i < n; i++) {
                    order[i] = i;
                }
                shuffle(order, model.shuffleGenerator(model.progress().epochs()));
            }
            tracker.reset();
            String failure = null;
            // Batches that split keep the helper threads spinning from one product to the next.
            Parallel.stayAwake(Parallel.splitsBatch(batchSize) && Parallel.threads() > 1);
            try {
                for (int step = 0; step < steps && failure == null; step++) {
                    int from = step * batchSize;
                    int to = Math.min(n, from + batchSize);
                    failure = trainStep(train, order, from, to, epoch, step, steps, tracker);
                    if (failure == null) {
                        Map<String, Double> logs = tracker.means();
                        progress.batchEnd(step + 1, logs);
                        for (Callback c : callbacks) {
                            c.onBatchEnd(epoch, step, logs);
                        }
                    }
                }
            } finally {
                Parallel.stayAwake(false);
            }
            if (failure != null) {
                progress.message(System.lineSeparator() + failure);
                history.stopped(failure);
                break;
            }
            model.completedEpoch();
            Map<String, Double> logs = tracker.means();
            if (validation != null) {
                logs.putAll(measure(validation, "val_", null));
            }
            if (model.optimizer().hasSchedule()) {
                logs.put(Callback.LEARNING_RATE, model.optimizer().learningRate());
            }
            // As Keras appends History and the progress bar after the user's callbacks, they see what callbacks add.
            for (Callback c : callbacks) {
                c.onEpochEnd(epoch, logs);
            }
            history.record(logs);
            progress.epochEnd(logs);
            printFindings(progress);
            if (model.stopRequest() != null) {
                history.stopped(model.stopRequest());
            }
        }
        for (Callback c : callbacks) {
            c.onTrainEnd(history);
        }
        printFindings(progress);
        return history;
    }

    /** Prints, under the epoch's line, what the training monitors found since they last printed. */
    private void printFindings(ProgressBar progress) {
        for (Callback c : callbacks) {
            if (c instanceof TrainingMonitor monitor) {
                monitor.unprinted().forEach(f -> progress.message(f.toString()));
            }
        }
    }

    /** One step; returns null, or a message if the loss or a gradient was not finite. */
    private String trainStep(Examples train, int[] order, int from, int to, int epoch, int step, int steps,
                             MetricTracker tracker) {
        Tensor[] xy = batch(train, order, from, to);
        List<Tensor> savedStatistics = options.terminateOnNaN() ? saveNonTrainable() : List.of();
        for (Layer layer : model.layers()) {
            if (layer instanceof StepSeeded seeded) {
                seeded.seedStep(model.progress().steps());
            }
        }
        Tensor predictions = model.forward(xy[0], true);
        double value = lossValue(predictions, xy[1]) + penalties();
        if (options.terminateOnNaN() && !Double.isFinite(value)) {
            restoreNonTrainable(savedStatistics);
            return divergence("Loss became " + value, epoch, step, steps);
        }
        tracker.add(value, predictions, xy[1]);
        for (Parameter p : model.parameters()) {
            p.zeroGrad();
        }
        backward(predictions, xy[1]);
        if (options.terminateOnNaN()) {
            for (Parameter p : model.parameters()) {
                int bad = p.grad().firstNonFinite();
                if (bad >= 0) {
                    restoreNonTrainable(savedStatistics);
                    return divergence("The gradient of " + p.name() + " became " + p.grad().get(bad)
                            + " (loss " + value + ")", epoch, step, steps);
                }
            }
        }
        BatchGradients gradients = new BatchGradients(epoch, step, model, xy[0], xy[1]);
        for (Callback c : callbacks) {
            c.onBatchGradients(gradients);
        }
        model.optimizer().step(model.parameters());
        model.completedStep();
        return null;
    }

    private String divergence(String what, int epoch, int step, int steps) {
        return what + " at epoch " + (epoch + 1) + ", batch " + (step + 1) + " of " + steps
                + "; training stopped and the weights from before that batch are kept. Hint: lower the learning rate"
                + " (now " + model.optimizer().learningRate() + "), scale or standardize the inputs, and check them"
                + " for extreme values.";
    }

    /**
     * Backpropagation: the loss's gradient, then every planned step from the last layer to the
     * first, then each penalty's gradient added into its weight's grad.
     */
    private void backward(Tensor predictions, Tensor targets) {
        Tensor grad = fusedHead != null ? loss.fusedGradient(predictions, targets) : loss.gradient(predictions, targets);
        for (int i = backwardPlan.length - 1; i >= 0; i--) {
            grad = backwardPlan[i].backward(grad);
        }
        for (Penalized p : regularized) {
            p.regularizer().addGradient(p.parameter().value(), p.parameter().grad());
        }
    }

    /** The sum of every regularized weight's penalty at the current weights; 0 when none is regularized. */
    private double penalty() {
        double sum = 0;
        for (Penalized p : regularized) {
            sum += p.regularizer().penalty(p.parameter().value());
        }
        return sum;
    }

    /** The activity penalties on the outputs of the last forward pass; 0 when no layer has one. */
    private double activityPenalty() {
        double sum = 0;
        for (Layer layer : activityRegularized) {
            sum += layer.activityPenalty();
        }
        return sum;
    }

    /** Every penalty of the batch just forwarded: the weights' and the outputs'. */
    private double penalties() {
        return penalty() + activityPenalty();
    }

    /**
     * One batch's training objective, loss plus penalties, with every grad set to its gradient, as a
     * training step computes them (no optimizer step, no callbacks); for gradient checks.
     */
    double objectiveWithGradients(Tensor x, Tensor y) {
        Tensor predictions = model.forward(x, true);
        double value = lossValue(predictions, y) + penalties();
        for (Parameter p : model.parameters()) {
            p.zeroGrad();
        }
        backward(predictions, y);
        return value;
    }

    /** One batch's training objective, loss plus penalties, in training mode. */
    double objective(Tensor x, Tensor y) {
        Tensor predictions = model.forward(x, true);
        return lossValue(predictions, y) + penalties();
    }

    /**
     * The batch's mean loss: from the logits behind a fused softmax or sigmoid output, as tf.keras
     * reports it (never capped at −log ε), else from the predictions.
     */
    private double lossValue(Tensor predictions, Tensor targets) {
        return fusedHead != null ? loss.computeFromLogits(fusedHead.preActivation(), targets)
                : loss.compute(predictions, targets);
    }

    /** Checks {@code examples}, then their mean loss and metrics in inference mode (Sequential.evaluate). */
    Map<String, Double> evaluate(Examples examples) {
        checkExamples(examples, "x", "evaluate");
        if (examples.size() == 0) {
            throw new IllegalArgumentException("evaluate needs at least one example but got 0; the mean loss of no"
                    + " examples is NaN. Hint: check the data you evaluate on (an empty test split or file?).");
        }
        int steps = (examples.size() + options.batchSize() - 1) / options.batchSize();
        ProgressBar progress = new ProgressBar(options.out(), options.verbosity(), 0, steps);
        progress.start();
        Map<String, Double> logs = measure(examples, "", progress);
        progress.epochEnd(logs);
        return logs;
    }

    /**
     * The mean loss and metrics over already-checked {@code examples} in inference mode, keys
     * prefixed; validation data is checked once before the first epoch, not at every epoch.
     */
    private Map<String, Double> measure(Examples examples, String prefix, ProgressBar progress) {
        MetricTracker tracker = tracker(examples, prefix);
        int n = examples.size();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        double penalty = penalty(); // the weights do not change while measuring
        for (int from = 0; from < n; from += options.batchSize()) {
            int to = Math.min(n, from + options.batchSize());
            Tensor[] xy = batch(examples, order, from, to);
            Tensor predictions = model.forward(xy[0], false);
            tracker.add(lossValue(predictions, xy[1]) + penalty + activityPenalty(), predictions, xy[1]);
            if (progress != null) {
                progress.batchEnd(from / options.batchSize() + 1, tracker.means());
            }
        }
        return tracker.means();
    }

    private MetricTracker tracker(Examples examples, String prefix) {
        return new MetricTracker(model.metrics(), loss, Tensor.sizeOf(outputShape), examples.targetSize(), prefix);
    }

    /**
     * The batch's features, in the model's precision, and its targets, in double (labels and target
     * values, which the losses read in double), in reused buffers keyed by batch size.
     */
    private Tensor[] batch(Examples examples, int[] order, int from, int to) {
        int b = to - from;
        Tensor[] xy = buffers.computeIfAbsent(b, k -> new Tensor[] {
                Tensor.zeros(model.precision(), Tensor.withBatch(k, model.inputShape())),
                Tensor.zeros(Tensor.withBatch(k, examples.targetShape()))});
        gatherFeatures(examples, order, from, to, xy[0]);
        examples.gatherTargets(order, from, to, xy[1].data());
        return xy;
    }

    /** The features of examples {@code order[from..to)} into {@code into}, in its precision; see below. */
    static void gatherFeatures(Examples examples, int[] order, int from, int to, Tensor into) {
        if (into.precision() == Precision.FLOAT32) {
            gatherFeatures(examples, order, from, to, into.floatData());
        } else {
            gatherFeatures(examples, order, from, to, into.data());
        }
    }

    // [float64] The float32 twin below is generated from this code (Float32Generator).
    private static final ThreadLocal<double[]> GATHERED64 = ThreadLocal.withInitial(() -> new double[0]);

    /**
     * The features of examples {@code order[from..to)} into {@code into}: shared among the threads for
     * a batch large enough to split, when the source allows concurrent gathers, each thread gathering
     * its rows into its own scratch and copying them to their place.
     */
    private static void gatherFeatures(Examples examples, int[] order, int from, int to, double[] into) {
        int n = to - from;
        if (!examples.concurrentGathers() || !Parallel.splitsBatch(n) || Parallel.threads() == 1) {
            examples.gatherFeatures(order, from, to, into);
            return;
        }
        int w = examples.featureSize();
        Parallel.forRange(n, true, (a, b) -> {
            double[] part = GATHERED64.get();
            if (part.length < (b - a) * w) {
                part = new double[(b - a) * w];
                GATHERED64.set(part);
            }
            examples.gatherFeatures(order, from + a, from + b, part);
            System.arraycopy(part, 0, into, a * w, (b - a) * w);
        });
    }
    // [float32] Generated from the [float64] code above by Float32Generator; do not edit.
    private static final ThreadLocal<float[]> GATHERED32 = ThreadLocal.withInitial(() -> new float[0]);

    /**
     * The features of examples {@code order[from..to)} into {@code into}: shared among the threads for
     * a batch large enough to split, when the source allows concurrent gathers, each thread gathering
     * its rows into its own scratch and copying them to their place.
     */
    private static void gatherFeatures(Examples examples, int[] order, int from, int to, float[] into) {
        int n = to - from;
        if (!examples.concurrentGathers() || !Parallel.splitsBatch(n) || Parallel.threads() == 1) {
            examples.gatherFeatures(order, from, to, into);
            return;
        }
        int w = examples.featureSize();
        Parallel.forRange(n, true, (a, b) -> {
            float[] part = GATHERED32.get();
            if (part.length < (b - a) * w) {
                part = new float[(b - a) * w];
                GATHERED32.set(part);
            }
            examples.gatherFeatures(order, from + a, from + b, part);
            System.arraycopy(part, 0, into, a * w, (b - a) * w);
        });
    }
    // [end float32]

    /**
     * Checks shapes, finiteness of features, and targets against the loss, before any step.
     *
     * @param what names the data in messages, e.g. {@code "x"} or {@code "validationData"}
     * @param operation {@code fit} or {@code evaluate}: shape messages name the call ({@code fit
     *     validationData} for validation data), the NaN message says what a bad value would spoil
     */
    private void checkExamples(Examples examples, String what, String operation) {
        String where = what.equals("x") ? operation : operation + " " + what;
        model.checkFeatureShape(Tensor.withBatch(examples.size(), examples.featureShape()), where);
        int n = examples.size();
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        int chunk = 1024;
        int w = examples.featureSize();
        double[] buf = new double[Math.min(n, chunk) * w];
        for (int from = 0; from < n; from += chunk) {
            int to = Math.min(n, from + chunk);
            examples.gatherFeatures(all, from, to, buf);
            for (int i = 0; i < (to - from) * w; i++) {
                if (!Double.isFinite(buf[i])) {
                    throw nonFiniteInput(what, buf[i], from + i / w, i % w, operation);
                }
                if (!Double.isFinite(model.precision().round(buf[i]))) {
                    throw beyondFloat32(what, buf[i], from + i / w, i % w);
                }
            }
        }
        double[] targets = new double[n * examples.targetSize()];
        examples.gatherTargets(all, 0, n, targets);
        loss.validateTargets(Tensor.wrap(targets, Tensor.withBatch(n, examples.targetShape())), outputShape);
    }

    /**
     * The error for a NaN or infinite input value, one rule for fit, evaluate and predict:
     * {@code x contains NaN at example 1, feature 0. Hint: fill or drop missing values before …}.
     */
    static IllegalArgumentException nonFiniteInput(String what, double value, int example, int feature,
                                                   String operation) {
        String consequence = switch (operation) {
            case "fit" -> "training; a NaN input makes every weight NaN.";
            case "evaluate" -> "evaluating; a NaN input makes the loss and the metrics NaN.";
            default -> "predicting; the outputs for such an input look valid but mean nothing (ReLU maps NaN to 0).";
        };
        return new IllegalArgumentException(what + " contains " + value + " at example " + example + ", feature "
                + feature + ". Hint: fill or drop missing values before " + consequence);
    }

    /** A finite input too large for a float32 model, which would read it as infinity. */
    static IllegalArgumentException beyondFloat32(String what, double value, int example, int feature) {
        return new IllegalArgumentException(what + " contains " + value + " at example " + example + ", feature "
                + feature + ", beyond the largest float32 (" + Float.MAX_VALUE + "), so this float32 model would read"
                + " it as infinity. Hint: standardize or rescale the features, or build the model in Precision.FLOAT64.");
    }

    private List<Tensor> saveNonTrainable() {
        if (nonTrainable.isEmpty()) {
            return List.of();
        }
        List<Tensor> saved = new ArrayList<>(nonTrainable.size());
        for (Parameter p : nonTrainable) {
            saved.add(p.value().copy());
        }
        return saved;
    }

    private void restoreNonTrainable(List<Tensor> saved) {
        for (int i = 0; i < saved.size(); i++) {
            nonTrainable.get(i).value().copyFrom(saved.get(i));
        }
    }

    /** Fisher–Yates, drawing from the model's shuffle generator. */
    private static void shuffle(int[] order, SplittableRandom rng) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }
}
