package org.nnlab.core.train;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.nnlab.core.layer.FusableOutput;
import org.nnlab.core.layer.Layer;
import org.nnlab.core.layer.Parameter;
import org.nnlab.core.tensor.Precision;
import org.nnlab.core.tensor.Tensor;

/**
 * Watches training for what the lecture warns about and reports each finding once, in its words,
 * with its section and what to try; the findings end up in {@link History#findings()}.
 *
 * <p>{@code fit} runs one by itself whenever it prints progress ({@link Diagnostics}); pass one as a
 * callback to have findings when silent. At the end of each epoch it checks, by these rules:
 * <ul>
 * <li><b>inputs</b> (first epoch): the root mean square of all input values is above
 *     {@value #INPUT_RMS_HIGH} or below {@value #INPUT_RMS_LOW} (unscaled 0–255 pixels give about 80);
 * <li><b>gradients across depth</b> (three or more Dense layers, over the first epoch, as the lecture
 *     measures them; near a minimum the ratio means little): the mean ‖∂L/∂W‖ of the first Dense layer
 *     over the last one's is below {@value #VANISHING_RATIO} (vanishing) or above
 *     {@value #EXPLODING_RATIO} (exploding);
 * <li><b>units</b> (hidden layers; the output layer is left alone): more than {@value #UNIT_FRACTION}
 *     of a sigmoid or tanh layer's pre-activations beyond ±4 over the first epoch (later, a trained
 *     network may use saturated units as sharp steps), or of a ReLU layer's units never active in an
 *     epoch;
 * <li><b>learning rate</b>: too high if an epoch's loss is above {@value #BLOW_UP_FACTOR} times the first
 *     batch's, or a later epoch's above {@value #RISE_FACTOR} times the first epoch's (the loss rose or
 *     swung up), or if training stopped on a NaN or infinite loss or gradient; too low if, after
 *     {@value #MIN_STEPS} steps or more, the loss is within 1% of the first batch's and the weights moved
 *     by less than {@value #LOW_MOVEMENT} of their norm;
 * <li><b>labels</b> (cross-entropy losses, from the third epoch and the 100th step): the training loss is still at least
 *     {@value #CHANCE_FRACTION} of the loss of predicting the class frequencies (their entropy);
 * <li><b>overfitting</b> (with validation data): the validation loss is more than
 *     {@value #OVERFIT_RISE} above its best, {@value #OVERFIT_EPOCHS} or more epochs after the best,
 *     while the training loss fell below {@value #OVERFIT_TRAIN_FALL} of its value at the best.
 * </ul>
 * A finding whose usual cause was also found is left out, so that the cause is reported alone:
 * unscaled inputs saturate units and scale the first layer's gradients, dead units leave the loss at
 * chance level. The first epoch's statistics (gradient norms, saturation, input scale, class
 * frequencies) are read from its first 64 batches; dead units are watched over every batch, a pass
 * over each ReLU layer's pre-activations; the weights are copied once per fit. {@code TrainingBenchmark
 * 20000 4 32 monitored} measures the cost against an epoch.
 */
public final class TrainingMonitor implements Callback {
    /** Input RMS above which inputs are far from unit scale. */
    public static final double INPUT_RMS_HIGH = 10;
    /** Input RMS below which inputs are far from unit scale. */
    public static final double INPUT_RMS_LOW = 0.01;
    /** First-to-last gradient-norm ratio below which gradients vanish. */
    public static final double VANISHING_RATIO = 1e-2;
    /** First-to-last gradient-norm ratio above which gradients explode. */
    public static final double EXPLODING_RATIO = 1e2;
    /** Share of a layer's saturated pre-activations or dead units that makes a finding. */
    public static final double UNIT_FRACTION = 0.5;
    /** Epoch loss over the first batch's loss above which the loss blew up. */
    public static final double BLOW_UP_FACTOR = 10;
    /** Epoch loss over the first epoch's loss above which the loss rose. */
    public static final double RISE_FACTOR = 1.5;
    /** Steps before the learning rate can be judged too low. */
    public static final int MIN_STEPS = 20;
    /** Relative weight movement below which the weights did not move. */
    public static final double LOW_MOVEMENT = 1e-3;
    /** Loss over the class-frequency entropy at or above which labels are not learned. */
    public static final double CHANCE_FRACTION = 0.95;
    /** Relative rise of the validation loss over its best that signals overfitting. */
    public static final double OVERFIT_RISE = 0.1;
    /** Share of its value at the best validation loss that the training loss must have fallen below. */
    public static final double OVERFIT_TRAIN_FALL = 0.5;
    /** Epochs since the best validation loss before overfitting is reported. */
    public static final int OVERFIT_EPOCHS = 3;
    private static final int CHANCE_EPOCH = 3;
    private static final int CHANCE_STEPS = 100;
    /** The first epoch's statistics (gradient norms, saturation, inputs, labels) come from its first batches. */
    private static final int SAMPLED_BATCHES = 64;

    private final List<Finding> findings = new ArrayList<>();
    private final Set<String> reported = new HashSet<>();
    private int printed;

    private Sequential model;
    private GradientDepth gradients;
    private final List<UnitActivity> units = new ArrayList<>();
    private final List<double[]> startWeights = new ArrayList<>();
    private double inputSquares;
    private long inputCount;
    private double inputMax;
    private boolean inputChecked;
    private LabelFrequencies labels;
    private double firstLoss = Double.NaN;
    private double firstEpochLoss = Double.NaN;

    private long steps;
    private int epochsEnded;
    private double bestVal = Double.POSITIVE_INFINITY;
    private double trainAtBest;
    private int bestEpoch;

    /** A monitor with nothing found yet. */
    public TrainingMonitor() {
    }

    @Override
    public void onTrainBegin(Sequential trained) {
        this.model = trained;
        units.clear();
        List<Layer> layers = trained.layers();
        gradients = new GradientDepth(layers);
        for (int i = 0; i < layers.size() - 1; i++) {
            if (layers.get(i) instanceof FusableOutput f) {
                UnitActivity watch = UnitActivity.of(f);
                if (watch != null) {
                    units.add(watch);
                }
            }
        }
        startWeights.clear();
        for (Parameter p : trained.parameters()) {
            if (p.trainable()) {
                startWeights.add(p.value().to(Precision.FLOAT64).data().clone());
            }
        }
        labels = LabelFrequencies.forLoss(trained);
        inputChecked = false;
        inputSquares = 0;
        inputCount = 0;
        inputMax = 0;
        firstLoss = Double.NaN;
        firstEpochLoss = Double.NaN;
        steps = 0;
        epochsEnded = 0;
        bestVal = Double.POSITIVE_INFINITY;
    }

    @Override
    public void onEpochBegin(int epoch) {
        gradients.reset();
        units.forEach(UnitActivity::reset);
    }

    @Override
    public void onBatchGradients(BatchGradients batch) {
        for (UnitActivity u : units) {
            if (u.relu()) {
                u.observe();
            }
        }
        if (epochsEnded > 0 || batch.batch() >= SAMPLED_BATCHES) {
            return;
        }
        gradients.observe();
        for (UnitActivity u : units) {
            if (!u.relu()) {
                u.observe();
            }
        }
        Tensor x = batch.inputs();
        inputSquares += x.sumOfSquares();
        for (int i = 0; i < x.size(); i++) {
            inputMax = Math.max(inputMax, Math.abs(x.get(i)));
        }
        inputCount += x.size();
        if (labels != null) {
            labels.add(batch.targets());
        }
    }

    @Override
    public void onBatchEnd(int epoch, int batch, Map<String, Double> logs) {
        steps++;
        if (Double.isNaN(firstLoss)) {
            firstLoss = logs.getOrDefault("loss", Double.NaN);
        }
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
        int shown = epoch + 1;
        epochsEnded++;
        List<Finding> found = new ArrayList<>();
        checkInputs(shown, found);
        if (shown == 1) {
            Finding depth = gradients.check(shown);
            if (depth != null) {
                found.add(depth);
            }
        }
        checkUnits(shown, found);
        double loss = logs.getOrDefault("loss", Double.NaN);
        checkLearningRate(shown, loss, found);
        checkLabels(shown, loss, found);
        checkOverfitting(shown, loss, logs.get("val_loss"), found);
        accept(found);
    }

    @Override
    public void onTrainEnd(History history) {
        List<Finding> found = new ArrayList<>();
        int epoch = history.epochs() + 1;
        checkInputs(epoch, found);
        if (history.stopReason().isPresent() && model != null && model.stopRequest() == null) {
            found.add(new Finding(Finding.Kind.LEARNING_RATE_TOO_HIGH, epoch, null, "training diverged: "
                    + firstSentence(history.stopReason().get()) + " (learning rate "
                    + format(model.optimizer().learningRate()) + ")"));
        }
        accept(found);
        for (Finding f : findings) {
            if (!history.findings().contains(f)) {
                history.addFinding(f);
            }
        }
    }

    /** Every finding so far, in the order found. */
    public List<Finding> findings() {
        return List.copyOf(findings);
    }

    /** The findings not yet handed out by this method: fit prints them under the epoch's line. */
    List<Finding> unprinted() {
        List<Finding> fresh = List.copyOf(findings.subList(printed, findings.size()));
        printed = findings.size();
        return fresh;
    }

    private void checkInputs(int epoch, List<Finding> found) {
        if (inputChecked || inputCount == 0) {
            return;
        }
        inputChecked = true;
        double rms = Math.sqrt(inputSquares / inputCount);
        if (rms > INPUT_RMS_HIGH || rms > 0 && rms < INPUT_RMS_LOW) {
            found.add(new Finding(Finding.Kind.INPUT_SCALE, epoch, null, "the inputs' root mean square is "
                    + format(rms) + " and their largest magnitude " + format(inputMax) + ", far from 1"));
        }
        if (labels != null) {
            labels.close();
        }
    }

    private void checkUnits(int epoch, List<Finding> found) {
        for (UnitActivity u : units) {
            if (u.relu()) {
                int dead = u.deadUnits();
                if (u.units() > 0 && dead > UNIT_FRACTION * u.units()) {
                    found.add(new Finding(Finding.Kind.DEAD_RELU, epoch, u.layerName(), dead + " of " + u.units()
                            + " ReLU units of " + u.layerName() + " were never active (z ≤ 0 for every example) in epoch "
                            + epoch));
                }
            } else if (epoch == 1 && u.saturatedFraction() > UNIT_FRACTION) {
                found.add(new Finding(Finding.Kind.SATURATED_UNITS, epoch, u.layerName(), String.format(Locale.ROOT,
                        "%.0f%% of the pre-activations of %s were beyond ±%.0f in epoch %d",
                        100 * u.saturatedFraction(), u.layerName(), UnitActivity.SATURATION_Z, epoch)));
            }
        }
    }

    private void checkLearningRate(int epoch, double loss, List<Finding> found) {
        if (!(firstLoss > 0) || Double.isNaN(loss)) {
            return;
        }
        String rate = " (learning rate " + format(model.optimizer().learningRate()) + ")";
        if (loss > BLOW_UP_FACTOR * firstLoss) {
            found.add(tooHigh(epoch, "the loss rose from " + format(firstLoss) + " on the first batch to "
                    + format(loss) + " over epoch " + epoch + rate));
        } else if (epoch > 1 && loss > RISE_FACTOR * firstEpochLoss) {
            found.add(tooHigh(epoch, "the loss rose from " + format(firstEpochLoss) + " in epoch 1 to "
                    + format(loss) + " in epoch " + epoch + rate));
        } else if (steps >= MIN_STEPS && loss > 0.99 * firstLoss) {
            double moved = movement();
            if (moved < LOW_MOVEMENT) {
                found.add(new Finding(Finding.Kind.LEARNING_RATE_TOO_LOW, epoch, null, "after " + steps
                        + " steps the loss is " + format(loss) + ", no lower than on the first batch ("
                        + format(firstLoss) + "), and the weights moved by " + format(moved) + " of their norm"
                        + rate));
            }
        }
        if (epoch == 1) {
            firstEpochLoss = loss;
        }
    }

    private static Finding tooHigh(int epoch, String observation) {
        return new Finding(Finding.Kind.LEARNING_RATE_TOO_HIGH, epoch, null, observation);
    }

    private void checkLabels(int epoch, double loss, List<Finding> found) {
        if (labels == null || epoch < CHANCE_EPOCH || steps < CHANCE_STEPS || !labels.closed()) {
            return;
        }
        double chance = labels.entropy();
        if (chance > 0 && loss >= CHANCE_FRACTION * chance) {
            found.add(new Finding(Finding.Kind.NOT_LEARNING, epoch, null, "after " + epoch + " epochs the loss is "
                    + format(loss) + ", and predicting the class frequencies alone gives " + format(chance)));
        }
    }

    private void checkOverfitting(int epoch, double loss, Double val, List<Finding> found) {
        if (val == null || Double.isNaN(val)) {
            return;
        }
        if (val < bestVal) {
            bestVal = val;
            trainAtBest = loss;
            bestEpoch = epoch;
        } else if (val > (1 + OVERFIT_RISE) * bestVal && epoch - bestEpoch >= OVERFIT_EPOCHS
                && loss < OVERFIT_TRAIN_FALL * trainAtBest) {
            found.add(new Finding(Finding.Kind.OVERFITTING, epoch, null, "val_loss rose from " + format(bestVal)
                    + " at epoch " + bestEpoch + " to " + format(val) + " while the training loss fell from "
                    + format(trainAtBest) + " to " + format(loss)));
        }
    }

    /** Keeps the new findings whose kind was not reported yet for their layer and whose cause is not also found. */
    private void accept(List<Finding> found) {
        Set<Finding.Kind> present = new HashSet<>();
        findings.forEach(f -> present.add(f.kind()));
        found.forEach(f -> present.add(f.kind()));
        for (Finding f : found) {
            boolean explained = f.kind().explainedBy().stream().anyMatch(present::contains);
            if (!explained && reported.add(f.kind() + "/" + f.layer())) {
                findings.add(f);
            }
        }
    }

    /** ‖W − W₀‖ / ‖W₀‖ over all trainable weights since training began. */
    private double movement() {
        double change = 0;
        double start = 0;
        int k = 0;
        for (Parameter p : model.parameters()) {
            if (!p.trainable()) {
                continue;
            }
            double[] now = p.value().to(Precision.FLOAT64).data();
            double[] then = startWeights.get(k++);
            for (int i = 0; i < now.length; i++) {
                double d = now[i] - then[i];
                change += d * d;
                start += then[i] * then[i];
            }
        }
        return start == 0 ? (change == 0 ? 0 : Double.POSITIVE_INFINITY) : Math.sqrt(change / start);
    }

    private static String firstSentence(String text) {
        int end = text.indexOf(';');
        return end < 0 ? text : text.substring(0, end);
    }

    /** Four significant digits without trailing zeros (0.001, 255, 0.003165), or 2.1e-05 when tiny or huge. */
    static String format(double v) {
        double a = Math.abs(v);
        if (a != 0 && (a < 1e-3 || a >= 1e5) || !Double.isFinite(v)) {
            return String.format(Locale.ROOT, "%.1e", v);
        }
        String s = String.format(Locale.ROOT, "%.4g", v);
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }

    /** E.g. {@code TrainingMonitor(1 finding: vanishing gradients)}. */
    @Override
    public String toString() {
        return "TrainingMonitor(" + findings.size() + (findings.size() == 1 ? " finding" : " findings")
                + (findings.isEmpty() ? "" : ": " + findings.stream().map(f -> f.kind().title())
                        .collect(Collectors.joining(", "))) + ")";
    }
}
