package org.nnlab.core.optim.schedule;

import org.nnlab.core.internal.Checks;

/**
 * A half cosine from the rate down to alpha times it, after an optional linear warm-up: Keras's
 * {@code keras.optimizers.schedules.CosineDecay} (Loshchilov and Hutter, "SGDR: Stochastic Gradient
 * Descent with Warm Restarts", ICLR 2017; warm-up from Goyal et al., 2017).
 *
 * <p>Keras 3's rule. Without warm-up ({@code warmupTarget} null): s = min(step, decaySteps),
 * c = ½(1 + cos(π·s / decaySteps)), and the rate is {@code initialLearningRate · ((1 − alpha)·c + alpha)}.
 * With warm-up: s = min(step, warmupSteps + decaySteps); while s &lt; warmupSteps the rate rises
 * linearly, {@code initialLearningRate + (warmupTarget − initialLearningRate) · s / warmupSteps};
 * after it the cosine above runs from {@code warmupTarget} over s − warmupSteps. With Keras's
 * default alpha 0 the rate reaches 0 at the end of the decay and stays there.
 *
 * @param initialLearningRate the rate at step 0: &gt; 0, or ≥ 0 when warming up (Keras warms up from 0)
 * @param decaySteps the steps of the cosine, &gt; 0
 * @param alpha the final rate as a fraction of the rate the cosine starts from, in [0, 1]
 * @param warmupTarget the rate the warm-up reaches, &gt; 0; null for no warm-up
 * @param warmupSteps the steps of the warm-up, ≥ 0; 0 without a warm-up target
 */
public record CosineDecay(double initialLearningRate, long decaySteps, double alpha, Double warmupTarget,
                          long warmupSteps) implements LearningRate {
    /** Keras's default final fraction: the rate decays to 0. */
    public static final double DEFAULT_ALPHA = 0.0;

    /** @throws IllegalArgumentException naming the first parameter out of range */
    public CosineDecay {
        if (warmupTarget == null) {
            Checks.positive("CosineDecay initialLearningRate", initialLearningRate,
                    "it is the learning rate at step 0, e.g. 0.1; only a warm-up may start from 0, as in"
                            + " new CosineDecay(0.0, decaySteps, warmupTarget, warmupSteps).");
            if (warmupSteps != 0) {
                throw new IllegalArgumentException("CosineDecay warmupSteps (" + warmupSteps + ") needs a warmupTarget,"
                        + " the rate the warm-up rises to. Hint: warmup(0.1, " + warmupSteps + ") warms up to 0.1.");
            }
        } else {
            Checks.nonNegative("CosineDecay initialLearningRate", initialLearningRate,
                    "a warm-up starts from it, e.g. 0 as in Keras's example.");
            Checks.positive("CosineDecay warmupTarget", warmupTarget, "it is the rate the warm-up rises to, e.g. 0.1.");
            Checks.atLeast("CosineDecay warmupSteps", warmupSteps, 0, "it is the length of the linear warm-up.");
        }
        Checks.atLeast("CosineDecay decaySteps", decaySteps, 1, "it is the length of the cosine, e.g. 1000 steps.");
        Checks.closedUnitInterval("CosineDecay alpha", alpha,
                "it is the final rate as a fraction of the starting one; Keras uses " + DEFAULT_ALPHA + ".");
    }

    /** Keras's {@code CosineDecay(initial_learning_rate, decay_steps)}: down to 0, no warm-up. */
    public CosineDecay(double initialLearningRate, long decaySteps) {
        this(initialLearningRate, decaySteps, DEFAULT_ALPHA, null, 0);
    }

    /**
     * Keras's {@code CosineDecay(initial_learning_rate, decay_steps, warmup_target=…, warmup_steps=…)}:
     * a linear warm-up from {@code initialLearningRate} (0 in Keras's example) to {@code warmupTarget},
     * then the cosine from there down to 0.
     */
    public CosineDecay(double initialLearningRate, long decaySteps, double warmupTarget, long warmupSteps) {
        this(initialLearningRate, decaySteps, DEFAULT_ALPHA, warmupTarget, warmupSteps);
    }

    /** A copy that decays to {@code value} times the starting rate instead. */
    public CosineDecay alpha(double value) {
        return new CosineDecay(initialLearningRate, decaySteps, value, warmupTarget, warmupSteps);
    }

    /** A copy that first rises linearly from {@code initialLearningRate} to {@code target} over {@code steps} steps. */
    public CosineDecay warmup(double target, long steps) {
        return new CosineDecay(initialLearningRate, decaySteps, alpha, target, steps);
    }

    @Override
    public double at(long step) {
        if (warmupTarget == null) {
            return decayed(Math.min(step, decaySteps), initialLearningRate);
        }
        double s = Math.min(step, decaySteps + warmupSteps);
        if (s < warmupSteps) {
            double completedFraction = s / warmupSteps;
            return (warmupTarget - initialLearningRate) * completedFraction + initialLearningRate;
        }
        return decayed(s - warmupSteps, warmupTarget);
    }

    /** Keras's {@code _decay_function}: from {@code from} along the half cosine at step {@code s}. */
    private double decayed(double s, double from) {
        double completedFraction = s / decaySteps;
        double cosineDecayed = 0.5 * (1.0 + Math.cos(Math.PI * completedFraction));
        return from * ((1 - alpha) * cosineDecayed + alpha);
    }
}
