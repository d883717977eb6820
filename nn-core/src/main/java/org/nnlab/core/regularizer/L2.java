package org.nnlab.core.regularizer;

import org.nnlab.core.internal.Checks;
import org.nnlab.core.tensor.Tensor;

/**
 * The L2 penalty l2·Σw², "weight decay" added to the loss: Keras's {@code keras.regularizers.L2}.
 *
 * <p>Its gradient is 2·l2·w. Keras's default factor is {@value #DEFAULT_L2}. Unlike an optimizer's
 * decoupled {@code weightDecay}, this penalty passes through the optimizer's scaling (Adam divides
 * it by √v), as Loshchilov and Hutter point out.
 *
 * @param l2 the factor, finite and ≥ 0
 */
public record L2(double l2) implements Regularizer {
    /** Keras's default factor, {@code L2()} or {@code kernel_regularizer="l2"}. */
    public static final double DEFAULT_L2 = 0.01;

    /** @throws IllegalArgumentException if {@code l2} is negative, NaN or infinite */
    public L2 {
        Checks.nonNegative("L2 l2", l2, "it is the factor of sum(w²) in the loss; Keras uses " + DEFAULT_L2 + ".");
    }

    /** Keras's {@code L2()}: l2 = {@value #DEFAULT_L2}. */
    public L2() {
        this(DEFAULT_L2);
    }

    @Override
    public double penalty(Tensor w) {
        return l2 * w.sumOfSquares();
    }

    @Override
    public void addGradient(Tensor w, Tensor grad) {
        Regularizer.addL2Gradient(l2, w, grad);
    }

    @Override
    public String kerasName() {
        return "l2";
    }

    /** Keras's spelling, e.g. {@code L2(l2=0.01)}. */
    @Override
    public String toString() {
        return "L2(l2=" + l2 + ")";
    }
}
