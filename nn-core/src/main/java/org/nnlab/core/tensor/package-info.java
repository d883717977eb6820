/**
 * The one data type every other package passes around: a shape plus a flat row-major array of doubles.
 *
 * <p>Start with {@link org.nnlab.core.tensor.Tensor}: element {@code (i, j)} of a rank-2 tensor is
 * {@code data[i * cols + j]}, the first axis is the batch axis, and {@link
 * org.nnlab.core.tensor.Tensor#reshape reshape} shares the data instead of copying it. Tensors are
 * mutable (weights are updated in place) but their shapes are fixed, and every shape check names
 * both shapes in its message.
 */
package org.nnlab.core.tensor;
