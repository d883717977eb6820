package org.nnlab.core.loss;

import org.nnlab.core.layer.Activation;
import org.nnlab.core.tensor.Tensor;

/**
 * Categorical cross-entropy, Keras's {@code "categorical_crossentropy"}.
 *
 * <p>Targets are one-hot rows or soft (probability) rows. On probabilities ({@link #compute},
 * Keras's {@code from_logits=False}), exactly as Keras 3 computes it: each row of predictions is first divided by its sum,
 * q = p / Σp, then clipped to [ε, 1 − ε] with ε = {@value Loss#EPSILON}, and the per-example loss is
 * −Σ_k y_k · log q_k; the loss is the mean over the batch (a sum over classes, not a mean). With S
 * the row sum and [·] the indicator that q_k is inside the clipping range, the derivative is
 * ∂L/∂p_k = −(1/S) · (y_k [q_k] / q_k − Σ_j y_j [q_j]) / batch. A prediction of exactly 0 for the
 * true class gives the finite loss −log ε ≈ 16.12. A row summing to 0 gives NaN.
 *
 * <p>After a {@link Activation#SOFTMAX} output the training loop works on the logits z instead, as
 * tf.keras does: the reported loss is {@link #computeFromLogits}, Σ_k y_k (logsumexp(z) − z_k) per
 * example (TensorFlow's {@code softmax_cross_entropy_with_logits}, never capped), and the gradient
 * is ∂L/∂z_k = (p_k · Σ_j y_j − y_k) / batch, which is (p − y) / batch for targets that sum to 1. It
 * is exact and needs no logarithm.
 */
public final class CategoricalCrossentropy implements Loss {

    /** The loss; {@link Loss#CATEGORICAL_CROSSENTROPY} is a shared instance. */
    public CategoricalCrossentropy() {
    }

    @Override
    public String kerasName() {
        return "categorical_crossentropy";
    }

    @Override
    public TargetKind targets() {
        return TargetKind.CLASS_PROBABILITIES;
    }

    @Override
    public double compute(Tensor predictions, Tensor targets) {
        // p:(batch,classes) y:(batch,classes) → scalar;  L = −Σ_r Σ_k y_rk log clip(p_rk / Σ_j p_rj) / batch
        Targets.requireAligned(kerasName(), predictions, targets);
        double[] p = InDouble.values(predictions);
        double[] y = InDouble.values(targets);
        int batch = predictions.rows();
        int classes = predictions.rowSize();
        double total = 0;
        for (int r = 0; r < batch; r++) {
            int o = r * classes;
            double sum = rowSum(p, o, classes);
            for (int k = 0; k < classes; k++) {
                double q = Math.min(Math.max(p[o + k] / sum, EPSILON), 1 - EPSILON);
                total -= y[o + k] * Math.log(q);
            }
        }
        return total / batch;
    }

    @Override
    public Tensor gradient(Tensor predictions, Tensor targets) {
        // p:(batch,classes) y:(batch,classes) → dp:(batch,classes);
        // dp_k = −(y_k[q_k]/q_k − Σ_j y_j[q_j]) / (S · batch), S the row sum, q = p / S
        Targets.requireAligned(kerasName(), predictions, targets);
        double[] p = InDouble.values(predictions);
        double[] y = InDouble.values(targets);
        int batch = predictions.rows();
        int classes = predictions.rowSize();
        Tensor grad = Tensor.zeros(predictions.shape());
        double[] g = grad.data();
        for (int r = 0; r < batch; r++) {
            int o = r * classes;
            double sum = rowSum(p, o, classes);
            // Σ_j y_j [q_j]: the part of the target mass whose prediction is not clipped
            double unclippedMass = 0;
            for (int k = 0; k < classes; k++) {
                unclippedMass += insideClip(p[o + k] / sum) ? y[o + k] : 0.0;
            }
            double scale = -1.0 / (sum * batch);
            for (int k = 0; k < classes; k++) {
                double q = p[o + k] / sum;
                double own = insideClip(q) ? y[o + k] / q : 0.0;
                g[o + k] = scale * (own - unclippedMass);
            }
        }
        return InDouble.like(predictions, grad);
    }

    @Override
    public boolean fusesWith(Activation a) {
        return a == Activation.SOFTMAX;
    }

    @Override
    public double computeFromLogits(Tensor logits, Tensor targets) {
        // z:(batch,classes) y:(batch,classes) → scalar;  L = Σ_r Σ_k y_rk (logsumexp(z_r) − z_rk) / batch
        Targets.requireAligned(kerasName(), logits, targets);
        double[] z = InDouble.values(logits);
        double[] y = InDouble.values(targets);
        int batch = logits.rows();
        int classes = logits.rowSize();
        double total = 0;
        for (int r = 0; r < batch; r++) {
            int o = r * classes;
            double lse = logSumExp(z, o, classes);
            for (int k = 0; k < classes; k++) {
                total += y[o + k] * (lse - z[o + k]);
            }
        }
        return total / batch;
    }

    @Override
    public Tensor fusedGradient(Tensor predictions, Tensor targets) {
        // p:(batch,classes) y:(batch,classes) → dz:(batch,classes);  dz_k = (p_k · Σ_j y_j − y_k) / batch
        Targets.requireAligned(kerasName(), predictions, targets);
        double[] p = InDouble.values(predictions);
        double[] y = InDouble.values(targets);
        int batch = predictions.rows();
        int classes = predictions.rowSize();
        Tensor grad = Tensor.zeros(predictions.shape());
        double[] g = grad.data();
        for (int r = 0; r < batch; r++) {
            int o = r * classes;
            double mass = rowSum(y, o, classes);
            for (int k = 0; k < classes; k++) {
                g[o + k] = (p[o + k] * mass - y[o + k]) / batch;
            }
        }
        return InDouble.like(predictions, grad);
    }

    @Override
    public void checkOutput(Activation outputActivation, int[] outputShape, String where) {
        checkSoftmaxClasses(kerasName(), outputActivation, outputShape, where);
    }

    @Override
    public void validateTargets(Tensor targets, int[] outputShape) {
        int units = Tensor.sizeOf(outputShape);
        String hint = targets.rank() == 1 || (targets.rank() == 2 && targets.dim(1) == 1)
                ? "Hint: these look like class indices; use SparseCategoricalCrossentropy, or one-hot encode"
                        + " them to width " + units + "."
                : "Hint: the last Dense layer needs one unit per class, and each target row one value per class.";
        Targets.requireWidth("One-hot targets", targets, outputShape, hint);
        Targets.requireFinite(kerasName(), targets);
        double[] y = InDouble.values(targets);
        for (int i = 0; i < y.length; i++) {
            if (y[i] < 0 || y[i] > 1) {
                throw new IllegalArgumentException("One-hot target " + y[i] + " at row " + i / units + ", column "
                        + i % units + " is outside [0, 1]. Hint: a one-hot row is all zeros with a single 1 at the"
                        + " true class (or probabilities summing to 1); for class indices use"
                        + " SparseCategoricalCrossentropy.");
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CategoricalCrossentropy;
    }

    @Override
    public int hashCode() {
        return CategoricalCrossentropy.class.hashCode();
    }

    @Override
    public String toString() {
        return kerasName();
    }

    /**
     * The output rule of both categorical losses: a softmax over one unit per class, at least two.
     *
     * @throws IllegalArgumentException naming the output layer and the fix
     */
    static void checkSoftmaxClasses(String lossName, Activation activation, int[] outputShape, String where) {
        String output = "the output layer, " + where + ",";
        if (outputShape.length != 1 || outputShape[0] < 2) {
            throw new IllegalArgumentException(lossName + " needs one output unit per class (at least 2), but "
                    + output + " outputs " + Tensor.describeShape(outputShape) + ". A single unit cannot hold a"
                    + " probability per class (softmax over one unit is always 1). Hint: give the last Dense layer"
                    + " one softmax unit per class, e.g. Dense(10, SOFTMAX) for digits; for two classes Dense(1,"
                    + " SIGMOID) with binary cross-entropy also works.");
        }
        if (activation != Activation.SOFTMAX) {
            throw new IllegalArgumentException(lossName + " expects a softmax output (one probability per class,"
                    + " summing to 1), but " + output + " ends in " + activation.kerasName() + ". Hint: use Dense("
                    + outputShape[0] + ", SOFTMAX) as the output layer"
                    + (activation == Activation.SIGMOID ? "; a sigmoid output goes with binary cross-entropy." : "."));
        }
    }

    /** log Σ_k e^{z_k} over {@code z[offset .. offset + length)}, computed as max + log Σ e^{z_k − max}. */
    static double logSumExp(double[] z, int offset, int length) {
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < length; k++) {
            max = Math.max(max, z[offset + k]);
        }
        double sum = 0;
        for (int k = 0; k < length; k++) {
            sum += Math.exp(z[offset + k] - max);
        }
        return max + Math.log(sum);
    }

    static double rowSum(double[] values, int offset, int length) {
        double s = 0;
        for (int k = 0; k < length; k++) {
            s += values[offset + k];
        }
        return s;
    }

    /** Whether clipping to [ε, 1 − ε] leaves q unchanged, so its derivative passes through. */
    static boolean insideClip(double q) {
        return q >= EPSILON && q <= 1 - EPSILON;
    }
}
