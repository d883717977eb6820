package org.nnlab.core.train;

import org.nnlab.core.loss.BinaryCrossentropy;
import org.nnlab.core.loss.CategoricalCrossentropy;
import org.nnlab.core.loss.SparseCategoricalCrossentropy;
import org.nnlab.core.tensor.Tensor;

/** The class frequencies of the first epoch's targets, for a cross-entropy loss. */
final class LabelFrequencies {
    private final boolean sparse;
    private final boolean binary;
    private final double[] counts;
    private long rows;
    private boolean closed;

    private LabelFrequencies(boolean sparse, boolean binary, int classes) {
        this.sparse = sparse;
        this.binary = binary;
        this.counts = new double[classes];
    }

    static LabelFrequencies forLoss(Sequential model) {
        int outputs = Tensor.sizeOf(model.outputShape());
        if (model.loss() instanceof SparseCategoricalCrossentropy) {
            return new LabelFrequencies(true, false, outputs);
        }
        if (model.loss() instanceof CategoricalCrossentropy) {
            return new LabelFrequencies(false, false, outputs);
        }
        return model.loss() instanceof BinaryCrossentropy ? new LabelFrequencies(false, true, outputs) : null;
    }

    void add(Tensor targets) {
        double[] y = targets.data();
        int n = targets.rows();
        if (sparse) {
            for (int i = 0; i < n; i++) {
                int c = (int) y[i];
                if (c >= 0 && c < counts.length) {
                    counts[c]++;
                }
            }
        } else {
            int w = counts.length;
            for (int i = 0; i < n * w && i < y.length; i++) {
                counts[i % w] += y[i];
            }
        }
        rows += n;
    }

    void close() {
        closed = true;
    }

    boolean closed() {
        return closed && rows > 0;
    }

    /** The cross-entropy of predicting the frequencies: Σ −p log p, per output for binary targets. */
    double entropy() {
        double h = 0;
        for (double c : counts) {
            double p = c / rows;
            if (binary) {
                h += (p > 0 && p < 1 ? -p * Math.log(p) - (1 - p) * Math.log(1 - p) : 0) / counts.length;
            } else if (p > 0) {
                h -= p * Math.log(p);
            }
        }
        return h;
    }
}
