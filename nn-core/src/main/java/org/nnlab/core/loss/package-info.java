/**
 * The training objectives, computed exactly as Keras 3 computes them, each with its gradient.
 *
 * <p>Start with {@link org.nnlab.core.loss.Loss}: the value is a mean over the batch, so the
 * gradient is already divided by the batch size, and the five losses are shared instances there.
 * Then read {@link org.nnlab.core.loss.MeanSquaredError} (the simplest, ℓ and ℓ' on two lines)
 * and {@link org.nnlab.core.loss.SparseCategoricalCrossentropy}, the MNIST loss, with its clipping
 * and the fused softmax gradient (p − y) / batch that the training loop uses after a softmax
 * output.
 */
package org.nnlab.core.loss;
