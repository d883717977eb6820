package org.nnlab.core.regularizer;

import org.nnlab.core.internal.Checks;
import org.nnlab.core.tensor.Tensor;

/**
 * The L1 penalty l1·Σ|w|, which drives small weights to exactly 0: Keras's {@code keras.regularizers.L1}.
 *
 * <p>Its gradient is l1·sign(w), 0 at w = 0. Keras's default factor is {@value #DEFAULT_L1}.
 *
 * @param l1 the factor, finite and ≥ 0
 */
public record L1(double l1) implements Regularizer {
    /** Keras's default factor, {@code L1()} or {@code kernel_regularizer="l1"}. */
    public static final double DEFAULT_L1 = 0.01;

    /** @throws IllegalArgumentException if {@code l1} is negative, NaN or infinite */
    public L1 {
        Checks.nonNegative("L1 l1", l1, "it is the factor of sum(|w|) in the loss; Keras uses " + DEFAULT_L1 + ".");
    }

    /** Keras's {@code L1()}: l1 = {@value #DEFAULT_L1}. */
    public L1() {
        this(DEFAULT_L1);
    }

    @Override
    public double penalty(Tensor w) {
        return l1 * w.sumOfAbsolutes();
    }

    @Override
    public void addGradient(Tensor w, Tensor grad) {
        Regularizer.addL1Gradient(l1, w, grad);
    }

    @Override
    public String kerasName() {
        return "l1";
    }

    /** Keras's spelling, e.g. {@code L1(l1=0.01)}. */
    @Override
    public String toString() {
        return "L1(l1=" + l1 + ")";
    }
}
