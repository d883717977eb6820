package org.nnlab.core.train;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.nnlab.core.tensor.Tensor;

/**
 * Stops training when a monitored value has stopped improving, like Keras's {@code EarlyStopping}.
 *
 * <p>Keras 3's rule: after each epoch, the monitored value improves if it beats the best so far by
 * more than {@code minDelta} (lower is better in {@link Mode#MIN}, higher in {@link Mode#MAX};
 * {@link Mode#AUTO} picks MAX for keys containing {@code accuracy}, MIN otherwise). An improvement
 * resets the wait counter (if it also beats {@code baseline}, when one is set); otherwise the counter
 * grows, and when it reaches {@code patience} training stops. With {@code restoreBestWeights} the
 * weights of the best epoch are put back when training ends. Epochs before {@code startFromEpoch}
 * are ignored. Defaults are Keras's: monitor {@value #DEFAULT_MONITOR}, minDelta 0, patience 0.
 */
public final class EarlyStopping implements Callback {
    /** Keras's default monitored key. */
    public static final String DEFAULT_MONITOR = "val_loss";

    /** Whether lower or higher values of the monitored key are better. */
    public enum Mode {
        /** {@link #MAX} when the monitored key contains {@code accuracy}, {@link #MIN} otherwise. */
        AUTO,
        /** Lower is better, as for a loss. */
        MIN,
        /** Higher is better, as for an accuracy. */
        MAX
    }

    private final String monitor;
    private final double minDelta;
    private final int patience;
    private final boolean maximize;
    private final Double baseline;
    private final boolean restoreBestWeights;
    private final int startFromEpoch;

    private Sequential model;
    private double best;
    private int wait;
    private int bestEpoch;
    private int stoppedEpoch;
    private List<Tensor> bestWeights;

    /** Keras's defaults with the given monitor and patience. */
    public EarlyStopping(String monitor, int patience) {
        this(monitor, 0, patience, Mode.AUTO, null, false, 0);
    }

    /**
     * @param baseline null for none
     * @throws IllegalArgumentException if {@code minDelta} or {@code patience} or {@code startFromEpoch} is negative
     */
    public EarlyStopping(String monitor, double minDelta, int patience, Mode mode, Double baseline,
                         boolean restoreBestWeights, int startFromEpoch) {
        this.monitor = Objects.requireNonNull(monitor, "monitor");
        if (!(minDelta >= 0)) {
            throw new IllegalArgumentException("minDelta (" + minDelta + ") must be >= 0");
        }
        if (patience < 0) {
            throw new IllegalArgumentException("patience (" + patience + ") must be >= 0");
        }
        if (startFromEpoch < 0) {
            throw new IllegalArgumentException("startFromEpoch (" + startFromEpoch + ") must be >= 0");
        }
        this.minDelta = minDelta;
        this.patience = patience;
        this.maximize = mode == Mode.MAX || (mode == Mode.AUTO && monitor.contains("accuracy"));
        this.baseline = baseline;
        this.restoreBestWeights = restoreBestWeights;
        this.startFromEpoch = startFromEpoch;
    }

    /** A copy that puts back the best epoch's weights when training ends. */
    public EarlyStopping restoringBestWeights() {
        return new EarlyStopping(monitor, minDelta, patience, maximize ? Mode.MAX : Mode.MIN, baseline, true, startFromEpoch);
    }

    @Override
    public void onTrainBegin(Sequential m) {
        model = m;
        best = maximize ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        wait = 0;
        bestEpoch = 0;
        stoppedEpoch = -1;
        bestWeights = null;
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
        Double current = logs.get(monitor);
        if (current == null) {
            throw new IllegalStateException("EarlyStopping monitors '" + monitor + "' but the epoch logs have "
                    + logs.keySet() + ". Hint: val_… keys need validation data or a validationSplit.");
        }
        if (epoch < startFromEpoch) {
            return;
        }
        if (restoreBestWeights && bestWeights == null) {
            bestWeights = model.getWeights();
            bestEpoch = epoch;
        }
        wait++;
        if (improves(current, best)) {
            best = current;
            bestEpoch = epoch;
            if (restoreBestWeights) {
                bestWeights = model.getWeights();
            }
            if (baseline == null || improves(current, baseline)) {
                wait = 0;
                return;
            }
        }
        if (wait >= patience && epoch > 0) {
            stoppedEpoch = epoch;
            model.requestStop("EarlyStopping: " + monitor + " did not improve for " + wait + " epoch(s); best "
                    + ProgressBar.formatValue(best) + " at epoch " + (bestEpoch + 1));
        }
    }

    @Override
    public void onTrainEnd(History history) {
        if (restoreBestWeights && bestWeights != null) {
            model.setWeights(bestWeights);
        }
    }

    private boolean improves(double current, double reference) {
        return maximize ? current - minDelta > reference : current + minDelta < reference;
    }

    /** The 0-based epoch training stopped at, or -1 if it ran to the end. */
    public int stoppedEpoch() {
        return stoppedEpoch;
    }

    /** The 0-based epoch with the best monitored value. */
    public int bestEpoch() {
        return bestEpoch;
    }
}
