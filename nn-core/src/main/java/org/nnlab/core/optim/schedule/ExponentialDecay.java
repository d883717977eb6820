package org.nnlab.core.optim.schedule;

import org.nnlab.core.internal.Checks;

/**
 * η·r^(step / decaySteps), Keras's {@code keras.optimizers.schedules.ExponentialDecay}.
 *
 * <p>Keras 3's rule: p = step / decaySteps, floored when {@code staircase} so that the rate drops
 * once every {@code decaySteps} steps; the rate is {@code initialLearningRate · decayRate^p}. A
 * decay rate above 1 makes the rate grow, as in Keras.
 *
 * @param initialLearningRate the rate at step 0, &gt; 0
 * @param decaySteps the steps over which the rate is multiplied by {@code decayRate}, &gt; 0
 * @param decayRate the factor per {@code decaySteps} steps, &gt; 0 (e.g. 0.96)
 * @param staircase whether the rate drops in steps instead of continuously
 */
public record ExponentialDecay(double initialLearningRate, long decaySteps, double decayRate, boolean staircase)
        implements LearningRate {

    /** @throws IllegalArgumentException naming the first parameter out of range */
    public ExponentialDecay {
        Checks.positive("ExponentialDecay initialLearningRate", initialLearningRate,
                "it is the learning rate at step 0, e.g. 0.1.");
        Checks.atLeast("ExponentialDecay decaySteps", decaySteps, 1,
                "the rate is multiplied by decayRate every decaySteps steps, e.g. 1000.");
        Checks.positive("ExponentialDecay decayRate", decayRate,
                "the rate is multiplied by it every decaySteps steps; 0.96 decays slowly, 0.5 halves it.");
    }

    /** Keras's {@code ExponentialDecay(initial_learning_rate, decay_steps, decay_rate)}, continuous. */
    public ExponentialDecay(double initialLearningRate, long decaySteps, double decayRate) {
        this(initialLearningRate, decaySteps, decayRate, false);
    }

    /** A copy that drops the rate once every {@code decaySteps} steps, or continuously. */
    public ExponentialDecay staircase(boolean value) {
        return new ExponentialDecay(initialLearningRate, decaySteps, decayRate, value);
    }

    @Override
    public double at(long step) {
        double p = LearningRate.progress(step, decaySteps, staircase);
        return initialLearningRate * Math.pow(decayRate, p);
    }
}
