/**
 * Internal numerical kernels shared by the layers; not part of nnlab's API and free to change.
 *
 * <p>The only class is {@link org.nnlab.core.internal.MatMul}, the single place where nnlab
 * multiplies matrices: the three products an MLP needs, each as a fast loop with its textbook
 * triple-loop reference beside it. Read it after {@link org.nnlab.core.layer.Dense}, which calls it.
 */
package org.nnlab.core.internal;
