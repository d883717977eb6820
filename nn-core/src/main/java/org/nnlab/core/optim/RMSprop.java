package org.nnlab.core.optim;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.nnlab.core.internal.Checks;
import org.nnlab.core.optim.schedule.Constant;
import org.nnlab.core.optim.schedule.LearningRate;
import org.nnlab.core.tensor.Precision;
import org.nnlab.core.tensor.Tensor;

/**
 * RMSprop: divide each gradient by a running root mean square of recent gradients.
 *
 * <p>The rule of Keras 3's {@code keras.optimizers.RMSprop}, from Hinton, Srivastava and Swersky,
 * "Neural Networks for Machine Learning", lecture 6e, 2012. The update of a weight w with
 * gradient g, learning rate η, decay ρ:
 * <ol>
 *   <li>the mean square v (starting at 0) becomes v ← ρ·v + (1 − ρ)·g²;
 *   <li>centered only: the mean gradient a (starting at 0) becomes a ← ρ·a + (1 − ρ)·g, and the
 *       denominator is √(v − a² + ε), an estimate of the gradient's standard deviation; otherwise
 *       it is √(v + ε);
 *   <li>the increment is Δ = η·g / denominator;
 *   <li>momentum μ = 0: w ← w − Δ. Momentum μ &gt; 0: m (starting at 0) becomes m ← μ·m + Δ, then
 *       w ← w − m.
 * </ol>
 * Note that ε sits inside the square root, as in Keras (PyTorch adds it outside).
 *
 * <p>Defaults: η = {@value #DEFAULT_LEARNING_RATE}, ρ = {@value #DEFAULT_RHO}, μ =
 * {@value #DEFAULT_MOMENTUM}, ε = {@value #DEFAULT_EPSILON}, centered {@value #DEFAULT_CENTERED}; the
 * hyperparameters are a {@link Config}. Per parameter RMSprop keeps {@link Averages}: v, and m and
 * a only when momentum or centering asks for them.
 */
public final class RMSprop extends Optimizer<RMSprop.Averages> {
    /** Keras's default learning rate for RMSprop. */
    public static final double DEFAULT_LEARNING_RATE = 0.001;
    /** Keras's default decay of the mean square. */
    public static final double DEFAULT_RHO = 0.9;
    /** Keras's default momentum: none. */
    public static final double DEFAULT_MOMENTUM = 0.0;
    /** Keras's default ε, added under the square root. */
    public static final double DEFAULT_EPSILON = 1e-7;
    /** Keras's default: divide by the uncentered root mean square. */
    public static final boolean DEFAULT_CENTERED = false;

    private final Config config;

    /** RMSprop with Keras's defaults. */
    public RMSprop() {
        this(Config.DEFAULTS);
    }

    /** RMSprop with the given learning rate and Keras's other defaults. */
    public RMSprop(double learningRate) {
        this(Config.DEFAULTS.learningRate(learningRate));
    }

    /** RMSprop with the hyperparameters of {@code config}. */
    public RMSprop(Config config) {
        this.config = java.util.Objects.requireNonNull(config, "config");
    }

    /**
     * RMSprop's hyperparameters, validated.
     *
     * @param learningRate η: a constant &gt; 0 or a schedule
     * @param rho the decay ρ of the running mean square, in [0, 1)
     * @param momentum μ in [0, 1); 0 keeps no momentum
     * @param epsilon ε &gt; 0, added under the square root
     * @param centered whether to divide by the estimated standard deviation instead of the RMS
     * @param options weight decay and clipping, {@link OptimizerOptions#NONE} by default
     */
    public record Config(LearningRate learningRate, double rho, double momentum, double epsilon, boolean centered,
                         OptimizerOptions options) implements OptimizerConfig<Config> {
        /** Keras's defaults. */
        public static final Config DEFAULTS =
                new Config(DEFAULT_LEARNING_RATE, DEFAULT_RHO, DEFAULT_MOMENTUM, DEFAULT_EPSILON, DEFAULT_CENTERED);

        /** @throws IllegalArgumentException naming the first hyperparameter out of range */
        public Config {
            checkLearningRate("RMSprop", learningRate, DEFAULT_LEARNING_RATE);
            Checks.unitInterval("RMSprop rho", rho, "rho is the decay of the running mean square; Keras uses "
                    + DEFAULT_RHO + ".");
            Checks.unitInterval("RMSprop momentum", momentum, "0 means no momentum; 0.9 is usual.");
            Checks.positive("RMSprop epsilon", epsilon, "epsilon keeps the division finite; Keras uses "
                    + DEFAULT_EPSILON + ".");
            Objects.requireNonNull(options, "options");
        }

        /** A constant learning rate and no weight decay or clipping. */
        public Config(double learningRate, double rho, double momentum, double epsilon, boolean centered) {
            this(new Constant(learningRate), rho, momentum, epsilon, centered, OptimizerOptions.NONE);
        }

        @Override
        public Config learningRate(LearningRate value) {
            return new Config(value, rho, momentum, epsilon, centered, options);
        }

        @Override
        public Config options(OptimizerOptions value) {
            return new Config(learningRate, rho, momentum, epsilon, centered, value);
        }

        /** A copy with another ρ. */
        public Config rho(double value) {
            return new Config(learningRate, value, momentum, epsilon, centered, options);
        }

        /** A copy with another momentum μ. */
        public Config momentum(double value) {
            return new Config(learningRate, rho, value, epsilon, centered, options);
        }

        /** A copy with another ε. */
        public Config epsilon(double value) {
            return new Config(learningRate, rho, momentum, value, centered, options);
        }

        /** A copy with centering on or off. */
        public Config centered(boolean value) {
            return new Config(learningRate, rho, momentum, epsilon, value, options);
        }

        @Override
        public RMSprop create() {
            return new RMSprop(this);
        }

        @Override
        public String kerasName() {
            return "rmsprop";
        }
    }

    /**
     * RMSprop's state for one parameter, named as Keras names it.
     *
     * @param velocity v, the running mean of the squared gradient
     * @param momentum m, the running step (only with momentum &gt; 0; null otherwise)
     * @param averageGradient a, the running mean of the gradient (only when centered; null otherwise)
     */
    public record Averages(Tensor velocity, Tensor momentum, Tensor averageGradient) implements Slots {
        @Override
        public Tensor[] tensors() {
            List<Tensor> tensors = new ArrayList<>(3);
            tensors.add(velocity);
            if (momentum != null) {
                tensors.add(momentum);
            }
            if (averageGradient != null) {
                tensors.add(averageGradient);
            }
            return tensors.toArray(Tensor[]::new);
        }
    }

    @Override
    public Config config() {
        return config;
    }

    // [float64] The float32 twin below is generated from this code (Float32Generator).
    @Override
    protected void update(double[] w, double[] g, Averages s, long t, double lr, int from, int to) {
        double rho = config.rho();
        double momentum = config.momentum();
        double epsilon = config.epsilon();
        double[] v = s.velocity().data();
        double[] m = s.momentum() == null ? null : s.momentum().data();
        double[] a = s.averageGradient() == null ? null : s.averageGradient().data();
        for (int i = from; i < to; i++) {
            v[i] = (rho * v[i] + (1 - rho) * g[i] * g[i] + FLUSH64) - FLUSH64; // flushed, see FLUSH64
            double denominator = v[i] + epsilon;
            if (a != null) {
                a[i] = (rho * a[i] + (1 - rho) * g[i] + FLUSH64) - FLUSH64;
                denominator -= a[i] * a[i];
            }
            double increment = lr * g[i] / Math.sqrt(denominator);
            if (m != null) {
                m[i] = (momentum * m[i] + increment + FLUSH64) - FLUSH64;
                w[i] -= m[i];
            } else {
                w[i] -= increment;
            }
        }
    }
    // [float32] Generated from the [float64] code above by Float32Generator; do not edit.
    @Override
    protected void update(float[] w, float[] g, Averages s, long t, float lr, int from, int to) {
        float rho = (float) (config.rho());
        float momentum = (float) (config.momentum());
        float epsilon = (float) (config.epsilon());
        float[] v = s.velocity().floatData();
        float[] m = s.momentum() == null ? null : s.momentum().floatData();
        float[] a = s.averageGradient() == null ? null : s.averageGradient().floatData();
        for (int i = from; i < to; i++) {
            v[i] = (rho * v[i] + (1 - rho) * g[i] * g[i] + FLUSH32) - FLUSH32; // flushed, see FLUSH32
            float denominator = v[i] + epsilon;
            if (a != null) {
                a[i] = (rho * a[i] + (1 - rho) * g[i] + FLUSH32) - FLUSH32;
                denominator -= a[i] * a[i];
            }
            float increment = (float) (lr * g[i] / (float) Math.sqrt(denominator));
            if (m != null) {
                m[i] = (momentum * m[i] + increment + FLUSH32) - FLUSH32;
                w[i] -= m[i];
            } else {
                w[i] -= increment;
            }
        }
    }
    // [end float32]

    @Override
    protected Averages newSlots(Precision precision, int size) {
        return new Averages(Tensor.zeros(precision, size), config.momentum() > 0 ? Tensor.zeros(precision, size) : null,
                config.centered() ? Tensor.zeros(precision, size) : null);
    }

    @Override
    protected Averages slotsOf(Tensor[] tensors) {
        int k = 1;
        Tensor m = config.momentum() > 0 ? tensors[k++] : null;
        Tensor a = config.centered() ? tensors[k] : null;
        return new Averages(tensors[0], m, a);
    }

    @Override
    public List<String> slotNames() {
        List<String> names = new ArrayList<>(List.of("velocity"));
        if (config.momentum() > 0) {
            names.add("momentum");
        }
        if (config.centered()) {
            names.add("average_gradient");
        }
        return List.copyOf(names);
    }
}
