package org.nnlab.core.layer;

/**
 * A layer whose randomness in training is a function of the training step, not of a running generator.
 *
 * <p>Before each training step the fit loop tells such a layer the model's step count (over all
 * {@code fit} calls). The layer then draws that step's randomness (a dropout mask) from a generator
 * seeded by its own seed and the step, so a model saved after step s and loaded again draws the
 * same masks from step s + 1 on as the uninterrupted run: training resumes exactly.
 */
public interface StepSeeded extends Layer {

    /** Seeds the randomness of the next training forward pass for training step {@code step} (0-based). */
    void seedStep(long step);
}
