package org.nnlab.dsl.spec;

import com.fasterxml.jackson.annotation.JsonValue;
import org.nnlab.core.train.Metric;

/** A quantity a callback watches, named by its History key. */
public enum Monitor {
    /** Training loss. */
    LOSS("loss", null),
    /** Validation loss, Keras's default for early stopping. */
    VAL_LOSS("val_loss", null),
    /** Training accuracy. */
    ACCURACY("accuracy", Metric.ACCURACY),
    /** Validation accuracy. */
    VAL_ACCURACY("val_accuracy", Metric.ACCURACY),
    /** Training mean squared error. */
    MSE("mse", Metric.MSE),
    /** Validation mean squared error. */
    VAL_MSE("val_mse", Metric.MSE),
    /** Training mean absolute error. */
    MAE("mae", Metric.MAE),
    /** Validation mean absolute error. */
    VAL_MAE("val_mae", Metric.MAE);

    private final String key;
    private final Metric metric;

    Monitor(String key, Metric metric) {
        this.key = key;
        this.metric = metric;
    }

    /** The History key, e.g. {@code "val_loss"}. */
    @JsonValue
    public String key() {
        return key;
    }

    /** The metric that must be compiled for this key to exist; null for the loss. */
    public Metric metric() {
        return metric;
    }

    /** Whether a larger value is better (accuracy), so improvement means going up. */
    public boolean higherIsBetter() {
        return metric == Metric.ACCURACY;
    }

    /** Whether the key exists only with validation data. */
    public boolean needsValidation() {
        return key.startsWith("val_");
    }
}
