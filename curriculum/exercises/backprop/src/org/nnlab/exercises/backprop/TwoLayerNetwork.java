package org.nnlab.exercises.backprop;

import java.util.SplittableRandom;

/**
 * A two-layer perceptron on plain arrays: inputs → sigmoid hidden layer → one sigmoid output,
 * trained on the mean binary cross-entropy.
 *
 * <p>Shapes, row-major: x (batch, inputs), w1 (inputs, hidden), b1 (hidden), w2 (hidden), b2 a
 * number. Forward: z1 = x·w1 + b1, h = σ(z1), z2 = h·w2 + b2, p = σ(z2). Loss:
 * L = −(1/batch) Σ [y·log p + (1 − y)·log(1 − p)].
 */
public class TwoLayerNetwork {
    public final int inputs;
    public final int hidden;
    public final double[] w1;
    public final double[] b1;
    public final double[] w2;
    public double b2;

    /**
     * The gradients ∂L/∂θ of every parameter, shaped like it.
     *
     * @param w1 (inputs, hidden)
     * @param b1 (hidden)
     * @param w2 (hidden)
     * @param b2 a number
     */
    public record Gradients(double[] w1, double[] b1, double[] w2, double b2) { }

    /** A network with weights drawn uniformly from ±1/√fan-in and zero biases. */
    public TwoLayerNetwork(int inputs, int hidden, long seed) {
        this.inputs = inputs;
        this.hidden = hidden;
        SplittableRandom rnd = new SplittableRandom(seed);
        w1 = new double[inputs * hidden];
        b1 = new double[hidden];
        w2 = new double[hidden];
        for (int i = 0; i < w1.length; i++) {
            w1[i] = (2 * rnd.nextDouble() - 1) / Math.sqrt(inputs);
        }
        for (int j = 0; j < hidden; j++) {
            w2[j] = (2 * rnd.nextDouble() - 1) / Math.sqrt(hidden);
        }
    }

    /** σ(z) = 1 / (1 + e^−z). */
    public static double sigmoid(double z) {
        return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }

    /** σ'(z), the derivative of the sigmoid at z, written with σ(z) itself. */
    public static double sigmoidDerivative(double z) {
        // BEGIN SOLUTION
        double s = sigmoid(z);
        return s * (1 - s);
        // END SOLUTION
    }

    /** The outputs p = σ(σ(x·w1 + b1)·w2 + b2), one per example of the batch. */
    public double[] forward(double[] x, int batch) {
        // BEGIN SOLUTION
        double[] p = new double[batch];
        for (int b = 0; b < batch; b++) {
            double z2 = b2;
            for (int j = 0; j < hidden; j++) {
                z2 += sigmoid(preActivation(x, b, j)) * w2[j];
            }
            p[b] = sigmoid(z2);
        }
        return p;
        // END SOLUTION
    }

    /**
     * The gradients of the mean binary cross-entropy over the batch, by the chain rule:
     * dz2 = (p − y)/batch, dw2 = hᵀ·dz2, db2 = Σ dz2, dz1 = (dz2·w2ᵀ) ⊙ σ'(z1), dw1 = xᵀ·dz1,
     * db1 = Σ dz1 over the batch.
     */
    public Gradients backward(double[] x, double[] y, int batch) {
        // BEGIN SOLUTION
        double[] p = forward(x, batch);
        double[] dw1 = new double[inputs * hidden];
        double[] db1 = new double[hidden];
        double[] dw2 = new double[hidden];
        double db2 = 0;
        for (int b = 0; b < batch; b++) {
            double dz2 = (p[b] - y[b]) / batch;
            db2 += dz2;
            for (int j = 0; j < hidden; j++) {
                double z1 = preActivation(x, b, j);
                dw2[j] += sigmoid(z1) * dz2;
                double dz1 = dz2 * w2[j] * sigmoidDerivative(z1);
                db1[j] += dz1;
                for (int i = 0; i < inputs; i++) {
                    dw1[i * hidden + j] += x[b * inputs + i] * dz1;
                }
            }
        }
        return new Gradients(dw1, db1, dw2, db2);
        // END SOLUTION
    }

    /** z1 of hidden unit j for example b: Σ_i x[b, i]·w1[i, j] + b1[j]. */
    public double preActivation(double[] x, int b, int j) {
        double z = b1[j];
        for (int i = 0; i < inputs; i++) {
            z += x[b * inputs + i] * w1[i * hidden + j];
        }
        return z;
    }

    /** The mean binary cross-entropy of the batch, with p clipped to [1e−7, 1 − 1e−7]. */
    public double loss(double[] x, double[] y, int batch) {
        double[] p = forward(x, batch);
        double sum = 0;
        for (int b = 0; b < batch; b++) {
            double q = Math.min(Math.max(p[b], 1e-7), 1 - 1e-7);
            sum -= y[b] * Math.log(q) + (1 - y[b]) * Math.log(1 - q);
        }
        return sum / batch;
    }

    /** One gradient-descent step: θ ← θ − lr·∂L/∂θ for every parameter. */
    public void step(Gradients g, double learningRate) {
        for (int i = 0; i < w1.length; i++) {
            w1[i] -= learningRate * g.w1()[i];
        }
        for (int j = 0; j < hidden; j++) {
            b1[j] -= learningRate * g.b1()[j];
            w2[j] -= learningRate * g.w2()[j];
        }
        b2 -= learningRate * g.b2();
    }
}
