/**
 * Learning rates that change with the step, Keras's {@code keras.optimizers.schedules}.
 *
 * <p>Start with {@link org.nnlab.core.optim.schedule.LearningRate}: an optimizer's learning rate
 * is a {@link org.nnlab.core.optim.schedule.Constant} or a schedule, a function of the number of
 * steps the optimizer has taken ({@code optimizer.iterations}), so a saved and restored optimizer
 * resumes its schedule exactly. Each schedule states Keras 3's formula:
 * {@link org.nnlab.core.optim.schedule.ExponentialDecay},
 * {@link org.nnlab.core.optim.schedule.PiecewiseConstantDecay},
 * {@link org.nnlab.core.optim.schedule.PolynomialDecay} (linear by default, with cycles),
 * {@link org.nnlab.core.optim.schedule.CosineDecay} (with warm-up),
 * {@link org.nnlab.core.optim.schedule.CosineDecayRestarts} (SGDR's warm restarts) and
 * {@link org.nnlab.core.optim.schedule.InverseTimeDecay}.
 */
package org.nnlab.core.optim.schedule;
