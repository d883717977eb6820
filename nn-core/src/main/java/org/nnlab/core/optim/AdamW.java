package org.nnlab.core.optim;

import java.util.List;
import java.util.Objects;
import org.nnlab.core.optim.schedule.Constant;
import org.nnlab.core.optim.schedule.LearningRate;
import org.nnlab.core.tensor.Precision;
import org.nnlab.core.tensor.Tensor;

/**
 * AdamW: Adam with decoupled weight decay on by default, Keras's {@code keras.optimizers.AdamW}.
 *
 * <p>Keras 3's {@code AdamW} is its {@code Adam} with {@code weight_decay=0.004} instead of none
 * (Loshchilov and Hutter, "Decoupled Weight Decay Regularization", ICLR 2019). Each step: the
 * gradients are clipped if asked, every weight not excluded decays, w ← w − w·λ·η, and then Adam's
 * own update runs, exactly {@link Adam}'s rule. The decay is applied to the weights directly, not
 * added to the gradient: unlike an {@code L2} penalty it is not divided by √v, so every weight
 * shrinks at the same relative rate. Biases and batch normalization's γ and β are usually exempt:
 * {@code AdamW.Config.DEFAULTS.excludeFromWeightDecay("bias", "gamma", "beta")}.
 *
 * <p>Defaults: η = {@value #DEFAULT_LEARNING_RATE}, λ = {@value #DEFAULT_WEIGHT_DECAY}, and Adam's
 * β1, β2, ε and AMSGrad. The state per parameter is Adam's {@link Adam.Moments}.
 */
public final class AdamW extends Optimizer<Adam.Moments> {
    /** Keras's default learning rate for AdamW. */
    public static final double DEFAULT_LEARNING_RATE = 0.001;
    /** Keras's default weight decay λ for AdamW. */
    public static final double DEFAULT_WEIGHT_DECAY = 0.004;

    private final Config config;
    /** Adam with the same hyperparameters: its update rule is AdamW's after the decay. */
    private final Adam adam;

    /** AdamW with Keras's defaults. */
    public AdamW() {
        this(Config.DEFAULTS);
    }

    /** AdamW with the hyperparameters of {@code config}. */
    public AdamW(Config config) {
        this.config = Objects.requireNonNull(config, "config");
        this.adam = new Adam(new Adam.Config(config.learningRate(), config.beta1(), config.beta2(), config.epsilon(),
                config.amsgrad(), OptimizerOptions.NONE));
    }

    /**
     * AdamW's hyperparameters, validated: Adam's, with weight decay in the options.
     *
     * @param learningRate η: a constant &gt; 0 or a schedule
     * @param beta1 the decay of the first moment, in [0, 1)
     * @param beta2 the decay of the second moment, in [0, 1)
     * @param epsilon ε &gt; 0, added to √v
     * @param amsgrad whether to use the AMSGrad variant
     * @param options weight decay (λ = {@value #DEFAULT_WEIGHT_DECAY} by default), its exclusions, clipping
     */
    public record Config(LearningRate learningRate, double beta1, double beta2, double epsilon, boolean amsgrad,
                         OptimizerOptions options) implements OptimizerConfig<Config> {
        /** Keras's defaults. */
        public static final Config DEFAULTS = new Config(new Constant(DEFAULT_LEARNING_RATE), Adam.DEFAULT_BETA_1,
                Adam.DEFAULT_BETA_2, Adam.DEFAULT_EPSILON, Adam.DEFAULT_AMSGRAD,
                OptimizerOptions.NONE.weightDecay(DEFAULT_WEIGHT_DECAY));

        /** @throws IllegalArgumentException naming the first hyperparameter out of range */
        public Config {
            Adam.checkAdam("AdamW", learningRate, beta1, beta2, epsilon, DEFAULT_LEARNING_RATE);
            Objects.requireNonNull(options, "options");
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
        public AdamW create() {
            return new AdamW(this);
        }

        @Override
        public String kerasName() {
            return "adamw";
        }
    }

    @Override
    public Config config() {
        return config;
    }

    @Override
    protected void update(double[] w, double[] g, Adam.Moments s, long t, double lr, int from, int to) {
        adam.update(w, g, s, t, lr, from, to);
    }

    @Override
    protected void update(float[] w, float[] g, Adam.Moments s, long t, float lr, int from, int to) {
        adam.update(w, g, s, t, lr, from, to);
    }

    @Override
    protected Adam.Moments newSlots(Precision precision, int size) {
        return adam.newSlots(precision, size);
    }

    @Override
    protected Adam.Moments slotsOf(Tensor[] tensors) {
        return adam.slotsOf(tensors);
    }

    @Override
    public List<String> slotNames() {
        return adam.slotNames();
    }
}
