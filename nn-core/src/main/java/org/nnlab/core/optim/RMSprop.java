package org.nnlab.core.optim;

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
 * {@value #DEFAULT_MOMENTUM}, ε = {@value #DEFAULT_EPSILON}, centered {@value #DEFAULT_CENTERED}.
 */
public final class RMSprop extends Optimizer {
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

    private final double rho;
    private final double momentum;
    private final double epsilon;
    private final boolean centered;
    // Slot positions: 0 is always the mean square; the optional ones follow, -1 when absent.
    private final int momentumSlot;
    private final int meanGradientSlot;

    /** RMSprop with Keras's defaults. */
    public RMSprop() {
        this(DEFAULT_LEARNING_RATE);
    }

    /** RMSprop with the given learning rate and Keras's other defaults. */
    public RMSprop(double learningRate) {
        this(learningRate, DEFAULT_RHO, DEFAULT_MOMENTUM, DEFAULT_EPSILON, DEFAULT_CENTERED);
    }

    /**
     * RMSprop with every hyperparameter; {@link #builder()} names them.
     *
     * @throws IllegalArgumentException if {@code learningRate} or {@code epsilon} is not &gt; 0, or
     *     {@code rho} or {@code momentum} is outside [0, 1)
     */
    public RMSprop(double learningRate, double rho, double momentum, double epsilon, boolean centered) {
        super(learningRate);
        this.rho = requireUnitInterval("rho", rho, "Hint: rho is the decay of the running mean square; 0.9 is usual.");
        this.momentum = requireUnitInterval("momentum", momentum, "Hint: 0 means no momentum; 0.9 is usual.");
        this.epsilon = requirePositive("epsilon", epsilon);
        this.centered = centered;
        this.momentumSlot = momentum > 0 ? 1 : -1;
        this.meanGradientSlot = centered ? (momentum > 0 ? 2 : 1) : -1;
    }

    /** A builder starting from Keras's defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** The decay ρ of the running mean square. */
    public double rho() {
        return rho;
    }

    /** The momentum μ. */
    public double momentum() {
        return momentum;
    }

    /** ε, added under the square root. */
    public double epsilon() {
        return epsilon;
    }

    /** Whether the gradient is divided by its estimated standard deviation rather than its RMS. */
    public boolean centered() {
        return centered;
    }

    @Override
    protected void update(double[] w, double[] g, double[][] slots, long t, int from, int to) {
        double lr = learningRate();
        double[] v = slots[0];
        double[] m = momentumSlot < 0 ? null : slots[momentumSlot];
        double[] a = meanGradientSlot < 0 ? null : slots[meanGradientSlot];
        for (int i = from; i < to; i++) {
            v[i] = rho * v[i] + (1 - rho) * g[i] * g[i];
            double denominator = v[i] + epsilon;
            if (a != null) {
                a[i] = rho * a[i] + (1 - rho) * g[i];
                denominator -= a[i] * a[i];
            }
            double increment = lr * g[i] / Math.sqrt(denominator);
            if (m != null) {
                m[i] = momentum * m[i] + increment;
                w[i] -= m[i];
            } else {
                w[i] -= increment;
            }
        }
    }

    @Override
    protected double[][] newSlots(int size) {
        int count = 1 + (momentumSlot < 0 ? 0 : 1) + (meanGradientSlot < 0 ? 0 : 1);
        return new double[count][size];
    }

    @Override
    public String kerasName() {
        return "rmsprop";
    }

    @Override
    public String toString() {
        return "RMSprop(learningRate=" + learningRate() + ", rho=" + rho + ", momentum=" + momentum + ", epsilon="
                + epsilon + ", centered=" + centered + ")";
    }

    /** Names RMSprop's hyperparameters one by one; unset ones keep Keras's defaults. */
    public static final class Builder {
        private double learningRate = DEFAULT_LEARNING_RATE;
        private double rho = DEFAULT_RHO;
        private double momentum = DEFAULT_MOMENTUM;
        private double epsilon = DEFAULT_EPSILON;
        private boolean centered = DEFAULT_CENTERED;

        private Builder() {
        }

        /** Sets the learning rate η. */
        public Builder learningRate(double value) {
            learningRate = value;
            return this;
        }

        /** Sets the decay ρ of the running mean square. */
        public Builder rho(double value) {
            rho = value;
            return this;
        }

        /** Sets the momentum μ. */
        public Builder momentum(double value) {
            momentum = value;
            return this;
        }

        /** Sets ε. */
        public Builder epsilon(double value) {
            epsilon = value;
            return this;
        }

        /** Sets whether to divide by the centered second moment. */
        public Builder centered(boolean value) {
            centered = value;
            return this;
        }

        /**
         * The optimizer.
         *
         * @throws IllegalArgumentException if a hyperparameter is out of range (the message names it)
         */
        public RMSprop build() {
            return new RMSprop(learningRate, rho, momentum, epsilon, centered);
        }
    }
}
