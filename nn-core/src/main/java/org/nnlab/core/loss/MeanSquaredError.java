package org.nnlab.core.loss;

import org.nnlab.core.tensor.Tensor;

/**
 * Mean squared error, Keras's {@code "mean_squared_error"}: the mean of (p − y)².
 *
 * <p>Per example the mean over units of (p − y)², then the mean over the batch; the derivative is
 * 2(p − y) / (batch · units). Targets are real numbers shaped like the outputs. NaN predictions give
 * a NaN loss, which the training loop reports.
 */
public final class MeanSquaredError extends ElementwiseLoss {

    /** The loss; {@link Loss#MEAN_SQUARED_ERROR} is a shared instance. */
    public MeanSquaredError() {
    }

    @Override
    public String kerasName() {
        return "mean_squared_error";
    }

    @Override
    public TargetKind targets() {
        return TargetKind.VALUES;
    }

    @Override
    double term(double p, double y) {
        double d = p - y;
        return d * d;
    }

    @Override
    double termDerivative(double p, double y) {
        return 2 * (p - y);
    }

    @Override
    public void validateTargets(Tensor targets, int[] outputShape) {
        Targets.requireRegressionTargets(kerasName(), targets, outputShape);
    }
}
