package org.nnlab.core.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.nnlab.core.layer.Activation;
import org.nnlab.core.layer.Dense;
import org.nnlab.core.tensor.Tensor;

/**
 * Rosenblatt's perceptron learning rule (1958), which trains {@link Activation#STEP} units.
 *
 * <p>Backpropagation cannot train a step unit (its derivative is zero wherever it exists), but
 * the perceptron rule can: for each example x with target y ∈ {0, 1} the unit outputs
 * ŷ = step(w·x + b) and, only when it is wrong, moves its weights towards the answer:
 * w ← w + lr · (y − ŷ) · x and b ← b + lr · (y − ŷ). A layer of several units trains each unit
 * the same way, independently. One epoch visits every example once, in order, or in a fresh
 * seeded shuffle each epoch if {@link #shuffledEachEpoch} is used. Training stops after the first
 * epoch with no error (the layer has converged: it classifies every example correctly) or after
 * {@code maxEpochs}. The perceptron convergence theorem guarantees the first outcome when the two
 * classes are linearly separable (AND, OR), and the second is certain when they are not (XOR):
 * that is the lecture's point about why hidden layers are needed.
 *
 * <p>Defaults: learning rate {@value #DEFAULT_LEARNING_RATE}, at most
 * {@value #DEFAULT_MAX_EPOCHS} epochs, examples in order. The rule updates the layer in its own
 * precision; with 0/1 targets and a learning rate of 1 every update is a whole multiple of the
 * inputs, so float32 and float64 layers learn the same boundaries on the lecture's data.
 */
public final class PerceptronRule {
    /** Rosenblatt's step size; with a step unit any positive rate learns the same boundaries from zero. */
    public static final double DEFAULT_LEARNING_RATE = 1.0;
    /** The default limit on epochs. */
    public static final int DEFAULT_MAX_EPOCHS = 100;

    private final double learningRate;
    private final int maxEpochs;
    private final boolean shuffle;
    private final long shuffleSeed;

    /** The rule with the default learning rate and epoch limit, visiting examples in order. */
    public PerceptronRule() {
        this(DEFAULT_LEARNING_RATE, DEFAULT_MAX_EPOCHS);
    }

    /**
     * The rule with the given learning rate and epoch limit, visiting examples in order.
     *
     * @throws IllegalArgumentException if {@code learningRate} is not a finite number &gt; 0 or
     *     {@code maxEpochs <= 0}
     */
    public PerceptronRule(double learningRate, int maxEpochs) {
        this(learningRate, maxEpochs, false, 0L);
    }

    private PerceptronRule(double learningRate, int maxEpochs, boolean shuffle, long shuffleSeed) {
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("PerceptronRule learningRate (" + learningRate
                    + ") must be > 0 and finite. Hint: " + DEFAULT_LEARNING_RATE + " is Rosenblatt's choice.");
        }
        if (maxEpochs <= 0) {
            throw new IllegalArgumentException("PerceptronRule maxEpochs (" + maxEpochs
                    + ") must be > 0. Hint: a separable problem of a few examples converges in about 10.");
        }
        this.learningRate = learningRate;
        this.maxEpochs = maxEpochs;
        this.shuffle = shuffle;
        this.shuffleSeed = shuffleSeed;
    }

    /** This rule, but visiting the examples in a new order each epoch, drawn from {@code seed}. */
    public PerceptronRule shuffledEachEpoch(long seed) {
        return new PerceptronRule(learningRate, maxEpochs, true, seed);
    }

    /** The step size lr of the update. */
    public double learningRate() {
        return learningRate;
    }

    /** The most epochs {@link #train} runs. */
    public int maxEpochs() {
        return maxEpochs;
    }

    /**
     * Trains a built layer of step units in place on {@code x} and 0/1 targets {@code y}.
     *
     * @param perceptron a built {@link Dense} layer with the {@link Activation#STEP} activation
     * @param x {@code (examples, in)}
     * @param y {@code (examples, units)} of 0s and 1s; {@code (examples)} also works for one unit
     * @return the errors of each epoch run, and whether the last one had none
     * @throws IllegalArgumentException if the activation is not STEP or the data does not fit
     * @throws IllegalStateException if the layer is not built
     */
    public Result train(Dense perceptron, Tensor x, Tensor y) {
        checkArguments(perceptron, x, y);
        int n = x.rows();
        int in = x.dim(1);
        int units = perceptron.units();
        Tensor w = perceptron.kernel().value();
        Tensor b = perceptron.useBias() ? perceptron.bias().value() : null;
        Tensor row = Tensor.zeros(perceptron.precision(), 1, in);
        int[] order = new int[n];
        for (int k = 0; k < n; k++) {
            order[k] = k;
        }
        SplittableRandom rng = new SplittableRandom(shuffleSeed);
        List<Integer> errorsPerEpoch = new ArrayList<>();
        for (int epoch = 0; epoch < maxEpochs; epoch++) {
            if (shuffle) {
                shuffle(order, rng);
            }
            int errors = 0;
            for (int k : order) {
                for (int i = 0; i < in; i++) {
                    row.set(i, x.get(k * in + i));
                }
                Tensor predicted = perceptron.forward(row, false);
                boolean wrong = false;
                for (int j = 0; j < units; j++) {
                    double error = y.get(k * units + j) - predicted.get(j); // y − ŷ: −1, 0 or +1
                    if (error != 0) {
                        wrong = true;
                        for (int i = 0; i < in; i++) {
                            w.set(i * units + j, w.get(i * units + j) + learningRate * error * x.get(k * in + i));
                        }
                        if (b != null) {
                            b.set(j, b.get(j) + learningRate * error);
                        }
                    }
                }
                if (wrong) {
                    errors++;
                }
            }
            errorsPerEpoch.add(errors);
            if (errors == 0) {
                break;
            }
        }
        return new Result(errorsPerEpoch);
    }

    private static void checkArguments(Dense perceptron, Tensor x, Tensor y) {
        if (perceptron.activation() != Activation.STEP) {
            throw new IllegalArgumentException("PerceptronRule trains only STEP units, but " + perceptron
                    + " uses " + perceptron.activation() + ". Hint: train " + perceptron.activation()
                    + " layers with backpropagation (a model's fit), or create new Dense(units, Activation.STEP).");
        }
        int in = perceptron.kernel().value().dim(0);
        if (x.rank() != 2 || x.dim(1) != in) {
            throw new IllegalArgumentException("PerceptronRule needs x of shape (examples, " + in + ") for "
                    + perceptron + " but got " + Arrays.toString(x.shape()) + ". Hint: one flat row per example.");
        }
        int units = perceptron.units();
        boolean targetsFit = y.rank() == 2 ? y.dim(1) == units : y.rank() == 1 && units == 1;
        if (!targetsFit || y.rows() != x.rows()) {
            throw new IllegalArgumentException("PerceptronRule needs y of shape [" + x.rows() + ", " + units
                    + "] (one 0/1 target per example and unit) but got " + Arrays.toString(y.shape())
                    + ". Hint: x and y must have the same number of rows.");
        }
        for (int i = 0; i < y.size(); i++) {
            if (y.get(i) != 0 && y.get(i) != 1) {
                throw new IllegalArgumentException("PerceptronRule targets must be 0 or 1 but y has " + y.get(i)
                        + " at flat index " + i + ". Hint: a step unit outputs 0 or 1; map -1/+1 labels to 0/1.");
            }
        }
        int bad = x.firstNonFinite();
        if (bad >= 0) {
            throw new IllegalArgumentException("PerceptronRule inputs must be finite but x has "
                    + x.get(bad) + " at flat index " + bad + ".");
        }
    }

    /** Fisher–Yates shuffle. */
    private static void shuffle(int[] order, SplittableRandom rng) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }

    /**
     * What a run of the rule did: the number of misclassified examples in each epoch.
     *
     * @param errorsPerEpoch one count per epoch run, counted as the examples were visited
     */
    public record Result(List<Integer> errorsPerEpoch) {
        /** Keeps an unmodifiable copy of {@code errorsPerEpoch}. */
        public Result {
            errorsPerEpoch = List.copyOf(errorsPerEpoch);
        }

        /** The number of epochs run. */
        public int epochs() {
            return errorsPerEpoch.size();
        }

        /** Whether the last epoch had no error, so the layer classifies every example correctly. */
        public boolean converged() {
            return !errorsPerEpoch.isEmpty() && errorsPerEpoch.get(errorsPerEpoch.size() - 1) == 0;
        }
    }
}
