package org.nnlab.core.optim;

import java.util.Arrays;

/**
 * Adagrad: per-weight step sizes that shrink with the sum of past squared gradients.
 *
 * <p>The rule of Keras 3's {@code keras.optimizers.Adagrad}, from Duchi, Hazan and Singer,
 * "Adaptive Subgradient Methods for Online Learning and Stochastic Optimization", JMLR 12, 2011.
 * The update of a weight w with gradient g, learning rate η: the accumulator a (starting at
 * {@code initialAccumulatorValue}) becomes a ← a + g², then w ← w − η·g / √(a + ε). Weights that
 * have seen large gradients move less.
 *
 * <p>Defaults: η = {@value #DEFAULT_LEARNING_RATE}, initial accumulator
 * {@value #DEFAULT_INITIAL_ACCUMULATOR_VALUE}, ε = {@value #DEFAULT_EPSILON}.
 */
public final class Adagrad extends Optimizer {
    /** Keras's default learning rate for Adagrad. */
    public static final double DEFAULT_LEARNING_RATE = 0.001;
    /** Keras's default starting value of every accumulator. */
    public static final double DEFAULT_INITIAL_ACCUMULATOR_VALUE = 0.1;
    /** Keras's default ε, added under the square root. */
    public static final double DEFAULT_EPSILON = 1e-7;

    private final double initialAccumulatorValue;
    private final double epsilon;

    /** Adagrad with Keras's defaults. */
    public Adagrad() {
        this(DEFAULT_LEARNING_RATE);
    }

    /** Adagrad with the given learning rate and Keras's other defaults. */
    public Adagrad(double learningRate) {
        this(learningRate, DEFAULT_INITIAL_ACCUMULATOR_VALUE, DEFAULT_EPSILON);
    }

    /**
     * Adagrad with every hyperparameter.
     *
     * @throws IllegalArgumentException if {@code learningRate} or {@code epsilon} is not &gt; 0, or
     *     {@code initialAccumulatorValue} is negative
     */
    public Adagrad(double learningRate, double initialAccumulatorValue, double epsilon) {
        super(learningRate);
        this.initialAccumulatorValue = requireNonNegative("initialAccumulatorValue", initialAccumulatorValue);
        this.epsilon = requirePositive("epsilon", epsilon);
    }

    /** The value every accumulator starts from. */
    public double initialAccumulatorValue() {
        return initialAccumulatorValue;
    }

    /** ε, added to the accumulator under the square root. */
    public double epsilon() {
        return epsilon;
    }

    @Override
    protected void update(double[] w, double[] g, double[][] slots, long t, int from, int to) {
        double lr = learningRate();
        double[] a = slots[0];
        for (int i = from; i < to; i++) {
            a[i] += g[i] * g[i];
            w[i] -= lr * g[i] / Math.sqrt(a[i] + epsilon);
        }
    }

    @Override
    protected double[][] newSlots(int size) {
        double[] a = new double[size];
        Arrays.fill(a, initialAccumulatorValue);
        return new double[][] {a};
    }

    @Override
    public String kerasName() {
        return "adagrad";
    }

    @Override
    public String toString() {
        return "Adagrad(learningRate=" + learningRate() + ", initialAccumulatorValue=" + initialAccumulatorValue
                + ", epsilon=" + epsilon + ")";
    }
}
