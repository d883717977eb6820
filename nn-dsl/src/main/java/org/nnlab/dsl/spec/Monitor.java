package org.nnlab.dsl.spec;

import com.fasterxml.jackson.annotation.JsonValue;

/** A quantity a callback watches, named by its History key. */
public enum Monitor {
    /** Training loss. */
    LOSS("loss", null),
    /** Validation loss, Keras's default for early stopping. */
    VAL_LOSS("val_loss", null),
    /** Training accuracy. */
    ACCURACY("accuracy", MetricKind.ACCURACY),
    /** Validation accuracy. */
    VAL_ACCURACY("val_accuracy", MetricKind.ACCURACY),
    /** Training mean squared error. */
    MSE("mse", MetricKind.MSE),
    /** Validation mean squared error. */
    VAL_MSE("val_mse", MetricKind.MSE),
    /** Training mean absolute error. */
    MAE("mae", MetricKind.MAE),
    /** Validation mean absolute error. */
    VAL_MAE("val_mae", MetricKind.MAE);

    private final String key;
    private final MetricKind metric;

    Monitor(String key, MetricKind metric) {
        this.key = key;
        this.metric = metric;
    }

    /** The History key, e.g. {@code "val_loss"}. */
    @JsonValue
    public String key() {
        return key;
    }

    /** The metric that must be compiled for this key to exist; null for the loss. */
    public MetricKind metric() {
        return metric;
    }

    /** Whether a larger value is better (accuracy), so improvement means going up. */
    public boolean higherIsBetter() {
        return metric == MetricKind.ACCURACY;
    }

    /** Whether the key exists only with validation data. */
    public boolean needsValidation() {
        return key.startsWith("val_");
    }
}
