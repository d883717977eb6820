/**
 * The layers of a sequential network, each with its forward pass and its derivative side by side.
 *
 * <p>Start with {@link org.nnlab.core.layer.Layer}, which states the backprop contract:
 * {@code forward} keeps what {@code backward} needs, {@code backward(dy)} adds ∂L/∂θ into each
 * {@link org.nnlab.core.layer.Parameter}'s grad and returns ∂L/∂input, and only
 * {@code zeroGrad()} clears. Then read {@link org.nnlab.core.layer.Dense}, y = f(x·W + b) with
 * dW, db and dx written beside it, and {@link org.nnlab.core.layer.Activation}, where each
 * function sits next to its derivative. {@link org.nnlab.core.layer.Flatten},
 * {@link org.nnlab.core.layer.ActivationLayer}, {@link org.nnlab.core.layer.Dropout} and
 * {@link org.nnlab.core.layer.BatchNormalization} complete the lecture's set; every one of them
 * is verified by {@link org.nnlab.core.check.GradientCheck} in its tests. Each built-in layer's
 * options are a validated record, its {@link org.nnlab.core.layer.LayerConfig} (the output-shape
 * rule lives there, without weights), and {@link org.nnlab.core.layer.LayerNames} is the one rule
 * that names a model's layers; nn-dsl's specs are made of these.
 */
package org.nnlab.core.layer;
