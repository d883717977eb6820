package org.nnlab.core.regularizer;

/**
 * A penalty on a weight's values, added to the loss: Keras's {@code keras.regularizers.Regularizer}.
 *
 * <p>{@link #penalty} is the term added to the loss and {@link #addGradient} adds its derivative
 * into the weight's grad, the derivative written beside the function. The family is closed and
 * follows Keras 3's {@code regularizers.py} exactly: {@link L1} is l1·Σ|w|, {@link L2} is l2·Σw²
 * and {@link L1L2} their sum. Every factor must be finite and ≥ 0, Keras's
 * {@code validate_float_arg}. A regularizer is an immutable value; two with equal factors are equal.
 */
public sealed interface Regularizer permits L1, L2, L1L2 {

    /** The penalty for weights {@code w}: the term this regularizer adds to the loss. */
    double penalty(double[] w);

    /** Adds ∂penalty/∂w into {@code grad}, index by index; {@code grad} is as long as {@code w}. */
    void addGradient(double[] w, double[] grad);

    /** The name in JSON specs, as Keras's identifiers: {@code "l1"}, {@code "l2"}, {@code "l1_l2"}. */
    String kerasName();

    /** Σ|w|. */
    static double sumOfAbsolutes(double[] w) {
        double s = 0;
        for (double v : w) {
            s += Math.abs(v);
        }
        return s;
    }

    /** Σw². */
    static double sumOfSquares(double[] w) {
        double s = 0;
        for (double v : w) {
            s += v * v;
        }
        return s;
    }

    /** grad += l1·sign(w): the derivative of l1·Σ|w|, 0 where w = 0 (TensorFlow's gradient of |w|). */
    static void addL1Gradient(double l1, double[] w, double[] grad) {
        for (int i = 0; i < w.length; i++) {
            grad[i] += l1 * Math.signum(w[i]);
        }
    }

    /** grad += 2·l2·w: the derivative of l2·Σw². */
    static void addL2Gradient(double l2, double[] w, double[] grad) {
        double twoL2 = 2 * l2;
        for (int i = 0; i < w.length; i++) {
            grad[i] += twoL2 * w[i];
        }
    }
}
