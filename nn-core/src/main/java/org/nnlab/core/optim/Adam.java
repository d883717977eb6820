package org.nnlab.core.optim;

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
 * the bias-corrected √v̂, so it acts slightly larger early in training than PyTorch's ε does.
 *
 * <p>Defaults: η = {@value #DEFAULT_LEARNING_RATE}, β1 = {@value #DEFAULT_BETA_1}, β2 =
 * {@value #DEFAULT_BETA_2}, ε = {@value #DEFAULT_EPSILON}, AMSGrad {@value #DEFAULT_AMSGRAD}.
 */
public final class Adam extends Optimizer {
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

    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final boolean amsgrad;

    /** Adam with Keras's defaults. */
    public Adam() {
        this(DEFAULT_LEARNING_RATE);
    }

    /** Adam with the given learning rate and Keras's other defaults. */
    public Adam(double learningRate) {
        this(learningRate, DEFAULT_BETA_1, DEFAULT_BETA_2, DEFAULT_EPSILON, DEFAULT_AMSGRAD);
    }

    /**
     * Adam with every hyperparameter; {@link #builder()} names them.
     *
     * @throws IllegalArgumentException if {@code learningRate} or {@code epsilon} is not &gt; 0, or
     *     a beta is outside [0, 1)
     */
    public Adam(double learningRate, double beta1, double beta2, double epsilon, boolean amsgrad) {
        super(learningRate);
        this.beta1 = requireUnitInterval("beta1", beta1,
                "Hint: beta1 is the decay of the mean gradient; 0.9 is usual.");
        this.beta2 = requireUnitInterval("beta2", beta2,
                "Hint: beta2 is the decay of the mean squared gradient; 0.999 is usual.");
        this.epsilon = requirePositive("epsilon", epsilon);
        this.amsgrad = amsgrad;
    }

    /** A builder starting from Keras's defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** The decay β1 of the first-moment estimate. */
    public double beta1() {
        return beta1;
    }

    /** The decay β2 of the second-moment estimate. */
    public double beta2() {
        return beta2;
    }

    /** ε, added to √v. */
    public double epsilon() {
        return epsilon;
    }

    /** Whether the AMSGrad variant (never-decreasing v) is used. */
    public boolean amsgrad() {
        return amsgrad;
    }

    @Override
    protected void update(double[] w, double[] g, double[][] slots, long t, int from, int to) {
        double alpha = learningRate() * Math.sqrt(1 - Math.pow(beta2, t)) / (1 - Math.pow(beta1, t));
        double[] m = slots[0];
        double[] v = slots[1];
        double[] vMax = amsgrad ? slots[2] : v;
        for (int i = from; i < to; i++) {
            m[i] += (g[i] - m[i]) * (1 - beta1);
            v[i] += (g[i] * g[i] - v[i]) * (1 - beta2);
            if (amsgrad) {
                vMax[i] = Math.max(vMax[i], v[i]);
            }
            w[i] -= alpha * m[i] / (Math.sqrt(vMax[i]) + epsilon);
        }
    }

    @Override
    protected double[][] newSlots(int size) {
        return new double[amsgrad ? 3 : 2][size];
    }

    @Override
    public String kerasName() {
        return "adam";
    }

    @Override
    public String toString() {
        return "Adam(learningRate=" + learningRate() + ", beta1=" + beta1 + ", beta2=" + beta2 + ", epsilon="
                + epsilon + ", amsgrad=" + amsgrad + ")";
    }

    /** Names Adam's hyperparameters one by one; unset ones keep Keras's defaults. */
    public static final class Builder {
        private double learningRate = DEFAULT_LEARNING_RATE;
        private double beta1 = DEFAULT_BETA_1;
        private double beta2 = DEFAULT_BETA_2;
        private double epsilon = DEFAULT_EPSILON;
        private boolean amsgrad = DEFAULT_AMSGRAD;

        private Builder() {
        }

        /** Sets the learning rate η. */
        public Builder learningRate(double value) {
            learningRate = value;
            return this;
        }

        /** Sets β1. */
        public Builder beta1(double value) {
            beta1 = value;
            return this;
        }

        /** Sets β2. */
        public Builder beta2(double value) {
            beta2 = value;
            return this;
        }

        /** Sets ε. */
        public Builder epsilon(double value) {
            epsilon = value;
            return this;
        }

        /** Sets whether to use AMSGrad. */
        public Builder amsgrad(boolean value) {
            amsgrad = value;
            return this;
        }

        /**
         * The optimizer.
         *
         * @throws IllegalArgumentException if a hyperparameter is out of range (the message names it)
         */
        public Adam build() {
            return new Adam(learningRate, beta1, beta2, epsilon, amsgrad);
        }
    }
}
