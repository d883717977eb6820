package org.nnlab.data;

import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import org.nnlab.core.tensor.Tensor;
import org.nnlab.core.train.Examples;

/**
 * Features and targets in memory, row-aligned: row {@code i} of {@link #features()} is the input
 * whose target is row {@code i} of {@link #targets()}.
 *
 * <p>A dataset is an {@link Examples}, so it can be passed to {@code fit} directly. Every
 * operation returns a new dataset and leaves this one alone. Randomness is seeded: {@link #shuffle}
 * and {@link #testSplit} draw a permutation with {@link #permutation(int, long)}, a Fisher–Yates
 * shuffle driven by {@link SplittableRandom}{@code (seed)}, so the same seed gives the same order
 * on every JVM and platform.
 *
 * <p>Targets of one value per example are {@code [n, 1]} (what a one-unit output layer predicts;
 * sparse categorical cross-entropy accepts them as class indices too); {@link #oneHot} turns class
 * indices into {@code [n, classes]}.
 */
public final class Dataset implements Examples {
    private final Tensor features;
    private final Tensor targets;
    private final Examples examples;

    private Dataset(Tensor features, Tensor targets) {
        this.examples = Examples.of(features, targets);
        this.features = features;
        this.targets = targets;
    }

    /**
     * The dataset whose row {@code i} pairs {@code features} row {@code i} with {@code targets} row {@code i}.
     *
     * @throws IllegalArgumentException if the row counts differ
     */
    public static Dataset of(Tensor features, Tensor targets) {
        return new Dataset(features, targets);
    }

    /** The features, shape {@code [n, …]}. */
    public Tensor features() {
        return features;
    }

    /** The targets, shape {@code [n, …]}. */
    public Tensor targets() {
        return targets;
    }

    @Override
    public int size() {
        return features.rows();
    }

    @Override
    public int[] featureShape() {
        return examples.featureShape();
    }

    @Override
    public int[] targetShape() {
        return examples.targetShape();
    }

    @Override
    public void gatherFeatures(int[] indices, int from, int to, double[] into) {
        examples.gatherFeatures(indices, from, to, into);
    }

    @Override
    public boolean concurrentGathers() {
        return examples.concurrentGathers();
    }

    @Override
    public void gatherFeatures(int[] indices, int from, int to, float[] into) {
        examples.gatherFeatures(indices, from, to, into);
    }

    @Override
    public void gatherTargets(int[] indices, int from, int to, double[] into) {
        examples.gatherTargets(indices, from, to, into);
    }

    /** Rows {@code [from, to)} as a new dataset (a copy). */
    @Override
    public Dataset range(int from, int to) {
        return new Dataset(features.sliceRows(from, to), targets.sliceRows(from, to));
    }

    /** The rows at {@code indices}, in that order, as a new dataset. */
    public Dataset select(int[] indices) {
        for (int i : indices) {
            if (i < 0 || i >= size()) {
                throw new IndexOutOfBoundsException("Row " + i + " is outside [0, " + size() + ")");
            }
        }
        return new Dataset(features.gatherRows(indices, 0, indices.length, null),
                targets.gatherRows(indices, 0, indices.length, null));
    }

    /** The rows in the order of {@link #permutation}{@code (size(), seed)}. */
    public Dataset shuffle(long seed) {
        return select(permutation(size(), seed));
    }

    /**
     * Holds out {@code testFraction} of the rows for testing, as Keras's {@code validation_split}
     * holds out a fraction for validation: shuffles with {@code seed}, then puts the last
     * {@code round(testFraction · n)} rows in the test part. {@code testSplit(0.2, seed)} is an
     * 80/20 split.
     *
     * @throws IllegalArgumentException unless {@code 0 ≤ testFraction ≤ 1}
     */
    public Split testSplit(double testFraction, long seed) {
        if (!(testFraction >= 0 && testFraction <= 1)) {
            throw new IllegalArgumentException("testFraction (" + testFraction + ") must be in [0, 1], e.g. 0.2 for"
                    + " an 80/20 split");
        }
        Dataset shuffled = shuffle(seed);
        int test = (int) Math.round(testFraction * size());
        return new Split(shuffled.range(0, size() - test), shuffled.range(size() - test, size()));
    }

    /** The first {@code trainSize} rows as training part, the rest as test part, without shuffling. */
    public Split splitAt(int trainSize) {
        if (trainSize < 0 || trainSize > size()) {
            throw new IllegalArgumentException("trainSize (" + trainSize + ") must be in [0, " + size() + "]");
        }
        return new Split(range(0, trainSize), range(trainSize, size()));
    }

    /**
     * Consecutive batches of {@code batchSize} rows (the last one smaller if {@code n} is not a
     * multiple), each a fresh pair of tensors.
     */
    public Iterable<Batch> batches(int batchSize) {
        int[] order = new int[size()];
        Arrays.setAll(order, i -> i);
        return batches(batchSize, order);
    }

    /** Like {@link #batches(int)} but in the order of {@link #permutation}{@code (size(), seed)}. */
    public Iterable<Batch> batches(int batchSize, long seed) {
        return batches(batchSize, permutation(size(), seed));
    }

    private Iterable<Batch> batches(int batchSize, int[] order) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize (" + batchSize + ") must be >= 1");
        }
        return () -> new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < order.length;
            }

            @Override
            public Batch next() {
                if (!hasNext()) {
                    throw new NoSuchElementException("all " + order.length + " rows have been batched");
                }
                int to = Math.min(next + batchSize, order.length);
                Batch b = new Batch(features.gatherRows(order, next, to, null), targets.gatherRows(order, next, to, null));
                next = to;
                return b;
            }
        };
    }

    /**
     * This dataset with its class-index targets one-hot encoded: {@code [n]} or {@code [n, 1]} becomes
     * {@code [n, numClasses]}.
     *
     * @throws IllegalArgumentException if a target is not an integer in {@code [0, numClasses)}
     */
    public Dataset oneHot(int numClasses) {
        return new Dataset(features, oneHot(targets, numClasses));
    }

    /**
     * Class indices ({@code [n]} or {@code [n, 1]}) as one-hot rows {@code [n, numClasses]}: row
     * {@code i} is 1 at column {@code labels[i]} and 0 elsewhere.
     */
    public static Tensor oneHot(Tensor labels, int numClasses) {
        if (labels.rank() < 1 || labels.rank() > 2 || labels.rowSize() != 1) {
            throw new IllegalArgumentException("One-hot encoding needs one class index per row, shape [n] or [n, 1],"
                    + " but got " + Arrays.toString(labels.shape()) + ". Hint: are these targets already one-hot?");
        }
        int n = labels.rows();
        Tensor out = Tensor.zeros(n, numClasses);
        for (int i = 0; i < n; i++) {
            double c = labels.get(i);
            if (c != Math.rint(c) || c < 0 || c >= numClasses) {
                throw new IllegalArgumentException("Row " + i + " has label " + c + " but one-hot encoding with "
                        + numClasses + " classes needs an integer in [0, " + numClasses + ")."
                        + " Hint: pass the number of classes, or encode string labels to indices first.");
            }
            out.data()[i * numClasses + (int) c] = 1.0;
        }
        return out;
    }

    /**
     * A random order of {@code 0 .. n − 1}: Fisher–Yates from the last position down, position
     * {@code i} swapped with {@code SplittableRandom(seed).nextInt(i + 1)}.
     */
    public static int[] permutation(int n, long seed) {
        int[] p = new int[n];
        Arrays.setAll(p, i -> i);
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    /** The row count and shapes, e.g. {@code Dataset[1000 × (2) → (1)]}. */
    @Override
    public String toString() {
        return "Dataset[" + size() + " × " + Tensor.describeShape(featureShape()).replace("None, ", "")
                + " → " + Tensor.describeShape(targetShape()).replace("None, ", "").replace("None", "") + "]";
    }

    /** A training part and a test part. */
    public record Split(Dataset train, Dataset test) {
    }

    /** One mini-batch: {@code features} rows and the matching {@code targets} rows. */
    public record Batch(Tensor features, Tensor targets) {
    }
}
