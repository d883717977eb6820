/**
 * Internal numerical kernels shared by the layers and optimizers; not exported, free to change.
 *
 * <p>Start with {@link org.nnlab.core.internal.Products}, the products of a dense layer and the
 * one place that chooses between the dense and the sparse kernels; then
 * {@link org.nnlab.core.internal.MatMul}, the single place where nnlab multiplies matrices, each fast
 * loop with its textbook triple-loop reference beside it. {@code NonZeros} lists the nonzeros of a
 * mostly-zero batch for the sparse kernels, {@link org.nnlab.core.internal.Parallel} splits large
 * batches among threads without changing any result, and {@code Scratch} holds each thread's
 * reused packing buffers.
 */
package org.nnlab.core.internal;
