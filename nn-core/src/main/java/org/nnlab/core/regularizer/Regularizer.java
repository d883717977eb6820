package org.nnlab.core.regularizer;

import org.nnlab.core.tensor.Precision;
import org.nnlab.core.tensor.Tensor;

/**
 * A penalty on a weight's values, added to the loss: Keras's {@code keras.regularizers.Regularizer}.
 *
 * <p>{@link #penalty} is the term added to the loss and {@link #addGradient} adds its derivative
 * into the weight's grad, the derivative written beside the function. The family is closed and
 * follows Keras 3's {@code regularizers.py} exactly: {@link L1} is l1·Σ|w|, {@link L2} is l2·Σw²
 * and {@link L1L2} their sum. Every factor must be finite and ≥ 0, Keras's
 * {@code validate_float_arg}. A regularizer is an immutable value; two with equal factors are equal.
 *
 * <p>Weights of either precision: the penalty is summed in double (as nnlab computes every loss),
 * the gradient is added in the weight's precision with the factor rounded to it, as Keras casts it
 * to the variable's dtype. The {@code double[]} methods are the same on a float64 view.
 */
public sealed interface Regularizer permits L1, L2, L1L2 {

    /** The penalty for weights {@code w} of either precision: the term this regularizer adds to the loss. */
    double penalty(Tensor w);

    /**
     * Adds ∂penalty/∂w into {@code grad}, index by index, in their precision.
     *
     * @throws IllegalArgumentException if {@code grad} is not as long as {@code w} or of another precision
     */
    void addGradient(Tensor w, Tensor grad);

    /** {@link #penalty(Tensor)} of float64 weights. */
    default double penalty(double[] w) {
        return penalty(Tensor.wrap(w, w.length));
    }

    /** {@link #addGradient(Tensor, Tensor)} on float64 arrays of equal length. */
    default void addGradient(double[] w, double[] grad) {
        addGradient(Tensor.wrap(w, w.length), Tensor.wrap(grad, grad.length));
    }

    /** The name in JSON specs, as Keras's identifiers: {@code "l1"}, {@code "l2"}, {@code "l1_l2"}. */
    String kerasName();

    /** grad += l1·sign(w): the derivative of l1·Σ|w|, 0 where w = 0 (TensorFlow's gradient of |w|). */
    static void addL1Gradient(double l1, Tensor w, Tensor grad) {
        if (checkedPair(w, grad) == Precision.FLOAT32) {
            addL1Gradient((float) l1, w.floatData(), grad.floatData());
        } else {
            addL1Gradient(l1, w.data(), grad.data());
        }
    }

    /** grad += 2·l2·w: the derivative of l2·Σw². */
    static void addL2Gradient(double l2, Tensor w, Tensor grad) {
        if (checkedPair(w, grad) == Precision.FLOAT32) {
            addL2Gradient((float) l2, w.floatData(), grad.floatData());
        } else {
            addL2Gradient(l2, w.data(), grad.data());
        }
    }

    private static Precision checkedPair(Tensor w, Tensor grad) {
        if (w.size() != grad.size() || w.precision() != grad.precision()) {
            throw new IllegalArgumentException("A regularizer's gradient goes into a grad like its weights, but the"
                    + " weights are " + w.size() + " " + w.precision() + " values and the grad " + grad.size() + " "
                    + grad.precision() + " values. Hint: pass a parameter's value() and grad().");
        }
        return w.precision();
    }

    // [float64] The float32 twin below is generated from this code (Float32Generator).
    private static void addL1Gradient(double l1, double[] w, double[] grad) {
        for (int i = 0; i < w.length; i++) {
            grad[i] += l1 * Math.signum(w[i]);
        }
    }

    private static void addL2Gradient(double l2, double[] w, double[] grad) {
        double twoL2 = 2 * l2;
        for (int i = 0; i < w.length; i++) {
            grad[i] += twoL2 * w[i];
        }
    }
    // [float32] Generated from the [float64] code above by Float32Generator; do not edit.
    private static void addL1Gradient(float l1, float[] w, float[] grad) {
        for (int i = 0; i < w.length; i++) {
            grad[i] += l1 * Math.signum(w[i]);
        }
    }

    private static void addL2Gradient(float l2, float[] w, float[] grad) {
        float twoL2 = 2 * l2;
        for (int i = 0; i < w.length; i++) {
            grad[i] += twoL2 * w[i];
        }
    }
    // [end float32]
}
