package org.nnlab.core.train;

import java.util.Map;

/**
 * Hooks into {@code fit}, like Keras's {@code keras.callbacks.Callback}; every method does nothing
 * by default.
 *
 * <p>Epochs and batches are 0-based. {@code logs} hold the running means so far (per batch) or
 * the epoch's means including validation keys (per epoch). A callback stops training with
 * {@link Sequential#requestStop(String)}. As in Keras, {@link #onEpochEnd} may add entries to the
 * epoch's logs ({@link ReduceLROnPlateau} adds {@value #LEARNING_RATE}); {@link History} and the
 * progress line are written after every callback has seen them.
 */
public interface Callback {
    /** The log key of the learning rate, as Keras's learning-rate callbacks write it. */
    String LEARNING_RATE = "learning_rate";

    /** Called once before the first epoch. */
    default void onTrainBegin(Sequential model) {
    }

    /** Called at the start of each epoch. */
    default void onEpochBegin(int epoch) {
    }

    /**
     * Called after each batch's backward pass and before the optimizer step, while every
     * parameter's grad holds this batch's gradient. The vanishing-gradient lesson reads it here.
     */
    default void onBatchGradients(BatchGradients gradients) {
    }

    /** Called after each batch's optimizer step. */
    default void onBatchEnd(int epoch, int batch, Map<String, Double> logs) {
    }

    /**
     * Called after each epoch, with the epoch's loss, metrics and validation values, in a map the
     * callback may add to; with a learning-rate schedule it holds {@value #LEARNING_RATE} too.
     */
    default void onEpochEnd(int epoch, Map<String, Double> logs) {
    }

    /** Called once after training ends, normally or early. */
    default void onTrainEnd(History history) {
    }
}
