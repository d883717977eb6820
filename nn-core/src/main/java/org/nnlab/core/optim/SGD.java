package org.nnlab.core.optim;

import java.util.List;
import java.util.Objects;
import org.nnlab.core.internal.Checks;
import org.nnlab.core.optim.schedule.Constant;
import org.nnlab.core.optim.schedule.LearningRate;
import org.nnlab.core.tensor.Precision;
import org.nnlab.core.tensor.Tensor;

/**
 * Stochastic gradient descent, optionally with momentum or Nesterov momentum.
 *
 * <p>The rule of Keras 3's {@code keras.optimizers.SGD}. The update of a weight w with gradient g,
 * learning rate η and momentum μ:
 * <ul>
 *   <li>μ = 0: w ← w − η·g.
 *   <li>μ &gt; 0: the velocity v (starting at 0) becomes v ← μ·v − η·g, then w ← w + v.
 *   <li>μ &gt; 0 and Nesterov: v ← μ·v − η·g, then w ← w + μ·v − η·g, the look-ahead form of
 *       Sutskever, Martens, Dahl and Hinton, "On the importance of initialization and momentum in
 *       deep learning", ICML 2013.
 * </ul>
 * Defaults: η = {@value #DEFAULT_LEARNING_RATE}, μ = {@value #DEFAULT_MOMENTUM}, Nesterov
 * {@value #DEFAULT_NESTEROV}; the hyperparameters are a {@link Config}. With μ = 0 no velocity is
 * kept and the Nesterov flag has no effect; with μ &gt; 0 the state per parameter is a {@link Velocity}.
 */
public final class SGD extends Optimizer<SGD.Velocity> {
    /** Keras's default learning rate for SGD. */
    public static final double DEFAULT_LEARNING_RATE = 0.01;
    /** Keras's default momentum: none. */
    public static final double DEFAULT_MOMENTUM = 0.0;
    /** Keras's default: classical (not Nesterov) momentum. */
    public static final boolean DEFAULT_NESTEROV = false;

    private final Config config;

    /** Plain SGD with Keras's defaults. */
    public SGD() {
        this(Config.DEFAULTS);
    }

    /** Plain SGD (no momentum) with the given learning rate. */
    public SGD(double learningRate) {
        this(Config.DEFAULTS.learningRate(learningRate));
    }

    /** SGD with the hyperparameters of {@code config}. */
    public SGD(Config config) {
        this.config = java.util.Objects.requireNonNull(config, "config");
    }

    /**
     * SGD's hyperparameters, validated.
     *
     * @param learningRate η: a constant &gt; 0 or a schedule
     * @param momentum μ in [0, 1); 0 is plain gradient descent
     * @param nesterov whether to use the Nesterov form of momentum
     * @param options weight decay and clipping, {@link OptimizerOptions#NONE} by default
     */
    public record Config(LearningRate learningRate, double momentum, boolean nesterov, OptimizerOptions options)
            implements OptimizerConfig<Config> {
        /** Keras's defaults. */
        public static final Config DEFAULTS = new Config(DEFAULT_LEARNING_RATE, DEFAULT_MOMENTUM, DEFAULT_NESTEROV);

        /** @throws IllegalArgumentException naming the first hyperparameter out of range */
        public Config {
            checkLearningRate("SGD", learningRate, DEFAULT_LEARNING_RATE);
            Checks.unitInterval("SGD momentum", momentum, "0 is plain gradient descent; 0.9 is the usual momentum.");
            Objects.requireNonNull(options, "options");
        }

        /** A constant learning rate and no weight decay or clipping. */
        public Config(double learningRate, double momentum, boolean nesterov) {
            this(new Constant(learningRate), momentum, nesterov, OptimizerOptions.NONE);
        }

        @Override
        public Config learningRate(LearningRate value) {
            return new Config(value, momentum, nesterov, options);
        }

        @Override
        public Config options(OptimizerOptions value) {
            return new Config(learningRate, momentum, nesterov, value);
        }

        /** A copy with another momentum μ. */
        public Config momentum(double value) {
            return new Config(learningRate, value, nesterov, options);
        }

        /** A copy with Nesterov momentum on or off. */
        public Config nesterov(boolean value) {
            return new Config(learningRate, momentum, value, options);
        }

        @Override
        public SGD create() {
            return new SGD(this);
        }

        @Override
        public String kerasName() {
            return "sgd";
        }
    }

    /**
     * SGD's state for one parameter with momentum, named as Keras names it.
     *
     * @param momentum v, the velocity; null when μ = 0, which keeps no state
     */
    public record Velocity(Tensor momentum) implements Slots {
        @Override
        public Tensor[] tensors() {
            return momentum == null ? new Tensor[0] : new Tensor[] {momentum};
        }
    }

    @Override
    public Config config() {
        return config;
    }

    // [float64] The float32 twin below is generated from this code (Float32Generator).
    @Override
    protected void update(double[] w, double[] g, Velocity s, long t, double lr, int from, int to) {
        double momentum = config.momentum();
        if (momentum == 0) {
            for (int i = from; i < to; i++) {
                w[i] -= lr * g[i];
            }
            return;
        }
        boolean nesterov = config.nesterov();
        double[] v = s.momentum().data();
        for (int i = from; i < to; i++) {
            v[i] = (momentum * v[i] - lr * g[i] + FLUSH64) - FLUSH64; // flushed, see FLUSH64
            // Nesterov steps from the look-ahead point: the new velocity once more, plus the gradient step.
            w[i] += nesterov ? momentum * v[i] - lr * g[i] : v[i];
        }
    }
    // [float32] Generated from the [float64] code above by Float32Generator; do not edit.
    @Override
    protected void update(float[] w, float[] g, Velocity s, long t, float lr, int from, int to) {
        float momentum = (float) (config.momentum());
        if (momentum == 0) {
            for (int i = from; i < to; i++) {
                w[i] -= lr * g[i];
            }
            return;
        }
        boolean nesterov = config.nesterov();
        float[] v = s.momentum().floatData();
        for (int i = from; i < to; i++) {
            v[i] = (momentum * v[i] - lr * g[i] + FLUSH32) - FLUSH32; // flushed, see FLUSH32
            // Nesterov steps from the look-ahead point: the new velocity once more, plus the gradient step.
            w[i] += nesterov ? momentum * v[i] - lr * g[i] : v[i];
        }
    }
    // [end float32]

    @Override
    protected Velocity newSlots(Precision precision, int size) {
        return new Velocity(config.momentum() == 0 ? null : Tensor.zeros(precision, size));
    }

    @Override
    protected Velocity slotsOf(Tensor[] tensors) {
        return new Velocity(tensors.length == 0 ? null : tensors[0]);
    }

    @Override
    public List<String> slotNames() {
        return config.momentum() == 0 ? List.of() : List.of("momentum");
    }
}
