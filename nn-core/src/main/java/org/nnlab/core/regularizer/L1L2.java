package org.nnlab.core.regularizer;

import org.nnlab.core.internal.Checks;
import org.nnlab.core.tensor.Tensor;

/**
 * Both penalties, l1·Σ|w| + l2·Σw²: Keras's {@code keras.regularizers.L1L2}.
 *
 * <p>As in Keras, a term whose factor is 0 is not computed. Its gradient is l1·sign(w) + 2·l2·w.
 * Keras's class defaults both factors to 0 (no penalty), so nnlab asks for both.
 *
 * @param l1 the factor of Σ|w|, finite and ≥ 0
 * @param l2 the factor of Σw², finite and ≥ 0
 */
public record L1L2(double l1, double l2) implements Regularizer {

    /** @throws IllegalArgumentException if a factor is negative, NaN or infinite */
    public L1L2 {
        Checks.nonNegative("L1L2 l1", l1, "it is the factor of sum(|w|) in the loss; " + L1.DEFAULT_L1
                + " is usual, 0 leaves the term out.");
        Checks.nonNegative("L1L2 l2", l2, "it is the factor of sum(w²) in the loss; " + L2.DEFAULT_L2
                + " is usual, 0 leaves the term out.");
    }

    @Override
    public double penalty(Tensor w) {
        double regularization = 0;
        if (l1 != 0) {
            regularization += l1 * w.sumOfAbsolutes();
        }
        if (l2 != 0) {
            regularization += l2 * w.sumOfSquares();
        }
        return regularization;
    }

    @Override
    public void addGradient(Tensor w, Tensor grad) {
        if (l1 != 0) {
            Regularizer.addL1Gradient(l1, w, grad);
        }
        if (l2 != 0) {
            Regularizer.addL2Gradient(l2, w, grad);
        }
    }

    @Override
    public String kerasName() {
        return "l1_l2";
    }

    /** Keras's spelling, e.g. {@code L1L2(l1=0.01, l2=0.01)}. */
    @Override
    public String toString() {
        return "L1L2(l1=" + l1 + ", l2=" + l2 + ")";
    }
}
