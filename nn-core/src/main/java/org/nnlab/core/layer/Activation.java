package org.nnlab.core.layer;

import org.nnlab.core.tensor.Precision;
import org.nnlab.core.tensor.Tensor;

/**
 * The activation functions of the lecture, each with its derivative right below it.
 *
 * <p>Activations work row by row on a {@code (batch, units)} block stored flat. Each constant holds
 * its f, on a block and on one number, and then its f′: the backward pass, written in terms of the
 * output {@code y} (σ′ = y(1 − y), tanh′ = 1 − y², relu′ = [y &gt; 0]) so the pre-activation need
 * not be kept. {@link #STEP} is the perceptron's Heaviside step: it has no useful derivative, and
 * backpropagating through it is refused with an explanation. The block forms are written once, in
 * double; their float overloads, which float32 models run, are generated from them.
 */
public enum Activation {
    /** f(z) = z. */
    LINEAR("linear") {
        @Override
        public double apply(double z) {
            return z;
        }

        // [float64] The float32 twin below is generated from this code (Float32Generator).
        @Override
        public void apply(double[] z, double[] y, int rows, int cols) {
            if (y != z) {
                System.arraycopy(z, 0, y, 0, rows * cols);
            }
        }

        @Override
        public void backward(double[] y, double[] dy, double[] dz, int rows, int cols) {
            // f'(z) = 1
            if (dz != dy) {
                System.arraycopy(dy, 0, dz, 0, rows * cols);
            }
        }
        // [float32] Generated from the [float64] code above by Float32Generator; do not edit.
        @Override
        public void apply(float[] z, float[] y, int rows, int cols) {
            if (y != z) {
                System.arraycopy(z, 0, y, 0, rows * cols);
            }
        }

        @Override
        public void backward(float[] y, float[] dy, float[] dz, int rows, int cols) {
            // f'(z) = 1
            if (dz != dy) {
                System.arraycopy(dy, 0, dz, 0, rows * cols);
            }
        }
        // [end float32]
    },

    /** f(z) = 1 / (1 + e^−z); computed without overflow for large |z|. */
    SIGMOID("sigmoid") {
        @Override
        public double apply(double z) {
            return sigmoid(z);
        }

        // [float64] The float32 twin below is generated from this code (Float32Generator).
        @Override
        public void apply(double[] z, double[] y, int rows, int cols) {
            for (int i = 0; i < rows * cols; i++) {
                y[i] = sigmoid(z[i]);
            }
        }

        @Override
        public void backward(double[] y, double[] dy, double[] dz, int rows, int cols) {
            // σ'(z) = σ(z)(1 − σ(z)) = y(1 − y)
            for (int i = 0; i < rows * cols; i++) {
                dz[i] = dy[i] * y[i] * (1 - y[i]);
            }
        }
        // [float32] Generated from the [float64] code above by Float32Generator; do not edit.
        @Override
        public void apply(float[] z, float[] y, int rows, int cols) {
            for (int i = 0; i < rows * cols; i++) {
                y[i] = sigmoid(z[i]);
            }
        }

        @Override
        public void backward(float[] y, float[] dy, float[] dz, int rows, int cols) {
            // σ'(z) = σ(z)(1 − σ(z)) = y(1 − y)
            for (int i = 0; i < rows * cols; i++) {
                dz[i] = dy[i] * y[i] * (1 - y[i]);
            }
        }
        // [end float32]
    },

    /** f(z) = tanh(z). */
    TANH("tanh") {
        @Override
        public double apply(double z) {
            return Math.tanh(z);
        }

        // [float64] The float32 twin below is generated from this code (Float32Generator).
        @Override
        public void apply(double[] z, double[] y, int rows, int cols) {
            for (int i = 0; i < rows * cols; i++) {
                y[i] = Math.tanh(z[i]);
            }
        }

        @Override
        public void backward(double[] y, double[] dy, double[] dz, int rows, int cols) {
            // tanh'(z) = 1 − tanh²(z) = 1 − y²
            for (int i = 0; i < rows * cols; i++) {
                dz[i] = dy[i] * (1 - y[i] * y[i]);
            }
        }
        // [float32] Generated from the [float64] code above by Float32Generator; do not edit.
        @Override
        public void apply(float[] z, float[] y, int rows, int cols) {
            for (int i = 0; i < rows * cols; i++) {
                y[i] = (float) Math.tanh(z[i]);
            }
        }

        @Override
        public void backward(float[] y, float[] dy, float[] dz, int rows, int cols) {
            // tanh'(z) = 1 − tanh²(z) = 1 − y²
            for (int i = 0; i < rows * cols; i++) {
                dz[i] = dy[i] * (1 - y[i] * y[i]);
            }
        }
        // [end float32]
    },

    /** f(z) = max(0, z); the derivative at 0 is taken as 0, as in Keras and PyTorch; NaN stays NaN. */
    RELU("relu") {
        @Override
        public double apply(double z) {
            return Math.max(z, 0.0);
        }

        // [float64] The float32 twin below is generated from this code (Float32Generator).
        @Override
        public void apply(double[] z, double[] y, int rows, int cols) {
            for (int i = 0; i < rows * cols; i++) {
                // Math.max, not a comparison: C2 vectorizes it, and half the batch's branches would mispredict.
                y[i] = Math.max(z[i], 0.0);
            }
        }

        @Override
        public void backward(double[] y, double[] dy, double[] dz, int rows, int cols) {
            // relu'(z) = [z > 0] = [y > 0]
            for (int i = 0; i < rows * cols; i++) {
                dz[i] = y[i] > 0 ? dy[i] : 0.0;
            }
        }
        // [float32] Generated from the [float64] code above by Float32Generator; do not edit.
        @Override
        public void apply(float[] z, float[] y, int rows, int cols) {
            for (int i = 0; i < rows * cols; i++) {
                // Math.max, not a comparison: C2 vectorizes it, and half the batch's branches would mispredict.
                y[i] = Math.max(z[i], 0.0f);
            }
        }

        @Override
        public void backward(float[] y, float[] dy, float[] dz, int rows, int cols) {
            // relu'(z) = [z > 0] = [y > 0]
            for (int i = 0; i < rows * cols; i++) {
                dz[i] = y[i] > 0 ? dy[i] : 0.0f;
            }
        }
        // [end float32]
    },

    /** f(z)_j = e^{z_j} / Σ_k e^{z_k} per row, computed as e^{z_j − max z} for stability. */
    SOFTMAX("softmax") {
        @Override
        public double apply(double z) {
            throw new UnsupportedOperationException(
                    "SOFTMAX normalizes a whole row; it has no scalar form. Use apply(z[], y[], rows, cols).");
        }

        // [float64] The float32 twin below is generated from this code (Float32Generator).
        @Override
        public void apply(double[] z, double[] y, int rows, int cols) {
            for (int r = 0; r < rows; r++) {
                int o = r * cols;
                double max = Double.NEGATIVE_INFINITY;
                for (int j = 0; j < cols; j++) {
                    max = Math.max(max, z[o + j]);
                }
                double sum = 0;
                for (int j = 0; j < cols; j++) {
                    double e = Math.exp(z[o + j] - max);
                    y[o + j] = e;
                    sum += e;
                }
                double inv = 1.0 / sum;
                for (int j = 0; j < cols; j++) {
                    y[o + j] *= inv;
                }
            }
        }

        @Override
        public void backward(double[] y, double[] dy, double[] dz, int rows, int cols) {
            // The Jacobian-vector product per row: dz_j = y_j (dy_j − Σ_k dy_k y_k)
            for (int r = 0; r < rows; r++) {
                int o = r * cols;
                double dot = 0;
                for (int j = 0; j < cols; j++) {
                    dot += dy[o + j] * y[o + j];
                }
                for (int j = 0; j < cols; j++) {
                    dz[o + j] = y[o + j] * (dy[o + j] - dot);
                }
            }
        }
        // [float32] Generated from the [float64] code above by Float32Generator; do not edit.
        @Override
        public void apply(float[] z, float[] y, int rows, int cols) {
            for (int r = 0; r < rows; r++) {
                int o = r * cols;
                float max = (float) (Float.NEGATIVE_INFINITY);
                for (int j = 0; j < cols; j++) {
                    max = Math.max(max, z[o + j]);
                }
                float sum = 0;
                for (int j = 0; j < cols; j++) {
                    float e = (float) Math.exp(z[o + j] - max);
                    y[o + j] = e;
                    sum += e;
                }
                float inv = 1.0f / sum;
                for (int j = 0; j < cols; j++) {
                    y[o + j] *= inv;
                }
            }
        }

        @Override
        public void backward(float[] y, float[] dy, float[] dz, int rows, int cols) {
            // The Jacobian-vector product per row: dz_j = y_j (dy_j − Σ_k dy_k y_k)
            for (int r = 0; r < rows; r++) {
                int o = r * cols;
                float dot = 0;
                for (int j = 0; j < cols; j++) {
                    dot += dy[o + j] * y[o + j];
                }
                for (int j = 0; j < cols; j++) {
                    dz[o + j] = y[o + j] * (dy[o + j] - dot);
                }
            }
        }
        // [end float32]
    },

    /**
     * The perceptron's step as the lecture defines it: f(z) = 1 if z > 0, else 0, so a point on the
     * line w·x + b = 0 is class 0. Trainable only with the perceptron rule.
     */
    STEP("step") {
        @Override
        public double apply(double z) {
            return z > 0 ? 1.0 : 0.0;
        }

        // [float64] The float32 twin below is generated from this code (Float32Generator).
        @Override
        public void apply(double[] z, double[] y, int rows, int cols) {
            for (int i = 0; i < rows * cols; i++) {
                y[i] = z[i] > 0 ? 1.0 : 0.0;
            }
        }

        @Override
        public void backward(double[] y, double[] dy, double[] dz, int rows, int cols) {
            throw new UnsupportedOperationException(
                    "Cannot backpropagate through the STEP activation: its derivative is 0 everywhere"
                            + " except at 0, where it does not exist, so every gradient would be 0 and"
                            + " nothing would learn. Train a step unit with the perceptron rule"
                            + " (org.nnlab.core.train.PerceptronRule), or use SIGMOID, the smooth step"
                            + " that backpropagation can train.");
        }
        // [float32] Generated from the [float64] code above by Float32Generator; do not edit.
        @Override
        public void apply(float[] z, float[] y, int rows, int cols) {
            for (int i = 0; i < rows * cols; i++) {
                y[i] = z[i] > 0 ? 1.0f : 0.0f;
            }
        }

        @Override
        public void backward(float[] y, float[] dy, float[] dz, int rows, int cols) {
            throw new UnsupportedOperationException(
                    "Cannot backpropagate through the STEP activation: its derivative is 0 everywhere"
                            + " except at 0, where it does not exist, so every gradient would be 0 and"
                            + " nothing would learn. Train a step unit with the perceptron rule"
                            + " (org.nnlab.core.train.PerceptronRule), or use SIGMOID, the smooth step"
                            + " that backpropagation can train.");
        }
        // [end float32]
    };

    private final String kerasName;

    Activation(String kerasName) {
        this.kerasName = kerasName;
    }

    /** The name Keras uses, e.g. {@code "relu"}. */
    public String kerasName() {
        return kerasName;
    }

    /**
     * y = f(z) for a {@code (rows, cols)} block in either precision, z's and y's alike; {@code y}
     * may be {@code z} (in place). For a block whose last axis is not the row, reshape first.
     */
    public final void apply(Tensor z, Tensor y, int rows, int cols) {
        if (z.precision() == Precision.FLOAT32) {
            apply(z.floatData(), y.floatData(), rows, cols);
        } else {
            apply(z.data(), y.data(), rows, cols);
        }
    }

    /**
     * dz = dy ⊙ f'(z), written with the output {@code y}, for a {@code (rows, cols)} block in either
     * precision; {@code dz} may be {@code dy} (in place).
     *
     * @throws UnsupportedOperationException for {@link #STEP}, whose derivative is zero everywhere
     *     it exists
     */
    public final void backward(Tensor y, Tensor dy, Tensor dz, int rows, int cols) {
        if (y.precision() == Precision.FLOAT32) {
            backward(y.floatData(), dy.floatData(), dz.floatData(), rows, cols);
        } else {
            backward(y.data(), dy.data(), dz.data(), rows, cols);
        }
    }

    /** The scalar value f(z); for SOFTMAX, which needs a whole row, this throws. */
    public abstract double apply(double z);

    // [float64] The float32 twin below is generated from this code (Float32Generator).
    /** y = f(z) for a {@code (rows, cols)} block; {@code y} may be {@code z} (in place). */
    public abstract void apply(double[] z, double[] y, int rows, int cols);

    /**
     * dz = dy ⊙ f'(z), written with the output {@code y}; {@code dz} may be {@code dy} (in place).
     *
     * @throws UnsupportedOperationException for {@link #STEP}, whose derivative is zero everywhere
     *     it exists
     */
    public abstract void backward(double[] y, double[] dy, double[] dz, int rows, int cols);

    /** σ(z) = 1 / (1 + e^−z), evaluated so that neither branch overflows. */
    public static double sigmoid(double z) {
        if (z >= 0) {
            return 1.0 / (1.0 + Math.exp(-z));
        }
        double e = Math.exp(z);
        return e / (1.0 + e);
    }
    // [float32] Generated from the [float64] code above by Float32Generator; do not edit.
    /** y = f(z) for a {@code (rows, cols)} block; {@code y} may be {@code z} (in place). */
    public abstract void apply(float[] z, float[] y, int rows, int cols);

    /**
     * dz = dy ⊙ f'(z), written with the output {@code y}; {@code dz} may be {@code dy} (in place).
     *
     * @throws UnsupportedOperationException for {@link #STEP}, whose derivative is zero everywhere
     *     it exists
     */
    public abstract void backward(float[] y, float[] dy, float[] dz, int rows, int cols);

    /** σ(z) = 1 / (1 + e^−z), evaluated so that neither branch overflows. */
    public static float sigmoid(float z) {
        if (z >= 0) {
            return 1.0f / (1.0f + (float) Math.exp(-z));
        }
        float e = (float) Math.exp(z);
        return e / (1.0f + e);
    }
    // [end float32]

    /**
     * Checks that backpropagation can pass through this activation: every one but {@link #STEP}.
     *
     * @param where names the layer for the message, e.g. {@code "Dense layer 1 (dense)"}
     * @throws IllegalArgumentException for STEP, with what to use instead
     */
    public void requireDifferentiable(String where) {
        if (this == STEP) {
            throw new IllegalArgumentException(where + " uses the STEP activation, which backpropagation cannot"
                    + " train: its derivative is 0 wherever it exists, so no gradient flows. Hint: use SIGMOID, the"
                    + " smooth step; a layer of step units trains with PerceptronRule.");
        }
    }
}
