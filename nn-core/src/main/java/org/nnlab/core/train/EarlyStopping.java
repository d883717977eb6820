package org.nnlab.core.train;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.nnlab.core.internal.Checks;
import org.nnlab.core.tensor.Tensor;

/**
 * Stops training when a monitored value has stopped improving, like Keras's {@code EarlyStopping}.
 *
 * <p>Keras 3's rule: after each epoch, the monitored value improves if it beats the best so far by
 * more than {@code minDelta}; which way is better comes from the typed {@link Monitor} (an accuracy
 * up, a loss or an error down). An improvement resets the wait counter (if it also beats
 * {@code baseline}, when one is set); otherwise the counter grows, and when it reaches
 * {@code patience} training stops. With {@code restoreBestWeights} the weights of the best epoch are
 * put back when training ends. Epochs before {@code startFromEpoch} are ignored. Defaults are
 * Keras's, {@link Config#DEFAULTS}: monitor {@code val_loss}, minDelta 0, patience 0, no baseline,
 * and the last epoch's weights kept ({@code restore_best_weights=False}).
 *
 * <p>The options are a {@link Config}; two callbacks with equal options are equal. The running
 * state (best value, wait counter, best weights) starts afresh at every {@code fit}, so one
 * instance can serve several fits, one at a time.
 */
public final class EarlyStopping implements Callback {
    private final Config config;

    private Sequential model;
    private double best;
    private int wait;
    private int bestEpoch;
    private int stoppedEpoch;
    private List<Tensor> bestWeights;

    /** Keras's defaults with the given monitor and patience: the last epoch's weights are kept. */
    public EarlyStopping(Monitor monitor, int patience) {
        this(Config.DEFAULTS.monitor(monitor).patience(patience));
    }

    /** Early stopping with the options of {@code config}. */
    public EarlyStopping(Config config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /**
     * Early stopping's options, validated: Keras's {@code EarlyStopping(monitor, min_delta, patience,
     * baseline, restore_best_weights, start_from_epoch)}.
     *
     * @param minDelta the least change that counts as an improvement, ≥ 0
     * @param patience epochs without improvement before stopping, ≥ 0
     * @param baseline a value to beat before any improvement counts; null for none
     * @param restoreBestWeights whether to put back the best epoch's weights when training ends
     * @param startFromEpoch epochs to train before watching, ≥ 0
     */
    public record Config(Monitor monitor, double minDelta, int patience, Double baseline, boolean restoreBestWeights,
                         int startFromEpoch) {
        /** Keras's defaults. */
        public static final Config DEFAULTS = new Config(Monitor.VAL_LOSS, 0, 0, null, false, 0);

        /** @throws IllegalArgumentException if {@code minDelta}, {@code patience} or {@code startFromEpoch} is negative */
        public Config {
            Objects.requireNonNull(monitor, "monitor");
            Checks.nonNegative("EarlyStopping minDelta", minDelta, "0 counts any improvement.");
            Checks.atLeast("EarlyStopping patience", patience, 0, "patience is how many epochs to wait, e.g. 10.");
            Checks.atLeast("EarlyStopping startFromEpoch", startFromEpoch, 0, "0 watches from the first epoch.");
        }

        /** A copy watching {@code value}. */
        public Config monitor(Monitor value) {
            return new Config(value, minDelta, patience, baseline, restoreBestWeights, startFromEpoch);
        }

        /** A copy with another least improvement. */
        public Config minDelta(double value) {
            return new Config(monitor, value, patience, baseline, restoreBestWeights, startFromEpoch);
        }

        /** A copy with another patience. */
        public Config patience(int value) {
            return new Config(monitor, minDelta, value, baseline, restoreBestWeights, startFromEpoch);
        }

        /** A copy with a baseline to beat, null for none. */
        public Config baseline(Double value) {
            return new Config(monitor, minDelta, patience, value, restoreBestWeights, startFromEpoch);
        }

        /** A copy that puts back the best epoch's weights when training ends, or keeps the last. */
        public Config restoreBestWeights(boolean value) {
            return new Config(monitor, minDelta, patience, baseline, value, startFromEpoch);
        }

        /** A copy that starts watching after {@code value} epochs. */
        public Config startFromEpoch(int value) {
            return new Config(monitor, minDelta, patience, baseline, restoreBestWeights, value);
        }
    }

    /** The options. */
    public Config config() {
        return config;
    }

    /** @throws IllegalArgumentException if the model does not report the monitored metric */
    @Override
    public void onTrainBegin(Sequential m) {
        config.monitor().requireReportedBy(m.metrics());
        model = m;
        best = config.monitor().higherIsBetter() ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        wait = 0;
        bestEpoch = 0;
        stoppedEpoch = -1;
        bestWeights = null;
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
        String key = config.monitor().key();
        Double current = logs.get(key);
        if (current == null) {
            throw new IllegalStateException("EarlyStopping monitors '" + key + "' but the epoch logs have "
                    + logs.keySet() + ". Hint: val_… keys need validation data or a validationSplit.");
        }
        if (epoch < config.startFromEpoch()) {
            return;
        }
        if (config.restoreBestWeights() && bestWeights == null) {
            bestWeights = model.getWeights();
            bestEpoch = epoch;
        }
        wait++;
        if (improves(current, best)) {
            best = current;
            bestEpoch = epoch;
            if (config.restoreBestWeights()) {
                bestWeights = model.getWeights();
            }
            if (config.baseline() == null || improves(current, config.baseline())) {
                wait = 0;
                return;
            }
        }
        if (wait >= config.patience() && epoch > 0) {
            stoppedEpoch = epoch;
            model.requestStop("EarlyStopping: " + key + " did not improve for " + wait + " epoch(s); best "
                    + ProgressBar.formatValue(best) + " at epoch " + (bestEpoch + 1));
        }
    }

    @Override
    public void onTrainEnd(History history) {
        if (config.restoreBestWeights() && bestWeights != null) {
            model.setWeights(bestWeights);
        }
    }

    private boolean improves(double current, double reference) {
        return config.monitor().improves(current, reference, config.minDelta());
    }

    /** The 0-based epoch training stopped at, or -1 if it ran to the end. */
    public int stoppedEpoch() {
        return stoppedEpoch;
    }

    /** The 0-based epoch with the best monitored value. */
    public int bestEpoch() {
        return bestEpoch;
    }

    /** Equal options. */
    @Override
    public boolean equals(Object o) {
        return o instanceof EarlyStopping e && e.config.equals(config);
    }

    @Override
    public int hashCode() {
        return config.hashCode();
    }

    @Override
    public String toString() {
        return "EarlyStopping" + config.toString().substring("Config".length());
    }
}
