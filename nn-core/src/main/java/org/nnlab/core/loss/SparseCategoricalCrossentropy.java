package org.nnlab.core.loss;

import static org.nnlab.core.loss.CategoricalCrossentropy.insideClip;
import static org.nnlab.core.loss.CategoricalCrossentropy.logSumExp;
import static org.nnlab.core.loss.CategoricalCrossentropy.rowSum;

import java.util.Arrays;
import org.nnlab.core.layer.Activation;
import org.nnlab.core.tensor.Tensor;

/**
 * Categorical cross-entropy with integer class labels, Keras's {@code "sparse_categorical_crossentropy"}.
 *
 * <p>Targets are class indices c in [0, classes), shaped {@code (batch)} or {@code (batch, 1)} and
 * stored as whole doubles. The loss is {@link CategoricalCrossentropy}'s with the one-hot row of c as
 * target. On probabilities ({@link #compute}, Keras's {@code from_logits=False}) it is computed as
 * Keras 3 does: q = p / Σp, clipped to [ε, 1 − ε] with ε = {@value Loss#EPSILON},
 * per-example loss −log q_c, mean over the batch. With S the row sum and [q_c] the indicator that
 * q_c is inside the clipping range, ∂L/∂p_k = [q_c] (1 − δ_kc / q_c) / (S · batch).
 *
 * <p>After a {@link Activation#SOFTMAX} output the training loop works on the logits z, as tf.keras
 * does: the reported loss is {@link #computeFromLogits}, logsumexp(z) − z_c per example
 * (TensorFlow's {@code sparse_softmax_cross_entropy_with_logits}, never capped), and the gradient is
 * ∂L/∂z_k = (p_k − δ_kc) / batch. A label that is not a whole number in [0, classes) is rejected
 * with a message naming its row.
 */
public final class SparseCategoricalCrossentropy implements Loss {

    /** The loss; {@link Loss#SPARSE_CATEGORICAL_CROSSENTROPY} is a shared instance. */
    public SparseCategoricalCrossentropy() {
    }

    @Override
    public String kerasName() {
        return "sparse_categorical_crossentropy";
    }

    @Override
    public TargetKind targets() {
        return TargetKind.CLASS_INDICES;
    }

    @Override
    public double compute(Tensor predictions, Tensor targets) {
        // p:(batch,classes) c:(batch) → scalar;  L = −Σ_r log clip(p_rc / Σ_j p_rj) / batch
        requireLabelShape(predictions, targets);
        double[] p = InDouble.values(predictions);
        int batch = predictions.rows();
        int classes = predictions.rowSize();
        double total = 0;
        for (int r = 0; r < batch; r++) {
            int o = r * classes;
            int c = classIndex(targets, r, classes);
            double q = Math.min(Math.max(p[o + c] / rowSum(p, o, classes), EPSILON), 1 - EPSILON);
            total -= Math.log(q);
        }
        return total / batch;
    }

    @Override
    public Tensor gradient(Tensor predictions, Tensor targets) {
        // p:(batch,classes) c:(batch) → dp:(batch,classes);  dp_k = [q_c] (1 − δ_kc / q_c) / (S · batch)
        requireLabelShape(predictions, targets);
        double[] p = InDouble.values(predictions);
        int batch = predictions.rows();
        int classes = predictions.rowSize();
        Tensor grad = Tensor.zeros(predictions.shape());
        double[] g = grad.data();
        for (int r = 0; r < batch; r++) {
            int o = r * classes;
            int c = classIndex(targets, r, classes);
            double sum = rowSum(p, o, classes);
            double q = p[o + c] / sum;
            if (!insideClip(q)) {
                continue; // the clip is flat here: no gradient reaches this row
            }
            double scale = 1.0 / (sum * batch);
            for (int k = 0; k < classes; k++) {
                g[o + k] = scale;
            }
            g[o + c] = scale * (1 - 1 / q);
        }
        return InDouble.like(predictions, grad);
    }

    @Override
    public boolean fusesWith(Activation a) {
        return a == Activation.SOFTMAX;
    }

    @Override
    public double computeFromLogits(Tensor logits, Tensor targets) {
        // z:(batch,classes) c:(batch) → scalar;  L = Σ_r (logsumexp(z_r) − z_rc) / batch
        requireLabelShape(logits, targets);
        double[] z = InDouble.values(logits);
        int batch = logits.rows();
        int classes = logits.rowSize();
        double total = 0;
        for (int r = 0; r < batch; r++) {
            int o = r * classes;
            total += logSumExp(z, o, classes) - z[o + classIndex(targets, r, classes)];
        }
        return total / batch;
    }

    @Override
    public Tensor fusedGradient(Tensor predictions, Tensor targets) {
        // p:(batch,classes) c:(batch) → dz:(batch,classes);  dz_k = (p_k − [k = c]) / batch
        requireLabelShape(predictions, targets);
        double[] p = InDouble.values(predictions);
        int batch = predictions.rows();
        int classes = predictions.rowSize();
        Tensor grad = Tensor.zeros(predictions.shape());
        double[] g = grad.data();
        for (int r = 0; r < batch; r++) {
            int o = r * classes;
            int c = classIndex(targets, r, classes);
            for (int k = 0; k < classes; k++) {
                g[o + k] = p[o + k] / batch;
            }
            g[o + c] -= 1.0 / batch;
        }
        return InDouble.like(predictions, grad);
    }

    @Override
    public void checkOutput(Activation outputActivation, int[] outputShape, String where) {
        CategoricalCrossentropy.checkSoftmaxClasses(kerasName(), outputActivation, outputShape, where);
    }

    @Override
    public void validateTargets(Tensor targets, int[] outputShape) {
        int classes = Tensor.sizeOf(outputShape);
        if (!isLabelShape(targets)) {
            throw new IllegalArgumentException("Sparse labels must be one class index per example, shaped (batch)"
                    + " or (batch, 1), but got " + Arrays.toString(targets.shape()) + ". Hint: rows of"
                    + " one-hot or probability targets go with CategoricalCrossentropy.");
        }
        for (int r = 0; r < targets.rows(); r++) {
            classIndex(targets, r, classes);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SparseCategoricalCrossentropy;
    }

    @Override
    public int hashCode() {
        return SparseCategoricalCrossentropy.class.hashCode();
    }

    @Override
    public String toString() {
        return kerasName();
    }

    /**
     * The label of row {@code r} as an index into {@code classes} outputs.
     *
     * @throws IllegalArgumentException if it is not a whole number in [0, classes)
     */
    private static int classIndex(Tensor targets, int r, int classes) {
        double label = targets.get(r);
        if (!Double.isFinite(label) || label != Math.rint(label)) {
            throw new IllegalArgumentException("Label " + label + " at row " + r + " is not a whole class index."
                    + " Hint: sparse labels are integers 0.." + (classes - 1) + " (NaN usually means a missing"
                    + " value); for probability targets use CategoricalCrossentropy.");
        }
        if (label < 0 || label >= classes) {
            String hint = label < 0 ? "class indices start at 0."
                    : "the last Dense layer needs one unit per class; for labels 0-" + (long) maxLabel(targets)
                            + " use " + ((long) maxLabel(targets) + 1) + ".";
            throw new IllegalArgumentException("Label " + (long) label + " at row " + r + " is outside [0, " + classes
                    + ") for an output layer of " + classes + " units. Hint: " + hint);
        }
        return (int) label;
    }

    private static double maxLabel(Tensor targets) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : InDouble.values(targets)) {
            max = Math.max(max, v);
        }
        return max;
    }

    private static boolean isLabelShape(Tensor targets) {
        return targets.rank() == 1 || (targets.rank() == 2 && targets.dim(1) == 1);
    }

    private void requireLabelShape(Tensor predictions, Tensor targets) {
        if (predictions.rank() != 2 || !isLabelShape(targets) || targets.rows() != predictions.rows()) {
            throw new IllegalArgumentException(kerasName() + " needs predictions (batch, classes) and labels (batch)"
                    + " or (batch, 1) with the same batch, but got predictions " + Arrays.toString(predictions.shape())
                    + " and labels " + Arrays.toString(targets.shape()) + ".");
        }
    }
}
