package org.nnlab.core.train;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nnlab.core.loss.Loss;
import org.nnlab.core.tensor.Tensor;

/**
 * Running means of the loss and metrics over the batches of an epoch, weighted by batch size.
 *
 * <p>This is what the progress bar shows and what {@link History} records, as Keras does.
 */
final class MetricTracker {
    /** Which accuracy Keras would compute for this loss and output. */
    enum AccuracyKind { BINARY, CATEGORICAL, SPARSE }

    private final List<Metric> metrics;
    private final AccuracyKind accuracyKind;
    private final String prefix;
    private final double[] sums;
    private long count;

    MetricTracker(List<Metric> metrics, Loss loss, int outputUnits, int targetSize, String prefix) {
        this.metrics = metrics;
        this.accuracyKind = accuracyKind(loss, outputUnits, targetSize);
        this.prefix = prefix;
        this.sums = new double[metrics.size() + 1];
    }

    /** Keras's rule: binary for yes/no targets or one unit, sparse for class indices, else categorical. */
    static AccuracyKind accuracyKind(Loss loss, int outputUnits, int targetSize) {
        if (loss.targets() == Loss.TargetKind.PROBABILITIES || outputUnits == 1) {
            return AccuracyKind.BINARY;
        }
        if (loss.targets() == Loss.TargetKind.CLASS_INDICES || targetSize != outputUnits) {
            return AccuracyKind.SPARSE;
        }
        return AccuracyKind.CATEGORICAL;
    }

    void reset() {
        Arrays.fill(sums, 0);
        count = 0;
    }

    /** Adds one batch: its mean loss and the predictions/targets for the metrics. */
    void add(double batchLoss, Tensor predictions, Tensor targets) {
        int n = predictions.rows();
        sums[0] += batchLoss * n;
        for (int m = 0; m < metrics.size(); m++) {
            sums[m + 1] += batchMetric(metrics.get(m), predictions, targets) * n;
        }
        count += n;
    }

    /** The running means, keyed {@code loss}, then each metric's key, with this tracker's prefix. */
    Map<String, Double> means() {
        Map<String, Double> logs = new LinkedHashMap<>();
        logs.put(prefix + "loss", count == 0 ? Double.NaN : sums[0] / count);
        for (int m = 0; m < metrics.size(); m++) {
            logs.put(prefix + metrics.get(m).key(), count == 0 ? Double.NaN : sums[m + 1] / count);
        }
        return logs;
    }

    private double batchMetric(Metric metric, Tensor p, Tensor y) {
        return switch (metric) {
            case ACCURACY -> accuracy(p, y);
            case MSE -> meanError(p, y, true);
            case MAE -> meanError(p, y, false);
        };
    }

    /** Reads values with {@link Tensor#get(int)}, so predictions may be float32 and targets float64. */
    private double accuracy(Tensor p, Tensor y) {
        int n = p.rows();
        int w = p.rowSize();
        double correct = 0;
        switch (accuracyKind) {
            case BINARY -> {
                for (int i = 0; i < p.size(); i++) {
                    correct += ((p.get(i) > 0.5) == (y.get(i) > 0.5)) ? 1 : 0;
                }
                return correct / p.size();
            }
            case SPARSE -> {
                int[] predicted = p.argmaxRows();
                for (int r = 0; r < n; r++) {
                    correct += predicted[r] == (int) y.get(r) ? 1 : 0;
                }
            }
            case CATEGORICAL -> {
                int[] predicted = p.argmaxRows();
                int[] actual = y.reshape(n, w).argmaxRows();
                for (int r = 0; r < n; r++) {
                    correct += predicted[r] == actual[r] ? 1 : 0;
                }
            }
        }
        return correct / n;
    }

    private static double meanError(Tensor p, Tensor y, boolean squared) {
        if (p.size() != y.size()) {
            throw new IllegalArgumentException("mse/mae need targets shaped like the outputs, but outputs have "
                    + p.size() + " values and targets " + y.size() + ". Hint: these metrics suit regression, not class labels.");
        }
        double s = 0;
        for (int i = 0; i < p.size(); i++) {
            double d = p.get(i) - y.get(i);
            s += squared ? d * d : Math.abs(d);
        }
        return s / p.size();
    }
}
