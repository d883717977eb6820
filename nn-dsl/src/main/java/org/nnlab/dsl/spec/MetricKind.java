package org.nnlab.dsl.spec;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A value reported during training besides the loss, as in Keras's {@code metrics=[...]}.
 *
 * <p>{@link #ACCURACY} is chosen by the loss as Keras does: binary accuracy (threshold 0.5) with
 * binary cross-entropy, categorical accuracy (argmax) otherwise.
 */
public enum MetricKind {
    /** The fraction of examples classified correctly; key {@code accuracy}. */
    ACCURACY("accuracy"),
    /** Mean squared error; key {@code mse}. */
    MSE("mse"),
    /** Mean absolute error; key {@code mae}. */
    MAE("mae");

    private final String key;

    MetricKind(String key) {
        this.key = key;
    }

    /** The key in a History and in JSON, e.g. {@code "accuracy"}. */
    @JsonValue
    public String key() {
        return key;
    }
}
