/**
 * The optimizers, which update parameters from their gradients with Keras 3's exact rules.
 *
 * <p>Start with {@link org.nnlab.core.optim.Optimizer}: it owns all per-parameter state
 * (velocities, moments, each a named record), keyed by parameter, and skips non-trainable
 * parameters; {@link org.nnlab.core.optim.OptimizerConfig} is an optimizer's validated hyperparameters. Then read
 * {@link org.nnlab.core.optim.SGD} (w ← w − η·g, and its momentum forms) and
 * {@link org.nnlab.core.optim.Adam}; each class states its update rule step by step, its defaults
 * and the paper it comes from. {@link org.nnlab.core.optim.RMSprop},
 * {@link org.nnlab.core.optim.Adagrad} and {@link org.nnlab.core.optim.AdamW} (Adam with decoupled
 * weight decay) follow the same pattern. Every optimizer also takes
 * {@link org.nnlab.core.optim.OptimizerOptions}, Keras's base-optimizer arguments: weight decay with
 * its exclusions and gradient clipping, applied by {@code Optimizer.step} in Keras's order; and a
 * learning rate that may be a schedule of the step ({@code org.nnlab.core.optim.schedule}).
 */
package org.nnlab.core.optim;
