package org.nnlab.dsl.spec;

import com.fasterxml.jackson.annotation.JsonValue;
import org.nnlab.core.layer.Activation;
import org.nnlab.core.loss.Loss;
import org.nnlab.core.tensor.Tensor;

/**
 * The training objectives of the lecture, named as Keras names them.
 *
 * <p>Besides naming the loss, each kind knows what output layer it needs and what targets it
 * accepts, so a mismatch is reported before training starts rather than as a loss that never
 * falls. The cross-entropies take probabilities: binary cross-entropy after a sigmoid,
 * the categorical ones after a softmax with one unit per class.
 */
public enum LossKind {
    /** Mean of (y − ŷ)²; for regression. Targets shaped like the output. */
    MEAN_SQUARED_ERROR("mean_squared_error"),
    /** Mean of |y − ŷ|; for regression robust to outliers. Targets shaped like the output. */
    MEAN_ABSOLUTE_ERROR("mean_absolute_error"),
    /** −[y log p + (1 − y) log(1 − p)] per unit; targets in [0, 1] after a sigmoid output. */
    BINARY_CROSSENTROPY("binary_crossentropy"),
    /** −Σ y_k log p_k with one-hot targets, after a softmax output. */
    CATEGORICAL_CROSSENTROPY("categorical_crossentropy"),
    /** −log p_label with integer class labels in [0, classes), after a softmax output. */
    SPARSE_CATEGORICAL_CROSSENTROPY("sparse_categorical_crossentropy");

    private final String kerasName;

    LossKind(String kerasName) {
        this.kerasName = kerasName;
    }

    /** The Keras name, used in JSON, e.g. {@code "sparse_categorical_crossentropy"}. */
    @JsonValue
    public String kerasName() {
        return kerasName;
    }

    /** The shared nn-core loss of this kind. */
    public Loss toLoss() {
        return switch (this) {
            case MEAN_SQUARED_ERROR -> Loss.MEAN_SQUARED_ERROR;
            case MEAN_ABSOLUTE_ERROR -> Loss.MEAN_ABSOLUTE_ERROR;
            case BINARY_CROSSENTROPY -> Loss.BINARY_CROSSENTROPY;
            case CATEGORICAL_CROSSENTROPY -> Loss.CATEGORICAL_CROSSENTROPY;
            case SPARSE_CATEGORICAL_CROSSENTROPY -> Loss.SPARSE_CATEGORICAL_CROSSENTROPY;
        };
    }

    /** Whether this is one of the two losses over several classes. */
    public boolean isCategorical() {
        return this == CATEGORICAL_CROSSENTROPY || this == SPARSE_CATEGORICAL_CROSSENTROPY;
    }

    /**
     * Checks that the model's output layer suits this loss.
     *
     * @param output the last layer's row
     * @param activation the activation the output passes through last
     * @throws IllegalArgumentException naming the output layer, what it has, what the loss needs, and a fix
     */
    public void checkOutput(LayerRow output, Activation activation) {
        String where = "the output layer, " + output.where() + ",";
        String act = activation.kerasName();
        if (this == BINARY_CROSSENTROPY && activation != Activation.SIGMOID) {
            throw new IllegalArgumentException(name() + " expects probabilities from a sigmoid output, but " + where
                    + " ends in " + act + (activation == Activation.SOFTMAX
                            ? ". Softmax makes the units compete (they sum to 1), binary cross-entropy scores each"
                                    + " unit as its own yes/no probability." : ".")
                    + " Hint: for a yes/no label use dense(1, SIGMOID) with BINARY_CROSSENTROPY; for one class among"
                    + " several keep softmax and use SPARSE_CATEGORICAL_CROSSENTROPY (integer labels).");
        }
        if (!isCategorical()) {
            return;
        }
        if (output.outputShape().rank() != 1 || output.outputShape().last() == 1) {
            throw new IllegalArgumentException(name() + " needs one output unit per class, but " + where
                    + " outputs " + output.outputShape() + ". A single unit cannot hold a probability per class"
                    + " (softmax over one unit is always 1). Hint: use dense(classes, SOFTMAX), e.g. dense(10, SOFTMAX)"
                    + " for digits; for two classes dense(1, SIGMOID) with BINARY_CROSSENTROPY also works.");
        }
        if (activation != Activation.SOFTMAX) {
            throw new IllegalArgumentException(name() + " expects a softmax output (one probability per class,"
                    + " summing to 1), but " + where + " ends in " + act + "."
                    + " Hint: use dense(" + output.outputShape().last() + ", SOFTMAX) as the output layer"
                    + (activation == Activation.SIGMOID
                            ? "; a sigmoid output goes with BINARY_CROSSENTROPY." : "."));
        }
    }

    /**
     * Checks training targets against the output layer before fitting.
     *
     * @param targets {@code (examples, …)}: class indices for the sparse loss, otherwise shaped like the output
     * @param output the last layer's row
     * @throws IllegalArgumentException naming the row and value that do not fit, and why
     */
    public void checkTargets(Tensor targets, LayerRow output) {
        int[] s = targets.shape();
        int n = s.length == 0 ? 0 : s[0];
        int perRow = n == 0 ? 0 : targets.size() / n;
        double[] y = targets.data();
        long units = output.outputShape().size();
        if (this == SPARSE_CATEGORICAL_CROSSENTROPY) {
            if (s.length < 1 || s.length > 2 || perRow != 1) {
                throw new IllegalArgumentException(name() + " takes one integer class label per example, shape"
                        + " (examples) or (examples, 1), but the targets have shape " + java.util.Arrays.toString(s)
                        + ". Hint: for one-hot targets use CATEGORICAL_CROSSENTROPY.");
            }
            for (int i = 0; i < n; i++) {
                double label = y[i];
                if (label != Math.rint(label) || label < 0 || label >= units) {
                    throw new IllegalArgumentException("Label " + formatLabel(label) + " in row " + i
                            + " does not fit " + output.where() + ", which has " + units + " units, one per class:"
                            + " labels must be integers in [0, " + units + "). Hint: the output layer needs as many"
                            + " units as there are classes, e.g. dense(10, SOFTMAX) for the digits 0–9.");
                }
            }
            return;
        }
        if (s.length < 1 || perRow != units) {
            throw new IllegalArgumentException(name() + " needs targets shaped like the output " + output.outputShape()
                    + ", but the targets have shape " + java.util.Arrays.toString(s) + " (" + perRow + " values per row)."
                    + (this == CATEGORICAL_CROSSENTROPY
                            ? " Hint: one-hot targets have one column per class; for integer labels use"
                                    + " SPARSE_CATEGORICAL_CROSSENTROPY."
                            : " Hint: row i of the targets is the wanted output for row i of the inputs."));
        }
        if (this == BINARY_CROSSENTROPY || this == CATEGORICAL_CROSSENTROPY) {
            for (int i = 0; i < y.length; i++) {
                if (!(y[i] >= 0 && y[i] <= 1)) {
                    throw new IllegalArgumentException(name() + " needs targets in [0, 1], but row " + (i / perRow)
                            + " holds " + y[i] + ". Hint: targets are probabilities (0 or 1 for a label).");
                }
            }
        }
    }

    private static String formatLabel(double label) {
        return label == Math.rint(label) && Math.abs(label) < 1e15 ? Long.toString((long) label) : Double.toString(label);
    }
}
