package org.nnlab.core.train;

import java.util.List;

/**
 * A value a callback watches, named by its {@link History} key, with the direction that is better.
 *
 * <p>Typed, so that early stopping knows from the monitor itself, not from its spelling, that an
 * accuracy should go up and a loss or an error down, as Keras 3 reads a metric's direction. The
 * {@code VAL_} monitors exist only when {@code fit} has validation data or a validation split.
 */
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

    /** The History and log key, e.g. {@code "val_loss"}. */
    public String key() {
        return key;
    }

    /** Whether a larger value is better: for an accuracy, not for a loss or an error. */
    public boolean higherIsBetter() {
        return metric != null && metric.higherIsBetter();
    }

    /**
     * Keras's {@code MonitorCallback._is_improvement}: whether {@code current} beats {@code reference}
     * by more than {@code minDelta} in this monitor's direction.
     */
    public boolean improves(double current, double reference, double minDelta) {
        return higherIsBetter() ? current - minDelta > reference : current + minDelta < reference;
    }

    /**
     * Checks that a model compiled with {@code metrics} reports this value.
     *
     * @throws IllegalArgumentException naming the metric to add
     */
    public void requireReportedBy(List<Metric> metrics) {
        if (metric != null && !metrics.contains(metric)) {
            throw new IllegalArgumentException("Monitor " + name() + " ('" + key + "') needs the " + metric
                    + " metric, but the model reports only the loss and " + metrics + ". Hint: add " + metric
                    + " to the metrics in compile, or monitor " + (key.startsWith("val_") ? "VAL_LOSS" : "LOSS") + ".");
        }
    }
}
