/**
 * The optimizers, which update parameters from their gradients with Keras 3's exact rules.
 *
 * <p>Start with {@link org.nnlab.core.optim.Optimizer}: it owns all per-parameter state
 * (velocities, moments, each a named record), keyed by parameter, and skips non-trainable
 * parameters; {@link org.nnlab.core.optim.OptimizerConfig} is an optimizer's validated hyperparameters. Then read
 * {@link org.nnlab.core.optim.SGD} (w ← w − η·g, and its momentum forms) and
 * {@link org.nnlab.core.optim.Adam}; each class states its update rule step by step, its defaults
 * and the paper it comes from. {@link org.nnlab.core.optim.RMSprop} and
 * {@link org.nnlab.core.optim.Adagrad} follow the same pattern.
 */
package org.nnlab.core.optim;
