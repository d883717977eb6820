package org.nnlab.core.loss;

import org.nnlab.core.layer.Activation;
import org.nnlab.core.tensor.Tensor;

/**
 * Binary cross-entropy, Keras's {@code "binary_crossentropy"}.
 *
 * <p>On probabilities ({@link #compute}, Keras's {@code from_logits=False}): each prediction p is
 * first clipped to [ε, 1 − ε] with ε = {@value Loss#EPSILON}, so that p = 0 or p = 1 exactly gives
 * a large but finite loss; then the per-value term is −[y · log p + (1 − y) · log(1 − p)], averaged
 * over the units of an example and then over the batch. Its derivative is
 * (p − y) / (p(1 − p)) / (batch · units) inside the clipping range and 0 outside (the clip is flat
 * there). Targets are in [0, 1]: labels 0 and 1, or probabilities, shaped like the outputs.
 *
 * <p>After a {@link Activation#SIGMOID} output the training loop works on the logit z instead, as
 * tf.keras does: the reported loss is {@link #computeFromLogits}, max(z, 0) − z·y + log(1 + e^−|z|)
 * per value (TensorFlow's {@code sigmoid_cross_entropy_with_logits}, exact and never capped), and the
 * gradient is ∂L/∂z = (p − y) / (batch · units): σ'(z) = p(1 − p) cancels the denominator exactly,
 * with no logarithm and no clipping to lose precision.
 */
public final class BinaryCrossentropy extends ElementwiseLoss {

    /** The loss; {@link Loss#BINARY_CROSSENTROPY} is a shared instance. */
    public BinaryCrossentropy() {
    }

    @Override
    public String kerasName() {
        return "binary_crossentropy";
    }

    @Override
    public TargetKind targets() {
        return TargetKind.PROBABILITIES;
    }

    @Override
    double term(double p, double y) {
        double c = Math.min(Math.max(p, EPSILON), 1 - EPSILON);
        return -(y * Math.log(c) + (1 - y) * Math.log(1 - c));
    }

    @Override
    double termDerivative(double p, double y) {
        if (p < EPSILON || p > 1 - EPSILON) {
            return 0.0;
        }
        return -y / p + (1 - y) / (1 - p);
    }

    @Override
    public boolean fusesWith(Activation a) {
        return a == Activation.SIGMOID;
    }

    @Override
    public double computeFromLogits(Tensor logits, Tensor targets) {
        // z:(batch,units) y:(batch,units) → scalar;  L = Σ [max(z, 0) − z·y + log(1 + e^−|z|)] / (batch · units)
        Targets.requireAligned(kerasName(), logits, targets);
        double[] z = InDouble.values(logits);
        double[] y = InDouble.values(targets);
        double sum = 0;
        for (int i = 0; i < z.length; i++) {
            sum += Math.max(z[i], 0) - z[i] * y[i] + Math.log1p(Math.exp(-Math.abs(z[i])));
        }
        return sum / z.length;
    }

    @Override
    public Tensor fusedGradient(Tensor predictions, Tensor targets) {
        // p:(batch,units) y:(batch,units) → dz:(batch,units);  dz = (p − y) / (batch · units)
        Targets.requireAligned(kerasName(), predictions, targets);
        double[] p = InDouble.values(predictions);
        double[] y = InDouble.values(targets);
        Tensor grad = Tensor.zeros(predictions.shape());
        double[] g = grad.data();
        double scale = 1.0 / p.length;
        for (int i = 0; i < p.length; i++) {
            g[i] = (p[i] - y[i]) * scale;
        }
        return InDouble.like(predictions, grad);
    }

    @Override
    public void checkOutput(Activation outputActivation, int[] outputShape, String where) {
        if (outputActivation != Activation.SIGMOID) {
            throw new IllegalArgumentException(kerasName() + " expects probabilities from a sigmoid output, but the"
                    + " output layer, " + where + ", ends in " + outputActivation.kerasName()
                    + (outputActivation == Activation.SOFTMAX
                            ? ". Softmax makes the units compete (they sum to 1), binary cross-entropy scores each"
                                    + " unit as its own yes/no probability." : ".")
                    + " Hint: for a yes/no label use one sigmoid unit, Dense(1, SIGMOID), with binary cross-entropy;"
                    + " for one class among several keep softmax and use sparse categorical cross-entropy (integer"
                    + " labels).");
        }
    }

    @Override
    public void validateTargets(Tensor targets, int[] outputShape) {
        Targets.requireWidth("Binary targets", targets, outputShape,
                "Hint: binary cross-entropy wants one sigmoid unit per yes/no question; for one label out of"
                        + " several classes use SparseCategoricalCrossentropy with a softmax output.");
        Targets.requireFinite(kerasName(), targets);
        double[] y = InDouble.values(targets);
        int w = Math.max(1, targets.rowSize());
        for (int i = 0; i < y.length; i++) {
            if (y[i] < 0 || y[i] > 1) {
                throw new IllegalArgumentException("Binary cross-entropy target " + y[i] + " at row " + i / w
                        + ", column " + i % w + " is outside [0, 1]. Hint: binary targets are 0 or 1 (or a"
                        + " probability between); for class labels 0..k-1 use SparseCategoricalCrossentropy"
                        + " with a softmax output of k units.");
            }
        }
    }
}
