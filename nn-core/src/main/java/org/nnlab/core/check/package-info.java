/**
 * Finite-difference gradient checks: how every analytic gradient in nnlab is verified.
 *
 * <p>Everything is in {@link org.nnlab.core.check.GradientCheck}: {@code layer} checks a layer's
 * input and parameter gradients, {@code loss} a loss's gradient with respect to its predictions,
 * and {@code fused} the fused activation-plus-loss gradient, each against central differences in
 * double precision, reporting for each tensor the worst relative error |a − n| / max(1e-8, |a| + |n|).
 */
package org.nnlab.core.check;
