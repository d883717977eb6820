package org.nnlab.core.train;

/**
 * How far a model has trained over all its {@code fit} calls: completed epochs and optimizer steps.
 *
 * <p>Each epoch's shuffle and each step's dropout masks are derived from the model's seed and
 * these counts, so saving them with the weights and the optimizer state (as nn-dsl's model files
 * do) lets training resume exactly where it stopped.
 *
 * @param epochs completed epochs
 * @param steps optimizer steps taken
 */
public record TrainingProgress(long epochs, long steps) {

    /** A model that has not trained yet. */
    public static final TrainingProgress START = new TrainingProgress(0, 0);

    /** @throws IllegalArgumentException if a count is negative */
    public TrainingProgress {
        if (epochs < 0 || steps < 0) {
            throw new IllegalArgumentException("Training progress counts must be >= 0 but got epochs " + epochs
                    + " and steps " + steps);
        }
    }
}
