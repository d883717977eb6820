package org.nnlab.exercises.perceptron;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nnlab.core.init.Initializer;
import org.nnlab.core.layer.Activation;
import org.nnlab.core.layer.Dense;
import org.nnlab.core.tensor.Tensor;
import org.nnlab.core.train.PerceptronRule;
import org.nnlab.core.train.Sequential;
import org.nnlab.exercise.Graded;
import org.nnlab.exercise.Visibility;

/** Graded tests of the perceptron exercise. */
class PerceptronTest {
    private static final double[][] X = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
    private static final int[] AND = {0, 0, 0, 1};
    private static final int[] OR = {0, 1, 1, 1};
    private static final int[] XOR = {0, 1, 1, 0};

    @Test
    @Graded(points = 1, name = "predict is step(w·x + b)")
    void predictIsTheStepOfTheWeightedSum() {
        assertEquals(1, Perceptron.predict(new double[] {1, 1, -1.5}, new double[] {1, 1}), "1 + 1 − 1.5 ≥ 0");
        assertEquals(0, Perceptron.predict(new double[] {1, 1, -1.5}, new double[] {1, 0}), "1 − 1.5 < 0");
        assertEquals(1, Perceptron.predict(new double[] {0, 0, 0}, new double[] {5, 5}), "step(0) = 1");
    }

    @Test
    @Graded(points = 2, name = "learns AND")
    void learnsAnd() {
        double[] w = Perceptron.train(X, AND, 1.0, 100);
        assertEquals(0, Perceptron.errors(w, X, AND), "AND is linearly separable, so the rule must converge;"
                + " weights " + Arrays.toString(w));
    }

    @Test
    @Graded(points = 1, name = "learns OR")
    void learnsOr() {
        double[] w = Perceptron.train(X, OR, 1.0, 100);
        assertEquals(0, Perceptron.errors(w, X, OR), "OR is linearly separable; weights " + Arrays.toString(w));
    }

    @Test
    @Graded(points = 2, name = "cannot learn XOR")
    void cannotLearnXor() {
        double[] w = Perceptron.train(X, XOR, 1.0, 1000);
        int wrong = Perceptron.errors(w, X, XOR);
        assertTrue(wrong >= 1 && wrong <= 4, "no line separates XOR, so at least one point stays wrong, but errors = "
                + wrong + " for weights " + Arrays.toString(w));
    }

    @Test
    @Graded(points = 2, name = "a hidden layer learns XOR")
    void twoLayerNetworkLearnsXor() {
        Sequential model = Perceptron.xorNetwork(42);
        assertTrue(model.layers().size() >= 2, "XOR needs a hidden layer, but the model has "
                + model.layers().size() + " layer(s)");
        Tensor p = model.predict(Tensor.matrix(X));
        for (int k = 0; k < 4; k++) {
            assertEquals(XOR[k], p.get(k, 0) >= 0.5 ? 1 : 0, "prediction for " + Arrays.toString(X[k])
                    + " was " + p.get(k, 0));
        }
    }

    // BEGIN HIDDEN TESTS
    @Test
    @Graded(points = 2, name = "same weights as nn-core's PerceptronRule", visibility = Visibility.AFTER_DUE_DATE)
    void matchesNnCorePerceptronRule() {
        for (int[] y : new int[][] {AND, OR}) {
            Dense unit = new Dense("unit", 1, Activation.STEP, true, Initializer.ZEROS, Initializer.ZEROS);
            unit.build(new int[] {2}, new SplittableRandom(1));
            Tensor targets = Tensor.zeros(4, 1);
            for (int k = 0; k < 4; k++) {
                targets.set(k, 0, y[k]);
            }
            new PerceptronRule(0.5, 100).train(unit, Tensor.matrix(X), targets);
            double[] expected = {unit.kernel().value().get(0, 0), unit.kernel().value().get(1, 0),
                unit.bias().value().get(0)};
            assertArrayEquals(expected, Perceptron.train(X, y, 0.5, 100), 1e-12, "weights for targets "
                    + Arrays.toString(y));
        }
    }

    @Test
    @Graded(points = 1, name = "three inputs: majority vote", visibility = Visibility.AFTER_DUE_DATE)
    void learnsMajorityOfThree() {
        double[][] x = new double[8][3];
        int[] y = new int[8];
        for (int k = 0; k < 8; k++) {
            for (int i = 0; i < 3; i++) {
                x[k][i] = (k >> i) & 1;
            }
            y[k] = x[k][0] + x[k][1] + x[k][2] >= 2 ? 1 : 0;
        }
        double[] w = Perceptron.train(x, y, 1.0, 100);
        assertEquals(4, w.length, "weights [w1, w2, w3, b]");
        assertEquals(0, Perceptron.errors(w, x, y), "majority of three bits is linearly separable");
    }
    // END HIDDEN TESTS
}
