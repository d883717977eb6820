/**
 * Finite-difference gradient checks: how every analytic gradient in nnlab is verified.
 *
 * <p>Everything is in {@link org.nnlab.core.check.GradientCheck}: {@code layer} checks a layer's
 * input and trainable parameter gradients (leaving the layer's state as it found it), {@code loss}
 * a loss's gradient with respect to its predictions, and {@code fused} the fused
 * activation-plus-loss gradient, each against central differences in double precision. An analytic
 * derivative a passes when |a − n| ≤ absolute + relative · |n| for the numerical one n, the rule of
 * PyTorch's {@code gradcheck} ({@link org.nnlab.core.check.GradientCheck.Tolerance}).
 */
package org.nnlab.core.check;
