package org.nnlab.core.optim.schedule;

import org.nnlab.core.internal.Checks;

/**
 * η / (1 + r·step / decaySteps), Keras's {@code keras.optimizers.schedules.InverseTimeDecay}.
 *
 * <p>Keras 3's rule: p = step / decaySteps, floored when {@code staircase}; the rate is
 * {@code initialLearningRate / (1 + decayRate · p)}, the 1/t decay of stochastic approximation.
 *
 * @param initialLearningRate the rate at step 0, &gt; 0
 * @param decaySteps the unit of steps in p, &gt; 0
 * @param decayRate how fast the rate falls, ≥ 0 (0 keeps it constant)
 * @param staircase whether p is floored, so the rate falls in steps
 */
public record InverseTimeDecay(double initialLearningRate, long decaySteps, double decayRate, boolean staircase)
        implements LearningRate {

    /** @throws IllegalArgumentException naming the first parameter out of range */
    public InverseTimeDecay {
        Checks.positive("InverseTimeDecay initialLearningRate", initialLearningRate,
                "it is the learning rate at step 0, e.g. 0.1.");
        Checks.atLeast("InverseTimeDecay decaySteps", decaySteps, 1,
                "it is the unit of steps: after decaySteps steps the rate is initialLearningRate / (1 + decayRate).");
        Checks.nonNegative("InverseTimeDecay decayRate", decayRate,
                "the rate is initialLearningRate / (1 + decayRate * step / decaySteps); 0.5 is Keras's example.");
    }

    /** Keras's {@code InverseTimeDecay(initial_learning_rate, decay_steps, decay_rate)}, continuous. */
    public InverseTimeDecay(double initialLearningRate, long decaySteps, double decayRate) {
        this(initialLearningRate, decaySteps, decayRate, false);
    }

    /** A copy whose rate falls in steps of {@code decaySteps}, or continuously. */
    public InverseTimeDecay staircase(boolean value) {
        return new InverseTimeDecay(initialLearningRate, decaySteps, decayRate, value);
    }

    @Override
    public double at(long step) {
        double p = LearningRate.progress(step, decaySteps, staircase);
        return initialLearningRate / (1 + decayRate * p);
    }
}
