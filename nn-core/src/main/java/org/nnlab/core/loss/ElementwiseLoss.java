package org.nnlab.core.loss;

import org.nnlab.core.layer.Activation;
import org.nnlab.core.tensor.Tensor;

/**
 * A loss that is the mean over every unit of every example of one per-value term ℓ(p, y).
 *
 * <p>Keras takes the mean over the units of each example and then over the batch; with the same
 * number of units per example that is the mean over all {@code batch · units} values, so
 * ∂L/∂p = ℓ'(p, y) / (batch · units). Subclasses give ℓ and ℓ' side by side.
 */
abstract sealed class ElementwiseLoss implements Loss permits MeanSquaredError, MeanAbsoluteError, BinaryCrossentropy {

    /** The per-value term ℓ(p, y). */
    abstract double term(double p, double y);

    /** ∂ℓ/∂p at (p, y). */
    abstract double termDerivative(double p, double y);

    @Override
    public double compute(Tensor predictions, Tensor targets) {
        // p:(batch,units) y:(batch,units) → scalar;  L = Σ ℓ(p, y) / (batch · units)
        Targets.requireAligned(kerasName(), predictions, targets);
        double[] p = InDouble.values(predictions);
        double[] y = InDouble.values(targets);
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            sum += term(p[i], y[i]);
        }
        return sum / p.length;
    }

    @Override
    public Tensor gradient(Tensor predictions, Tensor targets) {
        // p:(batch,units) y:(batch,units) → dp:(batch,units);  dp = ℓ'(p, y) / (batch · units)
        Targets.requireAligned(kerasName(), predictions, targets);
        double[] p = InDouble.values(predictions);
        double[] y = InDouble.values(targets);
        Tensor grad = Tensor.zeros(predictions.shape());
        double[] g = grad.data();
        double scale = 1.0 / p.length;
        for (int i = 0; i < p.length; i++) {
            g[i] = termDerivative(p[i], y[i]) * scale;
        }
        return InDouble.like(predictions, grad);
    }

    /** Regression losses take any output; binary cross-entropy overrides this. */
    @Override
    public void checkOutput(Activation outputActivation, int[] outputShape, String where) {
        // Any output can be compared with real-valued targets.
    }

    @Override
    public boolean equals(Object o) {
        return o != null && o.getClass() == getClass();
    }

    @Override
    public int hashCode() {
        return getClass().hashCode();
    }

    @Override
    public String toString() {
        return kerasName();
    }
}
