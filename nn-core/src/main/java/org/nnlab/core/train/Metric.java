package org.nnlab.core.train;

/**
 * A number reported during training and evaluation besides the loss.
 *
 * <p>{@link #ACCURACY} follows Keras's choice of accuracy from the loss and the output: sparse
 * categorical accuracy (argmax equals the integer label) for sparse categorical cross-entropy,
 * binary accuracy (prediction &gt; 0.5 equals the 0/1 target, averaged over units) for binary
 * cross-entropy or a single-unit output, and categorical accuracy (argmax of prediction equals
 * argmax of the one-hot target) otherwise.
 */
public enum Metric {
    /** The fraction of correct predictions; kind chosen from the loss as Keras does. */
    ACCURACY("accuracy", true),
    /** Mean squared error over all outputs. */
    MSE("mse", false),
    /** Mean absolute error over all outputs. */
    MAE("mae", false);

    private final String key;
    private final boolean higherIsBetter;

    Metric(String key, boolean higherIsBetter) {
        this.key = key;
        this.higherIsBetter = higherIsBetter;
    }

    /** Whether a larger value is better (Keras's metric direction "up"): true for accuracy only. */
    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    /** The key in logs and {@link History}, as Keras names it: {@code accuracy}, {@code mse}, {@code mae}. */
    public String key() {
        return key;
    }
}
