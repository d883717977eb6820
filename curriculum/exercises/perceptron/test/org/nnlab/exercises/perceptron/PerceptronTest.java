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
import org.nnlab.exercise.TrustedModel;
import org.nnlab.exercise.Visibility;

/**
 * Graded tests of the perceptron exercise. The submission gets copies of the data; how many points
 * its weights get wrong is counted here ({@link #errorsOf}), and the rule's expected weights come
 * from nn-core's {@link PerceptronRule}.
 */
class PerceptronTest {
    private static final double[][] X = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
    private static final int[] AND = {0, 0, 0, 1};
    private static final int[] OR = {0, 1, 1, 1};
    private static final int[] XOR = {0, 1, 1, 0};

    private static double[][] copy(double[][] x) {
        return Arrays.stream(x).map(double[]::clone).toArray(double[][]::new);
    }

    /** How many examples the perceptron with weights {@code [w…, b]} gets wrong, counted by the test. */
    private static int errorsOf(double[] w, double[][] x, int[] y) {
        assertEquals(x[0].length + 1, w.length, "weights are [w1, …, wd, b]: " + Arrays.toString(w));
        int wrong = 0;
        for (int k = 0; k < x.length; k++) {
            double z = w[x[k].length];
            for (int i = 0; i < x[k].length; i++) {
                z += w[i] * x[k][i];
            }
            wrong += (z > 0 ? 1 : 0) == y[k] ? 0 : 1;
        }
        return wrong;
    }

    /** The weights nn-core's perceptron rule reaches from zero weights, visiting the examples in order. */
    private static double[] ruleWeights(double[][] x, int[] y, double learningRate, int maxEpochs) {
        int d = x[0].length;
        Dense unit = new Dense("unit", 1, Activation.STEP, true, Initializer.ZEROS, Initializer.ZEROS);
        unit.build(new int[] {d}, new SplittableRandom(1));
        Tensor targets = Tensor.zeros(x.length, 1);
        for (int k = 0; k < x.length; k++) {
            targets.set(k, 0, y[k]);
        }
        new PerceptronRule(learningRate, maxEpochs).train(unit, Tensor.matrix(copy(x)), targets);
        double[] w = new double[d + 1];
        for (int i = 0; i < d; i++) {
            w[i] = unit.kernel().value().get(i, 0);
        }
        w[d] = unit.bias().value().get(0);
        return w;
    }

    @Test
    @Graded(points = 1, name = "predict is step(w·x + b)")
    void predictIsTheStepOfTheWeightedSum() {
        assertEquals(1, Perceptron.predict(new double[] {1, 1, -1.5}, new double[] {1, 1}), "1 + 1 − 1.5 > 0");
        assertEquals(0, Perceptron.predict(new double[] {1, 1, -1.5}, new double[] {1, 0}), "1 − 1.5 < 0");
        assertEquals(0, Perceptron.predict(new double[] {0, 0, 0}, new double[] {5, 5}),
                "step(0) = 0: the step is 1 only for a weighted sum > 0");
        assertEquals(0, Perceptron.predict(new double[] {0.5, -2, 0.25}, new double[] {1, 1}), "0.5 − 2 + 0.25 < 0");
    }

    @Test
    @Graded(points = 2, name = "learns AND")
    void learnsAnd() {
        double[] w = Perceptron.train(copy(X), AND.clone(), 1.0, 100);
        assertEquals(0, errorsOf(w, X, AND), "AND is linearly separable, so the rule must converge;"
                + " weights " + Arrays.toString(w));
    }

    @Test
    @Graded(points = 1, name = "learns OR")
    void learnsOr() {
        double[] w = Perceptron.train(copy(X), OR.clone(), 1.0, 100);
        assertEquals(0, errorsOf(w, X, OR), "OR is linearly separable; weights " + Arrays.toString(w));
    }

    @Test
    @Graded(points = 2, name = "cannot learn XOR")
    void cannotLearnXor() {
        double[] expected = ruleWeights(X, XOR, 1.0, 1000);
        assertTrue(errorsOf(expected, X, XOR) >= 1, "no line separates XOR");
        double[] w = Perceptron.train(copy(X), XOR.clone(), 1.0, 1000);
        assertArrayEquals(expected, w, 1e-12, "after 1000 epochs on XOR the rule (which never converges) ends at"
                + " these weights; yours differ, so the rule is not applied as specified");
    }

    @Test
    @Graded(points = 2, name = "a hidden layer learns XOR")
    void twoLayerNetworkLearnsXor() {
        Sequential model = TrustedModel.rebuild(Perceptron.xorNetwork(42));
        assertTrue(model.layers().size() >= 2, "XOR needs a hidden layer, but the model has "
                + model.layers().size() + " layer(s)");
        Tensor p = model.predict(Tensor.matrix(copy(X)));
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
            assertArrayEquals(ruleWeights(X, y, 0.5, 100), Perceptron.train(copy(X), y.clone(), 0.5, 100), 1e-12,
                    "weights for targets " + Arrays.toString(y));
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
        double[] w = Perceptron.train(copy(x), y.clone(), 1.0, 100);
        assertEquals(4, w.length, "weights [w1, w2, w3, b]");
        assertEquals(0, errorsOf(w, x, y), "majority of three bits is linearly separable");
    }
    // END HIDDEN TESTS
}
