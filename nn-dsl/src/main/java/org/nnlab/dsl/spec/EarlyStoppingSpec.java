package org.nnlab.dsl.spec;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;
import org.nnlab.core.train.EarlyStopping;

/**
 * Stops training when a monitored quantity has stopped improving, like Keras's {@code EarlyStopping}.
 *
 * <p>An epoch improves on the best so far when it is better by more than {@code minDelta}; after
 * {@code patience} epochs without improvement training stops. With {@code restoreBestWeights} the
 * model gets back the weights of its best epoch.
 *
 * @param monitor Keras's default is {@link Monitor#VAL_LOSS}
 * @param minDelta ≥ 0; default {@value #DEFAULT_MIN_DELTA}
 * @param patience ≥ 0 epochs; default {@value #DEFAULT_PATIENCE}
 * @param restoreBestWeights default false
 */
public record EarlyStoppingSpec(
        @JsonProperty(value = "monitor", required = true) Monitor monitor,
        @JsonProperty(value = "min_delta", required = true) double minDelta,
        @JsonProperty(value = "patience", required = true) int patience,
        @JsonProperty(value = "restore_best_weights", required = true) boolean restoreBestWeights)
        implements CallbackSpec {

    /** Keras's default minimum improvement. */
    public static final double DEFAULT_MIN_DELTA = 0.0;
    /** Keras's default patience. */
    public static final int DEFAULT_PATIENCE = 0;

    /**
     * @throws IllegalArgumentException if minDelta or patience is negative
     */
    public EarlyStoppingSpec {
        Objects.requireNonNull(monitor, "monitor");
        Bounds.nonNegative("EarlyStopping minDelta", minDelta, "0 counts any improvement.");
        Bounds.atLeast("EarlyStopping patience", patience, 0, "patience is how many epochs to wait, e.g. 10.");
    }

    /** A new nn-core callback with these settings (mode chosen from the key, no baseline). */
    @Override
    public EarlyStopping toCallback() {
        return new EarlyStopping(new EarlyStopping.Config(org.nnlab.core.train.Monitor.valueOf(monitor.name()), minDelta,
                patience, null, restoreBestWeights, 0));
    }

    /** Watches {@code monitor} with the given patience, Keras's other defaults, and restores the best weights. */
    public static EarlyStoppingSpec of(Monitor monitor, int patience) {
        return new EarlyStoppingSpec(monitor, DEFAULT_MIN_DELTA, patience, true);
    }
}
