package org.nnlab.core.layer;

/**
 * The activation functions of the lecture, each with its derivative right below it.
 *
 * <p>Activations work row by row on a {@code (batch, units)} block stored flat. Each constant holds
 * its f, on a block and on one number, and then its f′: the backward pass, written in terms of the
 * output {@code y} (σ′ = y(1 − y), tanh′ = 1 − y², relu′ = [y &gt; 0]) so the pre-activation need
 * not be kept. {@link #STEP} is the perceptron's Heaviside step: it has no useful derivative, and
 * backpropagating through it is refused with an explanation.
 */
public enum Activation {
    /** f(z) = z. */
    LINEAR("linear") {
        @Override
        public void apply(double[] z, double[] y, int rows, int cols) {
            if (y != z) {
                System.arraycopy(z, 0, y, 0, rows * cols);
            }
        }

        @Override
        public double apply(double z) {
            return z;
        }

        @Override
        public void backward(double[] y, double[] dy, double[] dz, int rows, int cols) {
            // f'(z) = 1
            if (dz != dy) {
                System.arraycopy(dy, 0, dz, 0, rows * cols);
            }
        }
    },

    /** f(z) = 1 / (1 + e^−z); computed without overflow for large |z|. */
    SIGMOID("sigmoid") {
        @Override
        public void apply(double[] z, double[] y, int rows, int cols) {
            for (int i = 0; i < rows * cols; i++) {
                y[i] = sigmoid(z[i]);
            }
        }

        @Override
        public double apply(double z) {
            return sigmoid(z);
        }

        @Override
        public void backward(double[] y, double[] dy, double[] dz, int rows, int cols) {
            // σ'(z) = σ(z)(1 − σ(z)) = y(1 − y)
            for (int i = 0; i < rows * cols; i++) {
                dz[i] = dy[i] * y[i] * (1 - y[i]);
            }
        }
    },

    /** f(z) = tanh(z). */
    TANH("tanh") {
        @Override
        public void apply(double[] z, double[] y, int rows, int cols) {
            for (int i = 0; i < rows * cols; i++) {
                y[i] = Math.tanh(z[i]);
            }
        }

        @Override
        public double apply(double z) {
            return Math.tanh(z);
        }

        @Override
        public void backward(double[] y, double[] dy, double[] dz, int rows, int cols) {
            // tanh'(z) = 1 − tanh²(z) = 1 − y²
            for (int i = 0; i < rows * cols; i++) {
                dz[i] = dy[i] * (1 - y[i] * y[i]);
            }
        }
    },

    /** f(z) = max(0, z); the derivative at 0 is taken as 0, as in Keras and PyTorch. */
    RELU("relu") {
        @Override
        public void apply(double[] z, double[] y, int rows, int cols) {
            for (int i = 0; i < rows * cols; i++) {
                y[i] = z[i] > 0 ? z[i] : 0.0;
            }
        }

        @Override
        public double apply(double z) {
            return z > 0 ? z : 0.0;
        }

        @Override
        public void backward(double[] y, double[] dy, double[] dz, int rows, int cols) {
            // relu'(z) = [z > 0] = [y > 0]
            for (int i = 0; i < rows * cols; i++) {
                dz[i] = y[i] > 0 ? dy[i] : 0.0;
            }
        }
    },

    /** f(z)_j = e^{z_j} / Σ_k e^{z_k} per row, computed as e^{z_j − max z} for stability. */
    SOFTMAX("softmax") {
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
        public double apply(double z) {
            throw new UnsupportedOperationException(
                    "SOFTMAX normalizes a whole row; it has no scalar form. Use apply(z[], y[], rows, cols).");
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
    },

    /**
     * The perceptron's step as the lecture defines it: f(z) = 1 if z > 0, else 0, so a point on the
     * line w·x + b = 0 is class 0. Trainable only with the perceptron rule.
     */
    STEP("step") {
        @Override
        public void apply(double[] z, double[] y, int rows, int cols) {
            for (int i = 0; i < rows * cols; i++) {
                y[i] = apply(z[i]);
            }
        }

        @Override
        public double apply(double z) {
            return z > 0 ? 1.0 : 0.0;
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
    };

    private final String kerasName;

    Activation(String kerasName) {
        this.kerasName = kerasName;
    }

    /** The name Keras uses, e.g. {@code "relu"}. */
    public String kerasName() {
        return kerasName;
    }

    /** y = f(z) for a {@code (rows, cols)} block; {@code y} may be {@code z} (in place). */
    public abstract void apply(double[] z, double[] y, int rows, int cols);

    /** The scalar value f(z); for SOFTMAX, which needs a whole row, this throws. */
    public abstract double apply(double z);

    /**
     * dz = dy ⊙ f'(z), written with the output {@code y}; {@code dz} may be {@code dy} (in place).
     *
     * @throws UnsupportedOperationException for {@link #STEP}, whose derivative is zero everywhere
     *     it exists
     */
    public abstract void backward(double[] y, double[] dy, double[] dz, int rows, int cols);

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

    /** σ(z) = 1 / (1 + e^−z), evaluated so that neither branch overflows. */
    public static double sigmoid(double z) {
        if (z >= 0) {
            return 1.0 / (1.0 + Math.exp(-z));
        }
        double e = Math.exp(z);
        return e / (1.0 + e);
    }
}
