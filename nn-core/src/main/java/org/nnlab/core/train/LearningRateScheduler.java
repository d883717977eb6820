package org.nnlab.core.train;

import java.util.Map;
import java.util.Objects;
import java.util.function.LongToDoubleFunction;
import org.nnlab.core.optim.Optimizer;

/**
 * Sets the learning rate at the start of every epoch from a function of the epoch, Keras's
 * {@code LearningRateScheduler}.
 *
 * <p>Keras 3's rule: at each epoch's start the schedule gets the epoch index and the current rate
 * and returns the new rate, which the optimizer uses from then on; at the epoch's end the rate is
 * logged as {@code learning_rate}. The epoch index counts every epoch the model has trained, over
 * all {@code fit} calls (Keras's index with {@code initial_epoch} set to the epochs already done),
 * so a resumed run gets the indices the uninterrupted one would. The schedule is code, so it is
 * given to {@code fit}, not saved in a model file. The optimizer must have a constant learning
 * rate: a schedule's is not settable, which Keras refuses too.
 */
public final class LearningRateScheduler implements Callback {
    private final Schedule schedule;
    private Sequential model;

    /** A rate from the epoch index and the current rate, Keras's {@code schedule(epoch, lr)}. */
    @FunctionalInterface
    public interface Schedule {
        /** The learning rate for epoch {@code epoch} (0-based), given the rate now. */
        double learningRate(long epoch, double currentRate);
    }

    /** Keras's {@code LearningRateScheduler(lambda epoch, lr: …)}, e.g. {@code (epoch, lr) -> epoch < 10 ? lr : lr * 0.9}. */
    public LearningRateScheduler(Schedule schedule) {
        this.schedule = Objects.requireNonNull(schedule, "schedule");
    }

    /** Keras's {@code LearningRateScheduler(lambda epoch: …)}, e.g. {@code epoch -> 0.1 / (1 + epoch)}. */
    public LearningRateScheduler(LongToDoubleFunction ofEpoch) {
        this((epoch, lr) -> ofEpoch.applyAsDouble(epoch));
        Objects.requireNonNull(ofEpoch, "ofEpoch");
    }

    /** @throws IllegalArgumentException if the optimizer follows a learning-rate schedule */
    @Override
    public void onTrainBegin(Sequential m) {
        m.optimizer().config().requireSettableLearningRate("LearningRateScheduler");
        model = m;
    }

    /** @throws IllegalArgumentException if the schedule returns a rate that is not finite and &gt; 0 */
    @Override
    public void onEpochBegin(int epoch) {
        Optimizer<?> optimizer = model.optimizer();
        long index = model.progress().epochs();
        double rate = schedule.learningRate(index, optimizer.learningRate());
        if (!(rate > 0) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException("LearningRateScheduler's schedule gave the learning rate " + rate
                    + " for epoch " + index + "; a learning rate must be finite and > 0. Hint: return a positive"
                    + " rate for every epoch, e.g. (epoch, lr) -> lr * 0.9.");
        }
        optimizer.setLearningRate(rate);
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
        logs.put(LEARNING_RATE, model.optimizer().learningRate());
    }

    /** Names the callback; its schedule is code and has no printable form. */
    @Override
    public String toString() {
        return "LearningRateScheduler(" + schedule.getClass().getSimpleName() + ")";
    }
}
