package org.nnlab.core.optim;

import java.util.List;
import java.util.Objects;
import org.nnlab.core.internal.Checks;
import org.nnlab.core.optim.schedule.Constant;
import org.nnlab.core.optim.schedule.LearningRate;
import org.nnlab.core.tensor.Precision;
import org.nnlab.core.tensor.Tensor;

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
 * {@value #DEFAULT_INITIAL_ACCUMULATOR_VALUE}, ε = {@value #DEFAULT_EPSILON}; the hyperparameters
 * are a {@link Config}, the state per parameter an {@link Accumulator}.
 */
public final class Adagrad extends Optimizer<Adagrad.Accumulator> {
    /** Keras's default learning rate for Adagrad. */
    public static final double DEFAULT_LEARNING_RATE = 0.001;
    /** Keras's default starting value of every accumulator. */
    public static final double DEFAULT_INITIAL_ACCUMULATOR_VALUE = 0.1;
    /** Keras's default ε, added under the square root. */
    public static final double DEFAULT_EPSILON = 1e-7;

    private final Config config;

    /** Adagrad with Keras's defaults. */
    public Adagrad() {
        this(Config.DEFAULTS);
    }

    /** Adagrad with the given learning rate and Keras's other defaults. */
    public Adagrad(double learningRate) {
        this(Config.DEFAULTS.learningRate(learningRate));
    }

    /** Adagrad with the hyperparameters of {@code config}. */
    public Adagrad(Config config) {
        this.config = java.util.Objects.requireNonNull(config, "config");
    }

    /**
     * Adagrad's hyperparameters, validated.
     *
     * @param learningRate η: a constant &gt; 0 or a schedule
     * @param initialAccumulatorValue where every accumulator starts, ≥ 0
     * @param epsilon ε &gt; 0, added to the accumulator under the square root
     * @param options weight decay and clipping, {@link OptimizerOptions#NONE} by default
     */
    public record Config(LearningRate learningRate, double initialAccumulatorValue, double epsilon,
                         OptimizerOptions options) implements OptimizerConfig<Config> {
        /** Keras's defaults. */
        public static final Config DEFAULTS =
                new Config(DEFAULT_LEARNING_RATE, DEFAULT_INITIAL_ACCUMULATOR_VALUE, DEFAULT_EPSILON);

        /** @throws IllegalArgumentException naming the first hyperparameter out of range */
        public Config {
            checkLearningRate("Adagrad", learningRate, DEFAULT_LEARNING_RATE);
            Checks.nonNegative("Adagrad initialAccumulatorValue", initialAccumulatorValue,
                    "it is where the sum of squared gradients starts; Keras uses " + DEFAULT_INITIAL_ACCUMULATOR_VALUE
                            + ".");
            Checks.positive("Adagrad epsilon", epsilon, "epsilon keeps the division finite; Keras uses "
                    + DEFAULT_EPSILON + ".");
            Objects.requireNonNull(options, "options");
        }

        /** A constant learning rate and no weight decay or clipping. */
        public Config(double learningRate, double initialAccumulatorValue, double epsilon) {
            this(new Constant(learningRate), initialAccumulatorValue, epsilon, OptimizerOptions.NONE);
        }

        @Override
        public Config learningRate(LearningRate value) {
            return new Config(value, initialAccumulatorValue, epsilon, options);
        }

        @Override
        public Config options(OptimizerOptions value) {
            return new Config(learningRate, initialAccumulatorValue, epsilon, value);
        }

        /** A copy with another starting value of the accumulators. */
        public Config initialAccumulatorValue(double value) {
            return new Config(learningRate, value, epsilon, options);
        }

        /** A copy with another ε. */
        public Config epsilon(double value) {
            return new Config(learningRate, initialAccumulatorValue, value, options);
        }

        @Override
        public Adagrad create() {
            return new Adagrad(this);
        }

        @Override
        public String kerasName() {
            return "adagrad";
        }
    }

    /**
     * Adagrad's state for one parameter, named as Keras names it.
     *
     * @param accumulator a, the sum of squared gradients so far (from its starting value)
     */
    public record Accumulator(Tensor accumulator) implements Slots {
        @Override
        public Tensor[] tensors() {
            return new Tensor[] {accumulator};
        }
    }

    @Override
    public Config config() {
        return config;
    }

    // [float64] The float32 twin below is generated from this code (Float32Generator).
    @Override
    protected void update(double[] w, double[] g, Accumulator s, long t, double lr, int from, int to) {
        double epsilon = config.epsilon();
        double[] a = s.accumulator().data();
        for (int i = from; i < to; i++) {
            a[i] += g[i] * g[i];
            w[i] -= lr * g[i] / Math.sqrt(a[i] + epsilon);
        }
    }
    // [float32] Generated from the [float64] code above by Float32Generator; do not edit.
    @Override
    protected void update(float[] w, float[] g, Accumulator s, long t, float lr, int from, int to) {
        float epsilon = (float) (config.epsilon());
        float[] a = s.accumulator().floatData();
        for (int i = from; i < to; i++) {
            a[i] += g[i] * g[i];
            w[i] -= lr * g[i] / (float) Math.sqrt(a[i] + epsilon);
        }
    }
    // [end float32]

    @Override
    protected Accumulator newSlots(Precision precision, int size) {
        return new Accumulator(Tensor.filled(precision, config.initialAccumulatorValue(), size));
    }

    @Override
    protected Accumulator slotsOf(Tensor[] tensors) {
        return new Accumulator(tensors[0]);
    }

    @Override
    public List<String> slotNames() {
        return List.of("accumulator");
    }
}
