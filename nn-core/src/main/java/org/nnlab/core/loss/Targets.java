package org.nnlab.core.loss;

import java.util.Arrays;
import org.nnlab.core.tensor.Tensor;

/**
 * The checks every loss makes of its targets, with messages that say which row is wrong and why.
 *
 * <p>Targets are row-aligned with the predictions: row {@code r} of the targets is the answer for
 * row {@code r} of the batch. A loss whose targets are one value per output unit (all but the sparse
 * one) accepts targets shaped like the predictions, or {@code (batch)} when the output has one unit,
 * as Keras does when it squeezes {@code (batch, 1)} to {@code (batch)}.
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
        boolean sameRows = predictions.rank() > 0 && targets.rank() > 0 && targets.rows() == predictions.rows();
        boolean sameShape = sameRows && sameTrailingShape(predictions, targets);
        boolean squeezed = sameRows && targets.rank() == 1 && predictions.rank() == 2 && predictions.dim(1) == 1;
        if (!sameShape && !squeezed) {
            throw new IllegalArgumentException(lossName + " needs targets shaped like the predictions but got targets "
                    + Arrays.toString(targets.shape()) + " for predictions " + Arrays.toString(predictions.shape())
                    + ". Hint: row r of the targets is the answer for row r of the batch.");
        }
    }

    /**
     * Checks targets against a model's output shape (one example) for a loss with one target per unit.
     *
     * @param kind describes the targets in the message, e.g. {@code "one-hot targets"}
     * @param hint appended when the width is wrong
     */
    static void requireWidth(String kind, Tensor targets, int[] outputShape, String hint) {
        int units = Tensor.sizeOf(outputShape);
        int width = targets.rank() <= 1 ? 1 : targets.rowSize();
        boolean shapeFits = targets.rank() >= 1 && (targets.rank() == 1 ? units == 1
                : Arrays.equals(Arrays.copyOfRange(targets.shape(), 1, targets.rank()), outputShape));
        if (!shapeFits) {
            String unitsText = units + (units == 1 ? " unit" : " units");
            String widthText = width == units
                    ? " shaped " + Arrays.toString(targets.shape()) + " but the output layer gives "
                            + Tensor.describeShape(outputShape)
                    : " of width " + width + " but the output layer has " + unitsText;
            throw new IllegalArgumentException(kind + widthText + ". " + hint);
        }
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

    private static boolean sameTrailingShape(Tensor a, Tensor b) {
        if (a.rank() != b.rank()) {
            return false;
        }
        for (int d = 1; d < a.rank(); d++) {
            if (a.dim(d) != b.dim(d)) {
                return false;
            }
        }
        return true;
    }
}
