/**
 * Small generated datasets for the lecture and for experiments, fixed by a seed.
 *
 * <p>Start with {@link org.nnlab.data.synthetic.LectureData}: the lecture's linearly separable and
 * nonlinear sets, XOR and noisy XOR, the cubic regression and the ten-point overfitting set, each
 * with its exact formula in the javadoc. {@link org.nnlab.data.synthetic.Playground} generates
 * TensorFlow Playground's circle, spirals, Gaussians and XOR sets the way its {@code dataset.ts}
 * does.
 */
package org.nnlab.data.synthetic;
