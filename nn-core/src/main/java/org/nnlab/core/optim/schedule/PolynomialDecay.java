package org.nnlab.core.optim.schedule;

import java.math.BigDecimal;
import org.nnlab.core.internal.Checks;

/**
 * A polynomial from the rate to an end rate over decaySteps, Keras's
 * {@code keras.optimizers.schedules.PolynomialDecay}; with power 1 a linear decay.
 *
 * <p>Keras 3's rule. Without {@code cycle}: s = min(step, decaySteps), and the rate is
 * {@code (initialLearningRate − endLearningRate) · (1 − s / decaySteps)^power + endLearningRate},
 * which stays at {@code endLearningRate} once the decay is over. With {@code cycle} the step is not
 * clamped; the decay runs over the first multiple of decaySteps that is ≥ step,
 * D = decaySteps · ⌈step / decaySteps⌉ (⌈·⌉ taken as 1 at step 0), and the rate is
 * {@code (initialLearningRate − endLearningRate) · (1 − step / D)^power + endLearningRate}: it reaches
 * the end rate at every multiple of decaySteps and jumps back up after it, each cycle lower than
 * the one before (Keras's example: 0.05 to 0.001 over 10 steps, at step 15 D = 20 and the rate is
 * 0.049 · 0.25 + 0.001). An end rate above the initial one makes the rate rise instead, as in Keras.
 *
 * @param initialLearningRate the rate at step 0, &gt; 0
 * @param decaySteps the steps of one decay, &gt; 0
 * @param endLearningRate the rate the decay ends at, ≥ 0 (0 is reached at the end of the decay);
 *     Keras's default {@value #DEFAULT_END_LEARNING_RATE}
 * @param power the polynomial's power, &gt; 0 (1 is linear, 0.5 a square root); Keras's default
 *     {@value #DEFAULT_POWER}
 * @param cycle whether the decay starts over, over a longer span, after decaySteps; Keras's default
 *     {@value #DEFAULT_CYCLE}
 */
public record PolynomialDecay(double initialLearningRate, long decaySteps, double endLearningRate, double power,
                              boolean cycle) implements LearningRate {
    /** Keras's default end rate. */
    public static final double DEFAULT_END_LEARNING_RATE = 0.0001;
    /** Keras's default power: a linear decay. */
    public static final double DEFAULT_POWER = 1.0;
    /** Keras's default: no cycling, the rate stays at the end rate after decaySteps. */
    public static final boolean DEFAULT_CYCLE = false;

    /** @throws IllegalArgumentException naming the first parameter out of range */
    public PolynomialDecay {
        Checks.positive("PolynomialDecay initialLearningRate", initialLearningRate,
                "it is the learning rate at step 0, e.g. 0.1.");
        Checks.atLeast("PolynomialDecay decaySteps", decaySteps, 1,
                "the rate reaches endLearningRate after decaySteps steps, e.g. 10000.");
        Checks.nonNegative("PolynomialDecay endLearningRate", endLearningRate,
                "it is the rate the decay ends at; Keras uses "
                        + BigDecimal.valueOf(DEFAULT_END_LEARNING_RATE).stripTrailingZeros().toPlainString() + ".");
        Checks.positive("PolynomialDecay power", power, "it is the power of (1 - step / decaySteps); 1 decays"
                + " linearly, 0.5 as a square root; a power of 0 would never decay.");
    }

    /**
     * Keras's {@code PolynomialDecay(initial_learning_rate, decay_steps)}: linear (power {@value #DEFAULT_POWER})
     * down to {@value #DEFAULT_END_LEARNING_RATE}, no cycle.
     */
    public PolynomialDecay(double initialLearningRate, long decaySteps) {
        this(initialLearningRate, decaySteps, DEFAULT_END_LEARNING_RATE);
    }

    /** Keras's {@code PolynomialDecay(initial_learning_rate, decay_steps, end_learning_rate)}: linear, no cycle. */
    public PolynomialDecay(double initialLearningRate, long decaySteps, double endLearningRate) {
        this(initialLearningRate, decaySteps, endLearningRate, DEFAULT_POWER, DEFAULT_CYCLE);
    }

    /** A copy that ends at {@code value} instead. */
    public PolynomialDecay endLearningRate(double value) {
        return new PolynomialDecay(initialLearningRate, decaySteps, value, power, cycle);
    }

    /** A copy with another power of the polynomial, e.g. 0.5 for a square-root decay. */
    public PolynomialDecay power(double value) {
        return new PolynomialDecay(initialLearningRate, decaySteps, endLearningRate, value, cycle);
    }

    /** A copy that starts the decay over after each multiple of decaySteps, or stays at the end rate. */
    public PolynomialDecay cycle(boolean value) {
        return new PolynomialDecay(initialLearningRate, decaySteps, endLearningRate, power, value);
    }

    @Override
    public double at(long step) {
        double s;
        double span;
        if (cycle) {
            // The first multiple of decaySteps that is >= step, in whole numbers; at step 0 the multiplier is 1.
            long multiplier = step == 0 ? 1 : -Math.floorDiv(-step, decaySteps);
            s = step;
            span = (double) decaySteps * multiplier;
        } else {
            s = Math.min(step, decaySteps);
            span = decaySteps;
        }
        double p = s / span;
        return (initialLearningRate - endLearningRate) * Math.pow(1 - p, power) + endLearningRate;
    }
}
