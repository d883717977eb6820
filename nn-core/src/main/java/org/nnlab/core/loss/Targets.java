package org.nnlab.core.loss;

import java.util.Arrays;
import org.nnlab.core.tensor.Tensor;

/**
 * The checks every loss makes of its targets, with messages that say which row is wrong and why.
 *
 * <p>Targets are row-aligned with the predictions: row {@code r} of the targets is the answer for
 * row {@code r} of the batch. A loss whose targets are one value per output unit (all but the sparse
 * one) takes targets shaped exactly like the predictions: {@code (batch)} targets for a
 * {@code (batch, 1)} output are refused with both shapes, as a reshape the user should make on
 * purpose, not one the library guesses.
 */
final class Targets {
    private Targets() {
    }

    /**
     * Checks {@code targets} hold one value per output unit for each example of {@code predictions}.
     *
     * @throws IllegalArgumentException naming both shapes
     */
    static void requireAligned(String lossName, Tensor predictions, Tensor targets) {
        if (!Arrays.equals(predictions.shape(), targets.shape())) {
            throw new IllegalArgumentException(lossName + " needs targets shaped like the predictions but got targets "
                    + Arrays.toString(targets.shape()) + " for predictions " + Arrays.toString(predictions.shape())
                    + ". Hint: row r of the targets is the answer for row r of the batch"
                    + reshapeHint(targets, predictions.shape()) + ".");
        }
    }

    /**
     * Checks targets against a model's output shape (one example) for a loss with one target per unit.
     *
     * @param kind describes the targets in the message, e.g. {@code "One-hot targets"}
     * @param hint appended when the width is wrong
     */
    static void requireWidth(String kind, Tensor targets, int[] outputShape, String hint) {
        int units = Tensor.sizeOf(outputShape);
        boolean shapeFits = targets.rank() >= 2
                && Arrays.equals(Arrays.copyOfRange(targets.shape(), 1, targets.rank()), outputShape);
        if (shapeFits) {
            return;
        }
        int[] expected = Tensor.withBatch(targets.rank() == 0 ? 0 : targets.rows(), outputShape);
        if (targets.rank() >= 1 && targets.size() == Tensor.sizeOf(expected)) {
            throw new IllegalArgumentException(kind + " have shape " + Arrays.toString(targets.shape())
                    + " but the output layer gives " + Tensor.describeShape(outputShape) + ", so they must be "
                    + Arrays.toString(expected) + ". Hint: the values are all there" + reshapeHint(targets, expected)
                    + "; nnlab does not reshape targets for you, as a wrong guess would train silently on the wrong"
                    + " pairs.");
        }
        int width = targets.rank() <= 1 ? 1 : targets.rowSize();
        String unitsText = units + (units == 1 ? " unit" : " units");
        throw new IllegalArgumentException(kind + " of width " + width + " but the output layer has " + unitsText
                + ". " + hint);
    }

    /** The checks of the regression losses: targets shaped like the outputs, all finite. */
    static void requireRegressionTargets(String lossName, Tensor targets, int[] outputShape) {
        requireWidth("Targets", targets, outputShape,
                "Hint: regression targets need one value per output unit; match the last Dense layer's units"
                        + " to the number of values you predict.");
        requireFinite(lossName, targets);
    }

    /** Checks every target is a finite number. */
    static void requireFinite(String lossName, Tensor targets) {
        int bad = targets.firstNonFinite();
        if (bad >= 0) {
            int w = Math.max(1, targets.rowSize());
            throw new IllegalArgumentException("Target " + targets.get(bad) + " at row " + bad / w + ", column "
                    + bad % w + " is not a finite number; " + lossName + " needs finite targets."
                    + " Hint: look for missing values (NaN) or a division by zero in the data preparation.");
        }
    }

    /** ", e.g. y.reshape(4, 1)" when {@code targets} hold exactly the values of {@code shape}, else "". */
    private static String reshapeHint(Tensor targets, int[] shape) {
        if (targets.size() != Tensor.sizeOf(shape) || shape.length == 0) {
            return "";
        }
        StringBuilder dims = new StringBuilder();
        for (int d : shape) {
            dims.append(dims.length() == 0 ? "" : ", ").append(d);
        }
        return ": reshape them, e.g. y.reshape(" + dims + ")";
    }
}
