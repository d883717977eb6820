package org.nnlab.core.train;

import java.util.Map;
import java.util.Objects;
import org.nnlab.core.internal.Checks;
import org.nnlab.core.optim.Optimizer;

/**
 * Lowers the learning rate when a monitored value stops improving, Keras's {@code ReduceLROnPlateau}.
 *
 * <p>Keras 3's rule, after each epoch: the current learning rate is logged as
 * {@code learning_rate}; if a cooldown is running, its counter falls by one and the wait counter is
 * reset; an improvement (beating the best value by more than {@code minDelta}, in the typed
 * {@link Monitor}'s direction; the first value always does) becomes the best and resets the wait;
 * otherwise, outside a cooldown, the wait grows, and when it reaches {@code patience} and the rate
 * is above {@code minLr}, the rate becomes max(rate·factor, minLr), the cooldown starts and the wait
 * is reset. Defaults are Keras's, {@link Config#DEFAULTS}: monitor {@code val_loss}, factor 0.1,
 * patience 10, minDelta 1e-4, cooldown 0, minLr 0.
 *
 * <p>Unlike Keras, which resets its counters at every {@code fit}, the counters follow the model:
 * a second {@code fit} of the same model continues them, and so does a model file's resumed
 * training ({@link #state}, {@link #restore}), so that fit(5) then fit(5) trains as fit(10) does,
 * as nnlab's shuffling, dropout and schedules do. Used with another model, or with one whose
 * training went on without it, the callback starts afresh. The optimizer must have a constant
 * learning rate: a schedule's is not settable, which Keras refuses too.
 */
public final class ReduceLROnPlateau implements Callback {
    private final Config config;

    private Sequential model;
    private Double best;
    private int wait;
    private int cooldownCounter;
    /** The model's completed epochs when this callback last watched one; -1 before any. */
    private long epochsSeen = -1;
    /** Whether restored counters wait for the next model they are given to. */
    private boolean restored;

    /** Keras's defaults with the given monitor, factor and patience. */
    public ReduceLROnPlateau(Monitor monitor, double factor, int patience) {
        this(Config.DEFAULTS.monitor(monitor).factor(factor).patience(patience));
    }

    /** The callback with the options of {@code config}. */
    public ReduceLROnPlateau(Config config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /**
     * The options, validated: Keras's {@code ReduceLROnPlateau(monitor, factor, patience, min_delta,
     * cooldown, min_lr)}.
     *
     * @param factor the rate is multiplied by it, in (0, 1)
     * @param patience epochs without improvement before the rate falls, ≥ 0
     * @param minDelta the least change that counts as an improvement, ≥ 0
     * @param cooldown epochs to wait after a reduction before counting again, ≥ 0
     * @param minLr the lowest rate, ≥ 0
     */
    public record Config(Monitor monitor, double factor, int patience, double minDelta, int cooldown, double minLr) {
        /** Keras's defaults. */
        public static final Config DEFAULTS = new Config(Monitor.VAL_LOSS, 0.1, 10, 1e-4, 0, 0.0);

        /** @throws IllegalArgumentException naming the first option out of range */
        public Config {
            Objects.requireNonNull(monitor, "monitor");
            Checks.openUnitInterval("ReduceLROnPlateau factor", factor, "the new rate is rate * factor; Keras uses 0.1,"
                    + " and a factor >= 1 would not reduce it.");
            Checks.atLeast("ReduceLROnPlateau patience", patience, 0,
                    "patience is how many epochs without improvement to wait, e.g. 5.");
            Checks.nonNegative("ReduceLROnPlateau minDelta", minDelta, "Keras uses 1e-4; 0 counts any improvement.");
            Checks.atLeast("ReduceLROnPlateau cooldown", cooldown, 0, "0 starts counting again at once.");
            Checks.nonNegative("ReduceLROnPlateau minLr", minLr, "it is the lowest rate; Keras uses 0.");
        }

        /** A copy watching {@code value}. */
        public Config monitor(Monitor value) {
            return new Config(value, factor, patience, minDelta, cooldown, minLr);
        }

        /** A copy with another factor. */
        public Config factor(double value) {
            return new Config(monitor, value, patience, minDelta, cooldown, minLr);
        }

        /** A copy with another patience. */
        public Config patience(int value) {
            return new Config(monitor, factor, value, minDelta, cooldown, minLr);
        }

        /** A copy with another least improvement. */
        public Config minDelta(double value) {
            return new Config(monitor, factor, patience, value, cooldown, minLr);
        }

        /** A copy with another cooldown. */
        public Config cooldown(int value) {
            return new Config(monitor, factor, patience, minDelta, value, minLr);
        }

        /** A copy with another lowest rate. */
        public Config minLr(double value) {
            return new Config(monitor, factor, patience, minDelta, cooldown, value);
        }
    }

    /**
     * The counters, to save with a model and {@link #restore} when its training resumes.
     *
     * @param best the best monitored value so far; null before the first epoch
     * @param epochsWaited epochs without improvement, Keras's {@code wait}
     * @param cooldownCounter epochs of cooldown left
     * @param epochs the model's completed epochs when these counters were last updated
     */
    public record State(Double best, int epochsWaited, int cooldownCounter, long epochs) {
        /** @throws IllegalArgumentException if a count is negative */
        public State {
            if (epochsWaited < 0 || cooldownCounter < 0 || epochs < 0) {
                throw new IllegalArgumentException("ReduceLROnPlateau counters must be >= 0 but got wait " + epochsWaited
                        + ", cooldown " + cooldownCounter + " and epochs " + epochs);
            }
        }
    }

    /** The options. */
    public Config config() {
        return config;
    }

    /** The counters now, or null before this callback has watched an epoch. */
    public State state() {
        return epochsSeen < 0 ? null : new State(best, wait, cooldownCounter, epochsSeen);
    }

    /**
     * Puts back saved counters; the next {@code fit} continues them if its model has trained for
     * exactly {@code state.epochs()} epochs (a model loaded with them has).
     */
    public void restore(State state) {
        best = state.best();
        wait = state.epochsWaited();
        cooldownCounter = state.cooldownCounter();
        epochsSeen = state.epochs();
        model = null;
        restored = true;
    }

    /**
     * @throws IllegalArgumentException if the model does not report the monitored metric, or its
     *     optimizer follows a learning-rate schedule
     */
    @Override
    public void onTrainBegin(Sequential m) {
        config.monitor().requireReportedBy(m.metrics());
        m.optimizer().config().requireSettableLearningRate("ReduceLROnPlateau");
        boolean continues = (restored || m == model) && epochsSeen == m.progress().epochs();
        if (!continues) {
            best = null;
            wait = 0;
            cooldownCounter = 0;
        }
        model = m;
        restored = false;
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
        Optimizer<?> optimizer = model.optimizer();
        logs.put(LEARNING_RATE, optimizer.learningRate());
        String key = config.monitor().key();
        Double current = logs.get(key);
        if (current == null) {
            throw new IllegalStateException("ReduceLROnPlateau monitors '" + key + "' but the epoch logs have "
                    + logs.keySet() + ". Hint: val_… keys need validation data or a validationSplit.");
        }
        if (cooldownCounter > 0) {
            cooldownCounter--;
            wait = 0;
        }
        if (best == null || config.monitor().improves(current, best, config.minDelta())) {
            best = current;
            wait = 0;
        } else if (cooldownCounter == 0) {
            wait++;
            if (wait >= config.patience()) {
                double oldLr = optimizer.learningRate();
                if (oldLr > config.minLr()) {
                    optimizer.setLearningRate(Math.max(oldLr * config.factor(), config.minLr()));
                    cooldownCounter = config.cooldown();
                    wait = 0;
                }
            }
        }
        epochsSeen = model.progress().epochs();
    }

    /** Equal options. */
    @Override
    public boolean equals(Object o) {
        return o instanceof ReduceLROnPlateau r && r.config.equals(config);
    }

    @Override
    public int hashCode() {
        return config.hashCode();
    }

    @Override
    public String toString() {
        return "ReduceLROnPlateau" + config.toString().substring("Config".length());
    }
}
