package org.nnlab.core.optim;

import java.util.List;
import java.util.Objects;
import org.nnlab.core.internal.Checks;
import org.nnlab.core.optim.schedule.Constant;
import org.nnlab.core.optim.schedule.LearningRate;
import org.nnlab.core.tensor.Precision;
import org.nnlab.core.tensor.Tensor;

/**
 * Adam: steps scaled by running estimates of each gradient's mean and uncentered variance.
 *
 * <p>Exactly the rule of Keras 3's {@code keras.optimizers.Adam}, from Kingma and Ba, "Adam: A
 * Method for Stochastic Optimization", ICLR 2015. At step t (counting from 1) the update of a
 * weight w with gradient g, learning rate η, decays β1 and β2:
 * <ol>
 *   <li>α = η · √(1 − β2^t) / (1 − β1^t), the bias correction folded into the step size;
 *   <li>m ← m + (g − m)(1 − β1) and v ← v + (g² − v)(1 − β2), both starting at 0;
 *   <li>AMSGrad only: v̂ ← max(v̂, v), used in place of v below (Reddi, Kale and Kumar, "On the
 *       Convergence of Adam and Beyond", ICLR 2018);
 *   <li>w ← w − α·m / (√v + ε).
 * </ol>
 * This is the paper's "ε̂" form (the formula just before its section 2.1): ε is added to √v, not to
 * the bias-corrected √v̂, so it acts slightly larger early in training than PyTorch's ε does. One
 * departure, invisible in any weight: m and v that decay that far are rounded to multiples of
 * 2⁻¹⁰³ in float32 (2⁻¹⁰²² in float64) instead of turning subnormal, which would slow the update
 * 2–3× ({@link Optimizer#FLUSH64}).
 *
 * <p>Defaults: η = {@value #DEFAULT_LEARNING_RATE}, β1 = {@value #DEFAULT_BETA_1}, β2 =
 * {@value #DEFAULT_BETA_2}, ε = {@value #DEFAULT_EPSILON}, AMSGrad {@value #DEFAULT_AMSGRAD}; the
 * hyperparameters are an {@link Config}. Per parameter Adam keeps {@link Moments}: m, v and, for
 * AMSGrad, v̂.
 */
public final class Adam extends Optimizer<Adam.Moments> {
    /** Keras's default learning rate for Adam. */
    public static final double DEFAULT_LEARNING_RATE = 0.001;
    /** Keras's default decay of the first-moment (mean) estimate. */
    public static final double DEFAULT_BETA_1 = 0.9;
    /** Keras's default decay of the second-moment (uncentered variance) estimate. */
    public static final double DEFAULT_BETA_2 = 0.999;
    /** Keras's default ε, added to √v. */
    public static final double DEFAULT_EPSILON = 1e-7;
    /** Keras's default: plain Adam, not AMSGrad. */
    public static final boolean DEFAULT_AMSGRAD = false;

    private final Config config;

    /** Adam with Keras's defaults. */
    public Adam() {
        this(Config.DEFAULTS);
    }

    /** Adam with the given learning rate and Keras's other defaults. */
    public Adam(double learningRate) {
        this(Config.DEFAULTS.learningRate(learningRate));
    }

    /** Adam with the hyperparameters of {@code config}. */
    public Adam(Config config) {
        this.config = java.util.Objects.requireNonNull(config, "config");
    }

    /**
     * Adam's hyperparameters, validated.
     *
     * @param learningRate η: a constant &gt; 0 or a schedule
     * @param beta1 the decay of the first moment, in [0, 1)
     * @param beta2 the decay of the second moment, in [0, 1)
     * @param epsilon ε &gt; 0, added to √v
     * @param amsgrad whether to use the AMSGrad variant (never-decreasing v)
     * @param options weight decay and clipping, {@link OptimizerOptions#NONE} by default
     */
    public record Config(LearningRate learningRate, double beta1, double beta2, double epsilon, boolean amsgrad,
                         OptimizerOptions options) implements OptimizerConfig<Config> {
        /** Keras's defaults. */
        public static final Config DEFAULTS =
                new Config(DEFAULT_LEARNING_RATE, DEFAULT_BETA_1, DEFAULT_BETA_2, DEFAULT_EPSILON, DEFAULT_AMSGRAD);

        /** @throws IllegalArgumentException naming the first hyperparameter out of range */
        public Config {
            checkAdam("Adam", learningRate, beta1, beta2, epsilon, DEFAULT_LEARNING_RATE);
            Objects.requireNonNull(options, "options");
        }

        /** A constant learning rate and no weight decay or clipping. */
        public Config(double learningRate, double beta1, double beta2, double epsilon, boolean amsgrad) {
            this(new Constant(learningRate), beta1, beta2, epsilon, amsgrad, OptimizerOptions.NONE);
        }

        @Override
        public Config learningRate(LearningRate value) {
            return new Config(value, beta1, beta2, epsilon, amsgrad, options);
        }

        @Override
        public Config options(OptimizerOptions value) {
            return new Config(learningRate, beta1, beta2, epsilon, amsgrad, value);
        }

        /** A copy with another β1. */
        public Config beta1(double value) {
            return new Config(learningRate, value, beta2, epsilon, amsgrad, options);
        }

        /** A copy with another β2. */
        public Config beta2(double value) {
            return new Config(learningRate, beta1, value, epsilon, amsgrad, options);
        }

        /** A copy with another ε. */
        public Config epsilon(double value) {
            return new Config(learningRate, beta1, beta2, value, amsgrad, options);
        }

        /** A copy with AMSGrad on or off. */
        public Config amsgrad(boolean value) {
            return new Config(learningRate, beta1, beta2, epsilon, value, options);
        }

        @Override
        public Adam create() {
            return new Adam(this);
        }

        @Override
        public String kerasName() {
            return "adam";
        }
    }

    /**
     * Adam's state for one parameter, named as Keras names it.
     *
     * @param momentum m, the running mean of the gradient
     * @param velocity v, the running mean of the squared gradient
     * @param velocityHat v̂ = the largest v so far (AMSGrad only; null otherwise)
     */
    public record Moments(Tensor momentum, Tensor velocity, Tensor velocityHat) implements Slots {
        @Override
        public Tensor[] tensors() {
            return velocityHat == null ? new Tensor[] {momentum, velocity} : new Tensor[] {momentum, velocity, velocityHat};
        }
    }

    @Override
    public Config config() {
        return config;
    }

    /** Adam's ranges, shared with {@link AdamW}, whose hyperparameters are Adam's. */
    static void checkAdam(String optimizer, LearningRate learningRate, double beta1, double beta2, double epsilon,
                          double defaultLearningRate) {
        checkLearningRate(optimizer, learningRate, defaultLearningRate);
        Checks.unitInterval(optimizer + " beta1", beta1, "beta1 is the decay of the mean gradient; Keras uses "
                + DEFAULT_BETA_1 + ".");
        Checks.unitInterval(optimizer + " beta2", beta2, "beta2 is the decay of the mean squared gradient; Keras uses "
                + DEFAULT_BETA_2 + ".");
        Checks.positive(optimizer + " epsilon", epsilon, "epsilon keeps the step finite where v is 0; Keras uses "
                + DEFAULT_EPSILON + ".");
    }

    // [float64] The float32 twin below is generated from this code (Float32Generator).
    @Override
    protected void update(double[] w, double[] g, Moments s, long t, double lr, int from, int to) {
        double beta1 = config.beta1();
        double beta2 = config.beta2();
        double epsilon = config.epsilon();
        double alpha = lr * Math.sqrt(1 - Math.pow(beta2, t)) / (1 - Math.pow(beta1, t));
        double[] m = s.momentum().data();
        double[] v = s.velocity().data();
        boolean amsgrad = config.amsgrad();
        double[] vHat = amsgrad ? s.velocityHat().data() : v;
        for (int i = from; i < to; i++) {
            m[i] = (m[i] + (g[i] - m[i]) * (1 - beta1) + FLUSH64) - FLUSH64; // flushed, see FLUSH64
            v[i] = (v[i] + (g[i] * g[i] - v[i]) * (1 - beta2) + FLUSH64) - FLUSH64;
            if (amsgrad) {
                vHat[i] = Math.max(vHat[i], v[i]);
            }
            w[i] -= alpha * m[i] / (Math.sqrt(vHat[i]) + epsilon);
        }
    }
    // [float32] Generated from the [float64] code above by Float32Generator; do not edit.
    @Override
    protected void update(float[] w, float[] g, Moments s, long t, float lr, int from, int to) {
        float beta1 = (float) (config.beta1());
        float beta2 = (float) (config.beta2());
        float epsilon = (float) (config.epsilon());
        float alpha = (float) (lr * (float) Math.sqrt(1 - (float) Math.pow(beta2, t)) / (1 - (float) Math.pow(beta1, t)));
        float[] m = s.momentum().floatData();
        float[] v = s.velocity().floatData();
        boolean amsgrad = config.amsgrad();
        float[] vHat = amsgrad ? s.velocityHat().floatData() : v;
        for (int i = from; i < to; i++) {
            m[i] = (m[i] + (g[i] - m[i]) * (1 - beta1) + FLUSH32) - FLUSH32; // flushed, see FLUSH32
            v[i] = (v[i] + (g[i] * g[i] - v[i]) * (1 - beta2) + FLUSH32) - FLUSH32;
            if (amsgrad) {
                vHat[i] = Math.max(vHat[i], v[i]);
            }
            w[i] -= alpha * m[i] / ((float) Math.sqrt(vHat[i]) + epsilon);
        }
    }
    // [end float32]

    @Override
    protected Moments newSlots(Precision precision, int size) {
        return new Moments(Tensor.zeros(precision, size), Tensor.zeros(precision, size),
                config.amsgrad() ? Tensor.zeros(precision, size) : null);
    }

    @Override
    protected Moments slotsOf(Tensor[] tensors) {
        return new Moments(tensors[0], tensors[1], config.amsgrad() ? tensors[2] : null);
    }

    @Override
    public List<String> slotNames() {
        return config.amsgrad() ? List.of("momentum", "velocity", "velocity_hat") : List.of("momentum", "velocity");
    }
}
