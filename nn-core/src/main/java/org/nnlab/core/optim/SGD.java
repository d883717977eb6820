package org.nnlab.core.optim;

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
 * {@value #DEFAULT_NESTEROV}. With μ = 0 no velocity is kept and the Nesterov flag has no effect.
 */
public final class SGD extends Optimizer {
    /** Keras's default learning rate for SGD. */
    public static final double DEFAULT_LEARNING_RATE = 0.01;
    /** Keras's default momentum: none. */
    public static final double DEFAULT_MOMENTUM = 0.0;
    /** Keras's default: classical (not Nesterov) momentum. */
    public static final boolean DEFAULT_NESTEROV = false;

    private final double momentum;
    private final boolean nesterov;

    /** Plain SGD with Keras's defaults. */
    public SGD() {
        this(DEFAULT_LEARNING_RATE);
    }

    /** Plain SGD (no momentum) with the given learning rate. */
    public SGD(double learningRate) {
        this(learningRate, DEFAULT_MOMENTUM, DEFAULT_NESTEROV);
    }

    /**
     * SGD with every hyperparameter.
     *
     * @throws IllegalArgumentException if {@code learningRate} is not &gt; 0 or {@code momentum} is
     *     outside [0, 1)
     */
    public SGD(double learningRate, double momentum, boolean nesterov) {
        super(learningRate);
        this.momentum = requireUnitInterval("momentum", momentum,
                "Hint: 0 is plain gradient descent; 0.9 is the usual momentum.");
        this.nesterov = nesterov;
    }

    /** The momentum μ. */
    public double momentum() {
        return momentum;
    }

    /** Whether the Nesterov form of momentum is used. */
    public boolean nesterov() {
        return nesterov;
    }

    @Override
    protected void update(double[] w, double[] g, double[][] slots, long t, int from, int to) {
        double lr = learningRate();
        if (momentum == 0) {
            for (int i = from; i < to; i++) {
                w[i] -= lr * g[i];
            }
            return;
        }
        double[] v = slots[0];
        for (int i = from; i < to; i++) {
            v[i] = momentum * v[i] - lr * g[i];
            // Nesterov steps from the look-ahead point: the new velocity once more, plus the gradient step.
            w[i] += nesterov ? momentum * v[i] - lr * g[i] : v[i];
        }
    }

    @Override
    protected double[][] newSlots(int size) {
        return momentum == 0 ? new double[0][] : new double[][] {new double[size]};
    }

    @Override
    public String kerasName() {
        return "sgd";
    }

    @Override
    public String toString() {
        return "SGD(learningRate=" + learningRate() + ", momentum=" + momentum + ", nesterov=" + nesterov + ")";
    }
}
