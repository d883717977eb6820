package org.nnlab.core.loss;

import org.nnlab.core.tensor.Tensor;

/**
 * Mean absolute error, Keras's {@code "mean_absolute_error"}: the mean of |p − y|.
 *
 * <p>Per example the mean over units of |p − y|, then the mean over the batch; the derivative is
 * sign(p − y) / (batch · units). |x| has no derivative at 0; there it is taken as 0 (the
 * subgradient that TensorFlow, JAX and PyTorch also use), so a prediction exactly on its target
 * stays put. Targets are real numbers shaped like the outputs.
 */
public final class MeanAbsoluteError extends ElementwiseLoss {

    /** The loss; {@link Loss#MEAN_ABSOLUTE_ERROR} is a shared instance. */
    public MeanAbsoluteError() {
    }

    @Override
    public String kerasName() {
        return "mean_absolute_error";
    }

    @Override
    public TargetKind targets() {
        return TargetKind.VALUES;
    }

    @Override
    double term(double p, double y) {
        return Math.abs(p - y);
    }

    @Override
    double termDerivative(double p, double y) {
        // Math.signum(0) is 0: the chosen derivative at the kink.
        return Math.signum(p - y);
    }

    @Override
    public void validateTargets(Tensor targets, int[] outputShape) {
        Targets.requireRegressionTargets(kerasName(), targets, outputShape);
    }
}
