package org.nnlab.core.train;

import java.util.Arrays;
import org.nnlab.core.tensor.Tensor;

/**
 * Training examples that a model reads batch by batch: features and targets, row-aligned.
 *
 * <p>The training loop never needs all examples as one {@code double[]}: it gathers the rows of
 * each mini-batch into reused buffers. That lets an image dataset keep its pixels as bytes (60,000
 * MNIST images are 47 MB as bytes, 376 MB as doubles) and convert a batch at a time.
 * {@link #of(Tensor, Tensor)} wraps two in-memory tensors.
 */
public interface Examples {

    /** The number of examples. */
    int size();

    /** The shape of one example's features, e.g. {@code [28, 28]}. */
    int[] featureShape();

    /** The shape of one example's target: {@code [10]} for one-hot, {@code []} for a class index or scalar. */
    int[] targetShape();

    /**
     * Copies the features of examples {@code indices[from..to)}, in that order, into {@code into}
     * (row-major, {@code (to − from) × featureSize}).
     */
    void gatherFeatures(int[] indices, int from, int to, double[] into);

    /**
     * Copies the features of examples {@code indices[from..to)} into a float buffer, as a float32
     * model reads them: each value rounded to the nearest float. The default gathers doubles and
     * rounds them; a source that keeps fewer bits (image bytes) overrides it to convert once.
     */
    default void gatherFeatures(int[] indices, int from, int to, float[] into) {
        double[] values = new double[into.length];
        gatherFeatures(indices, from, to, values);
        for (int i = 0; i < values.length; i++) {
            into[i] = (float) values[i];
        }
    }

    /**
     * Whether {@link #gatherFeatures} may run on several threads at once for disjoint parts of one
     * batch. A source that only reads data nothing else writes (in-memory tensors, image bytes) says
     * yes, and the fit loop then shares the gathering of a large batch among nnlab's threads (see
     * {@code org.nnlab.core.internal.Parallel}); the default is no, so a source of your own is never
     * called concurrently unless it says so.
     */
    default boolean concurrentGathers() {
        return false;
    }

    /** Copies the targets of examples {@code indices[from..to)} into {@code into}. */
    void gatherTargets(int[] indices, int from, int to, double[] into);

    /** The number of values in one example's features. */
    default int featureSize() {
        return Tensor.sizeOf(featureShape());
    }

    /** The number of values in one example's target. */
    default int targetSize() {
        return Tensor.sizeOf(targetShape());
    }

    /**
     * Examples {@code [from, to)} as a view (no copy); used for Keras's {@code validationSplit},
     * which takes the last fraction of the data before shuffling.
     */
    default Examples range(int from, int to) {
        if (from < 0 || to > size() || from > to) {
            throw new IllegalArgumentException("Example range [" + from + ", " + to + ") is outside [0, " + size() + ")");
        }
        Examples whole = this;
        return new Examples() {
            @Override
            public int size() {
                return to - from;
            }

            @Override
            public int[] featureShape() {
                return whole.featureShape();
            }

            @Override
            public int[] targetShape() {
                return whole.targetShape();
            }

            @Override
            public void gatherFeatures(int[] indices, int f, int t, double[] into) {
                whole.gatherFeatures(shift(indices, f, t), 0, t - f, into);
            }

            @Override
            public boolean concurrentGathers() {
                return whole.concurrentGathers();
            }

            @Override
            public void gatherFeatures(int[] indices, int f, int t, float[] into) {
                whole.gatherFeatures(shift(indices, f, t), 0, t - f, into);
            }

            @Override
            public void gatherTargets(int[] indices, int f, int t, double[] into) {
                whole.gatherTargets(shift(indices, f, t), 0, t - f, into);
            }

            private int[] shift(int[] indices, int f, int t) {
                int[] s = Arrays.copyOfRange(indices, f, t);
                for (int i = 0; i < s.length; i++) {
                    s[i] += from;
                }
                return s;
            }
        };
    }

    /**
     * In-memory examples: row {@code i} of {@code x} with row {@code i} of {@code y}.
     *
     * @throws IllegalArgumentException if the row counts differ
     */
    static Examples of(Tensor x, Tensor y) {
        if (x.rank() < 1 || y.rank() < 1 || x.rows() != y.rows()) {
            throw new IllegalArgumentException("x and y must have the same number of rows (examples), but x has shape "
                    + Arrays.toString(x.shape()) + " and y has shape " + Arrays.toString(y.shape())
                    + ". Hint: row i of x is the input whose target is row i of y.");
        }
        return new TensorExamples(x, y);
    }
}
