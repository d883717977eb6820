package org.nnlab.exercises.perceptron;

import java.util.List;
import org.nnlab.core.layer.Activation;
import org.nnlab.core.layer.Dense;
import org.nnlab.core.loss.BinaryCrossentropy;
import org.nnlab.core.optim.Adam;
import org.nnlab.core.tensor.Tensor;
import org.nnlab.core.train.FitOptions;
import org.nnlab.core.train.Sequential;
import org.nnlab.core.train.Verbosity;

/**
 * Rosenblatt's perceptron on plain arrays, and a two-layer network for what it cannot learn.
 *
 * <p>Weights are an array {@code [w1, …, wd, b]}: the input weights, then the bias last.
 */
public class Perceptron {

    /** step(w·x + b): 1 if the weighted sum is > 0, else 0, as the lecture defines the step. */
    public static int predict(double[] weights, double[] x) {
        // BEGIN SOLUTION
        double z = weights[x.length];
        for (int i = 0; i < x.length; i++) {
            z += weights[i] * x[i];
        }
        return z > 0 ? 1 : 0;
        // END SOLUTION
    }

    /** How many examples of {@code x} the perceptron with {@code weights} gets wrong. */
    public static int errors(double[] weights, double[][] x, int[] y) {
        // BEGIN SOLUTION
        int wrong = 0;
        for (int k = 0; k < x.length; k++) {
            if (predict(weights, x[k]) != y[k]) {
                wrong++;
            }
        }
        return wrong;
        // END SOLUTION
    }

    /**
     * The perceptron learning rule from zero weights: visit the examples in order and, for each
     * one it gets wrong, move w ← w + lr·(y − ŷ)·x and b ← b + lr·(y − ŷ). Stop after the first
     * epoch without a mistake, or after {@code maxEpochs}.
     *
     * @return the weights {@code [w1, …, wd, b]}
     */
    public static double[] train(double[][] x, int[] y, double learningRate, int maxEpochs) {
        // BEGIN SOLUTION
        int d = x[0].length;
        double[] w = new double[d + 1];
        for (int epoch = 0; epoch < maxEpochs; epoch++) {
            int mistakes = 0;
            for (int k = 0; k < x.length; k++) {
                int error = y[k] - predict(w, x[k]);
                if (error != 0) {
                    mistakes++;
                    for (int i = 0; i < d; i++) {
                        w[i] += learningRate * error * x[k][i];
                    }
                    w[d] += learningRate * error;
                }
            }
            if (mistakes == 0) {
                break;
            }
        }
        return w;
        // END SOLUTION
    }

    /**
     * A network with a hidden layer, built with nn-core and trained on XOR's four points until it
     * classifies all of them (output ≥ 0.5 means class 1).
     */
    public static Sequential xorNetwork(long seed) {
        // BEGIN SOLUTION
        Tensor x = Tensor.matrix(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}});
        Tensor y = Tensor.matrix(new double[][] {{0}, {1}, {1}, {0}});
        Sequential model = new Sequential(new int[] {2},
                List.of(new Dense(4, Activation.TANH), new Dense(1, Activation.SIGMOID)), seed);
        model.compile(new Adam(0.05), new BinaryCrossentropy());
        model.fit(x, y, FitOptions.builder().epochs(300).batchSize(4).verbosity(Verbosity.SILENT).build());
        return model;
        // END SOLUTION
    }
}
