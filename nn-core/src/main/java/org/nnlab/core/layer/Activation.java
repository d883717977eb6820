package org.nnlab.core.layer;

/**
 * The activation functions of the lecture, each with its derivative beside it.
 *
 * <p>Activations work row by row on a {@code (batch, units)} block stored flat. Their backward
 * pass is written in terms of the output {@code y} (σ' = y(1 − y), tanh' = 1 − y², relu' = [y > 0])
 * so the pre-activation need not be kept. {@link #STEP} is the perceptron's Heaviside step: it has
 * no useful derivative, and backpropagating through it is refused with an explanation.
 */
public enum Activation {
    /** f(z) = z. */
    LINEAR("linear"),
    /** f(z) = 1 / (1 + e^−z); computed without overflow for large |z|. */
    SIGMOID("sigmoid"),
    /** f(z) = tanh(z). */
    TANH("tanh"),
    /** f(z) = max(0, z); the derivative at 0 is taken as 0, as in Keras and PyTorch. */
    RELU("relu"),
    /** f(z)_j = e^{z_j} / Σ_k e^{z_k} per row, computed as e^{z_j − max z} for stability. */
    SOFTMAX("softmax"),
    /**
     * The perceptron's step as the lecture defines it: f(z) = 1 if z > 0, else 0, so a point on the
     * line w·x + b = 0 is class 0. Trainable only with the perceptron rule.
     */
    STEP("step");

    private final String kerasName;

    Activation(String kerasName) {
        this.kerasName = kerasName;
    }

    /** The name Keras uses, e.g. {@code "relu"}. */
    public String kerasName() {
        return kerasName;
    }

    /**
     * y = f(z) for a {@code (rows, cols)} block; {@code y} may be {@code z} (in place).
     */
    public void apply(double[] z, double[] y, int rows, int cols) {
        int n = rows * cols;
        switch (this) {
            case LINEAR -> {
                if (y != z) {
                    System.arraycopy(z, 0, y, 0, n);
                }
            }
            case SIGMOID -> {
                for (int i = 0; i < n; i++) {
                    y[i] = sigmoid(z[i]);
                }
            }
            case TANH -> {
                for (int i = 0; i < n; i++) {
                    y[i] = Math.tanh(z[i]);
                }
            }
            case RELU -> {
                for (int i = 0; i < n; i++) {
                    y[i] = z[i] > 0 ? z[i] : 0.0;
                }
            }
            case SOFTMAX -> softmaxRows(z, y, rows, cols);
            case STEP -> {
                for (int i = 0; i < n; i++) {
                    y[i] = z[i] > 0 ? 1.0 : 0.0;
                }
            }
        }
    }

    /**
     * dz = dy ⊙ f'(z), written with the output {@code y}; {@code dz} may be {@code dy} (in place).
     *
     * <p>Softmax uses its Jacobian-vector product per row: dz_j = y_j (dy_j − Σ_k dy_k y_k).
     *
     * @throws UnsupportedOperationException for {@link #STEP}, whose derivative is zero everywhere
     *     it exists
     */
    public void backward(double[] y, double[] dy, double[] dz, int rows, int cols) {
        int n = rows * cols;
        switch (this) {
            case LINEAR -> {
                if (dz != dy) {
                    System.arraycopy(dy, 0, dz, 0, n);
                }
            }
            case SIGMOID -> {
                for (int i = 0; i < n; i++) {
                    dz[i] = dy[i] * y[i] * (1 - y[i]);
                }
            }
            case TANH -> {
                for (int i = 0; i < n; i++) {
                    dz[i] = dy[i] * (1 - y[i] * y[i]);
                }
            }
            case RELU -> {
                for (int i = 0; i < n; i++) {
                    dz[i] = y[i] > 0 ? dy[i] : 0.0;
                }
            }
            case SOFTMAX -> {
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
            case STEP -> throw new UnsupportedOperationException(
                    "Cannot backpropagate through the STEP activation: its derivative is 0 everywhere"
                            + " except at 0, where it does not exist, so every gradient would be 0 and"
                            + " nothing would learn. Train a step unit with the perceptron rule"
                            + " (org.nnlab.core.train.PerceptronRule), or use SIGMOID, the smooth step"
                            + " that backpropagation can train.");
        }
    }

    /** The scalar value f(z); for SOFTMAX, which needs a whole row, this throws. */
    public double apply(double z) {
        return switch (this) {
            case LINEAR -> z;
            case SIGMOID -> sigmoid(z);
            case TANH -> Math.tanh(z);
            case RELU -> z > 0 ? z : 0.0;
            case STEP -> z > 0 ? 1.0 : 0.0;
            case SOFTMAX -> throw new UnsupportedOperationException(
                    "SOFTMAX normalizes a whole row; it has no scalar form. Use apply(z[], y[], rows, cols).");
        };
    }

    /** σ(z) = 1 / (1 + e^−z), evaluated so that neither branch overflows. */
    public static double sigmoid(double z) {
        if (z >= 0) {
            return 1.0 / (1.0 + Math.exp(-z));
        }
        double e = Math.exp(z);
        return e / (1.0 + e);
    }

    private static void softmaxRows(double[] z, double[] y, int rows, int cols) {
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
}
