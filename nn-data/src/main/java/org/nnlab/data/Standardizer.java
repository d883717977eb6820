package org.nnlab.data;

import java.util.Arrays;
import org.nnlab.core.tensor.Precision;
import org.nnlab.core.tensor.Tensor;

/**
 * Rescales each feature column to mean 0 and standard deviation 1, with statistics fitted on the
 * training data only and then applied unchanged to validation and test data.
 *
 * <p>For column {@code j}: {@code z = (x − mean_j) / scale_j}, where {@code mean_j} is the mean of
 * the training column and {@code scale_j} its population standard deviation (divide by {@code n},
 * as scikit-learn's {@code StandardScaler} does). A column whose training values are all equal has
 * standard deviation 0; its scale is then 1, so it becomes {@code x − mean} (all zeros on the
 * training data) instead of dividing by zero. Columns are the values of one row of a rank-2 or
 * higher tensor, flattened. NaN in the training data makes that column's statistics NaN.
 */
public final class Standardizer {
    private final double[] means;
    private final double[] scales;
    private final double[] stds;

    private Standardizer(double[] means, double[] stds) {
        this.means = means;
        this.stds = stds;
        this.scales = new double[stds.length];
        for (int j = 0; j < stds.length; j++) {
            scales[j] = stds[j] == 0 ? 1.0 : stds[j];
        }
    }

    /**
     * Fits the column means and standard deviations of {@code train}, shape {@code [n, …]}.
     *
     * @throws IllegalArgumentException if {@code train} has no rows
     */
    public static Standardizer fit(Tensor train) {
        if (train.rank() < 1 || train.rows() == 0) {
            throw new IllegalArgumentException("A standardizer needs at least one training row but got shape "
                    + Arrays.toString(train.shape()));
        }
        int n = train.rows();
        int w = train.rowSize();
        double[] x = train.to(Precision.FLOAT64).data();
        double[] mean = new double[w];
        double[] std = new double[w];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < w; j++) {
                mean[j] += x[i * w + j];
            }
        }
        for (int j = 0; j < w; j++) {
            mean[j] /= n;
        }
        // Second pass over the deviations: more accurate than E[x²] − E[x]².
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < w; j++) {
                double d = x[i * w + j] - mean[j];
                std[j] += d * d;
            }
        }
        for (int j = 0; j < w; j++) {
            std[j] = Math.sqrt(std[j] / n);
        }
        return new Standardizer(mean, std);
    }

    /** Fits on the features of {@code train}. */
    public static Standardizer fit(Dataset train) {
        return fit(train.features());
    }

    /** The fitted column means, a copy. */
    public double[] means() {
        return means.clone();
    }

    /** The fitted population standard deviations, a copy (0 for a constant column). */
    public double[] standardDeviations() {
        return stds.clone();
    }

    /** {@code (x − mean) / scale} column by column, as a new float64 tensor of {@code x}'s shape. */
    public Tensor transform(Tensor x) {
        requireWidth(x);
        Tensor out = Tensor.zeros(x.shape());
        int w = means.length;
        double[] in = x.to(Precision.FLOAT64).data();
        double[] z = out.data();
        for (int i = 0; i < x.rows(); i++) {
            for (int j = 0; j < w; j++) {
                z[i * w + j] = (in[i * w + j] - means[j]) / scales[j];
            }
        }
        return out;
    }

    /** {@code z · scale + mean}: undoes {@link #transform}; {@code z} may be a float32 model's predictions. */
    public Tensor inverseTransform(Tensor z) {
        requireWidth(z);
        Tensor out = Tensor.zeros(z.shape());
        int w = means.length;
        for (int i = 0; i < z.rows(); i++) {
            for (int j = 0; j < w; j++) {
                out.data()[i * w + j] = z.get(i * w + j) * scales[j] + means[j];
            }
        }
        return out;
    }

    /** {@code data} with standardized features and the same targets. */
    public Dataset transform(Dataset data) {
        return Dataset.of(transform(data.features()), data.targets());
    }

    private void requireWidth(Tensor x) {
        if (x.rank() < 1 || x.rowSize() != means.length) {
            throw new IllegalArgumentException("This standardizer was fitted on rows of " + means.length
                    + " values but got shape " + Arrays.toString(x.shape()) + " (" + (x.rank() < 1 ? 0 : x.rowSize())
                    + " per row). Hint: fit and transform data with the same feature columns.");
        }
    }
}
