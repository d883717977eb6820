package org.nnlab.core.optim.schedule;

import org.nnlab.core.internal.Checks;

/**
 * Half cosines that restart from a peak, each period tMul times longer: Keras's
 * {@code keras.optimizers.schedules.CosineDecayRestarts} (Loshchilov and Hutter, "SGDR: Stochastic
 * Gradient Descent with Warm Restarts", ICLR 2017).
 *
 * <p>Keras 3's rule. Period i (i = 0, 1, …) lasts firstDecaySteps·tMul^i steps and starts from
 * mMul^i times the rate. With f = step / firstDecaySteps: when tMul = 1, i = ⌊f⌋ and the fraction
 * of period i done is c = f − i; otherwise i = ⌊ln(1 − f·(1 − tMul)) / ln(tMul)⌋, the periods
 * before it sum to S = (1 − tMul^i) / (1 − tMul) first periods, and c = (f − S) / tMul^i. The rate
 * is {@code initialLearningRate · ((1 − alpha) · mMul^i · ½(1 + cos(π·c)) + alpha)}: alpha is a
 * floor as a fraction of the initial rate, not of each period's peak. Keras's defaults (tMul 2,
 * mMul 1, alpha 0) restart at full height after 1, 3, 7, … first periods. An mMul above 1 makes
 * each peak higher without bound, as in Keras; the optimizer stops at the first step whose rate is
 * infinite.
 *
 * <p>Where floating point puts an exact restart at the end of the period before it (c = 1, as
 * ln 243 / ln 3, just below 5, does at step 121 of firstDecaySteps 1 with tMul 3), the step is
 * counted in the new period, at its peak, as Keras's own test oracle
 * {@code np_cosine_decay_restarts} counts it; Keras's closed form gives that one step the rate of
 * a period's end.
 *
 * @param initialLearningRate the rate at step 0, &gt; 0
 * @param firstDecaySteps the steps of the first period, &gt; 0
 * @param tMul each period's length as a multiple of the one before, ≥ 1; Keras's default {@value #DEFAULT_T_MUL}
 * @param mMul each period's peak as a multiple of the one before, &gt; 0 (below 1 the restarts are lower);
 *     Keras's default {@value #DEFAULT_M_MUL}
 * @param alpha the lowest rate as a fraction of initialLearningRate, in [0, 1]; Keras's default
 *     {@value #DEFAULT_ALPHA}
 */
public record CosineDecayRestarts(double initialLearningRate, long firstDecaySteps, double tMul, double mMul,
                                  double alpha) implements LearningRate {
    /** Keras's default: each period twice as long as the one before. */
    public static final double DEFAULT_T_MUL = 2.0;
    /** Keras's default: every restart starts from the full initial rate. */
    public static final double DEFAULT_M_MUL = 1.0;
    /** Keras's default floor: each period decays to 0. */
    public static final double DEFAULT_ALPHA = 0.0;

    /** @throws IllegalArgumentException naming the first parameter out of range */
    public CosineDecayRestarts {
        Checks.positive("CosineDecayRestarts initialLearningRate", initialLearningRate,
                "it is the learning rate at step 0, e.g. 0.1.");
        Checks.atLeast("CosineDecayRestarts firstDecaySteps", firstDecaySteps, 1,
                "it is the length of the first cosine before the first restart, e.g. 1000 steps.");
        if (!(tMul >= 1) || Double.isInfinite(tMul)) {
            throw new IllegalArgumentException("CosineDecayRestarts tMul (" + tMul + ") must be >= 1 and finite."
                    + " Hint: it is each period's length as a multiple of the one before: 1 keeps them equal, Keras"
                    + " uses " + DEFAULT_T_MUL + "; below 1 the periods shrink and the schedule ends after"
                    + " firstDecaySteps / (1 - tMul) steps.");
        }
        Checks.positive("CosineDecayRestarts mMul", mMul, "it is each restart's peak as a multiple of the one before:"
                + " Keras uses " + DEFAULT_M_MUL + ", 0.5 halves every restart.");
        Checks.closedUnitInterval("CosineDecayRestarts alpha", alpha,
                "it is the lowest rate as a fraction of initialLearningRate; Keras uses " + DEFAULT_ALPHA + ".");
    }

    /**
     * Keras's {@code CosineDecayRestarts(initial_learning_rate, first_decay_steps)}: each period twice as
     * long ({@value #DEFAULT_T_MUL}), every restart at full height ({@value #DEFAULT_M_MUL}), down to 0.
     */
    public CosineDecayRestarts(double initialLearningRate, long firstDecaySteps) {
        this(initialLearningRate, firstDecaySteps, DEFAULT_T_MUL, DEFAULT_M_MUL, DEFAULT_ALPHA);
    }

    /** A copy whose periods grow by {@code value} each restart (1 keeps them equal). */
    public CosineDecayRestarts tMul(double value) {
        return new CosineDecayRestarts(initialLearningRate, firstDecaySteps, value, mMul, alpha);
    }

    /** A copy whose peaks are multiplied by {@code value} each restart. */
    public CosineDecayRestarts mMul(double value) {
        return new CosineDecayRestarts(initialLearningRate, firstDecaySteps, tMul, value, alpha);
    }

    /** A copy that decays to {@code value} times the initial rate instead. */
    public CosineDecayRestarts alpha(double value) {
        return new CosineDecayRestarts(initialLearningRate, firstDecaySteps, tMul, mMul, value);
    }

    @Override
    public double at(long step) {
        double restart;
        double completedFraction;
        if (tMul == 1.0) {
            // Keras's floor(f) and f − floor(f), in whole numbers so that every restart is exact.
            restart = step / firstDecaySteps;
            completedFraction = (double) (step % firstDecaySteps) / firstDecaySteps;
        } else {
            double f = (double) step / firstDecaySteps;
            restart = Math.floor(Math.log(1.0 - f * (1.0 - tMul)) / Math.log(tMul));
            completedFraction = fractionOfPeriod(f, restart);
            if (completedFraction >= 1) {
                restart += 1;
                completedFraction = fractionOfPeriod(f, restart);
            }
            completedFraction = Math.max(completedFraction, 0.0);
        }
        double cosineDecayed = 0.5 * Math.pow(mMul, restart) * (1.0 + Math.cos(Math.PI * completedFraction));
        return initialLearningRate * ((1 - alpha) * cosineDecayed + alpha);
    }

    /** Keras's (f − S) / tMul^i: the fraction of period {@code restart} done at f first periods. */
    private double fractionOfPeriod(double f, double restart) {
        double sumOfPeriodsBefore = (1.0 - Math.pow(tMul, restart)) / (1.0 - tMul);
        return (f - sumOfPeriodsBefore) / Math.pow(tMul, restart);
    }
}
