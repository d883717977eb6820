package org.nnlab.core.optim.schedule;

/**
 * An optimizer's learning rate η: a {@link Constant}, or a schedule of the step, Keras's
 * {@code LearningRateSchedule}.
 *
 * <p>{@link #at} is the rate of the update that follows {@code step} completed ones: Keras's
 * optimizer calls {@code schedule(optimizer.iterations)} before incrementing the count, so the
 * first update uses {@code at(0)}. Every rate a valid learning rate yields is finite and ≥ 0; the
 * constructors refuse parameters that would give a negative, NaN or infinite rate or a rate of 0
 * anywhere except where Keras's own documented schedules put it (the start of a cosine warm-up
 * from 0, the end of a cosine decay or of a restart period with {@code alpha = 0}, the end of a
 * polynomial decay to {@code endLearningRate = 0}). A schedule may still grow without bound where
 * Keras's does (a decay rate or a restart multiplier above 1): the optimizer then stops at the
 * first step whose rate is not finite. The family is closed and immutable.
 */
public sealed interface LearningRate
        permits Constant, ExponentialDecay, PiecewiseConstantDecay, PolynomialDecay, CosineDecay, CosineDecayRestarts,
        InverseTimeDecay {

    /** The learning rate of the update after {@code step} completed updates (step ≥ 0). */
    double at(long step);

    /** Keras's p = step / decaySteps, floored for a staircase: how many decay periods have passed. */
    static double progress(long step, long decaySteps, boolean staircase) {
        double p = (double) step / decaySteps;
        return staircase ? Math.floor(p) : p;
    }
}
