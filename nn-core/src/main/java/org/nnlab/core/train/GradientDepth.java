package org.nnlab.core.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.nnlab.core.layer.Dense;
import org.nnlab.core.layer.Layer;

/**
 * The mean ‖∂L/∂W‖ of each Dense kernel over sampled batches, and what their first-to-last ratio
 * says: the vanishing- and exploding-gradient check of {@link TrainingMonitor}.
 */
final class GradientDepth {
    /** Fewer Dense layers than this are too shallow for gradients to vanish or explode across depth. */
    static final int MIN_DEPTH = 3;

    private final List<Dense> dense = new ArrayList<>();
    private final double[] sums;
    private int batches;

    GradientDepth(List<Layer> layers) {
        for (Layer layer : layers) {
            if (layer instanceof Dense d) {
                dense.add(d);
            }
        }
        sums = new double[dense.size()];
    }

    void reset() {
        Arrays.fill(sums, 0);
        batches = 0;
    }

    /** Adds this batch's kernel-gradient norms. */
    void observe() {
        for (int i = 0; i < dense.size(); i++) {
            sums[i] += Math.sqrt(dense.get(i).kernel().grad().sumOfSquares());
        }
        batches++;
    }

    /** The finding the ratio makes at the end of {@code epoch}, or null. */
    Finding check(int epoch) {
        if (dense.size() < MIN_DEPTH || batches == 0) {
            return null;
        }
        double first = sums[0] / batches;
        double last = sums[dense.size() - 1] / batches;
        if (!(last > 0) || !Double.isFinite(first)) {
            return null;
        }
        double ratio = first / last;
        String between = " (" + dense.get(0).name() + " against " + dense.get(dense.size() - 1).name()
                + ", mean ‖∂L/∂W‖ " + TrainingMonitor.format(first) + " and " + TrainingMonitor.format(last) + ")";
        if (ratio < TrainingMonitor.VANISHING_RATIO) {
            return new Finding(Finding.Kind.VANISHING_GRADIENTS, epoch, null, "the first layer's gradients are "
                    + TrainingMonitor.format(ratio) + " of the last's" + between);
        }
        if (ratio > TrainingMonitor.EXPLODING_RATIO) {
            return new Finding(Finding.Kind.EXPLODING_GRADIENTS, epoch, null, "the first layer's gradients are "
                    + TrainingMonitor.format(ratio) + " times the last's" + between);
        }
        return null;
    }
}
