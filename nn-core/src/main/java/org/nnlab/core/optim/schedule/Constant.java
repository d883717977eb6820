package org.nnlab.core.optim.schedule;

/**
 * The same learning rate at every step, Keras's {@code learning_rate=0.001}.
 *
 * <p>The optimizer configuration that holds it checks it with its own rule and hint (&gt; 0, with
 * that optimizer's Keras default); a callback such as {@code ReduceLROnPlateau} may later assign the
 * optimizer another constant rate, as Keras assigns its {@code learning_rate} variable.
 *
 * @param value η
 */
public record Constant(double value) implements LearningRate {

    @Override
    public double at(long step) {
        return value;
    }

    /** The number alone, e.g. {@code 0.001}, as a configuration prints it. */
    @Override
    public String toString() {
        return Double.toString(value);
    }
}
