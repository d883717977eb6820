package org.nnlab.exercises.backprop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nnlab.core.layer.Activation;
import org.nnlab.core.layer.Dense;
import org.nnlab.core.layer.Parameter;
import org.nnlab.core.loss.BinaryCrossentropy;
import org.nnlab.core.optim.SGD;
import org.nnlab.core.tensor.Precision;
import org.nnlab.core.tensor.Tensor;
import org.nnlab.core.train.BatchGradients;
import org.nnlab.core.train.Callback;
import org.nnlab.core.train.FitOptions;
import org.nnlab.core.train.Sequential;
import org.nnlab.core.train.Verbosity;
import org.nnlab.data.Dataset;
import org.nnlab.data.synthetic.LectureData;
import org.nnlab.exercise.Graded;
import org.nnlab.exercise.Visibility;

/**
 * Graded tests of the backprop exercise. The weights are the test's ({@link Weights}), written into
 * the student's network before each call; losses, numerical gradients, training steps and accuracy
 * are computed here or by nn-core, never by the network's own {@code loss}, {@code step} or
 * {@code forward}; the submission only gets copies of the data.
 */
class TwoLayerNetworkTest {
    private static final double[] X = {0.5, -1.0, 2.0, 0.3, -0.7, 0.1, 1.5, 1.5, -2.0, 0.4, 0.0, -1.2};
    private static final double[] Y = {1, 0, 1, 0, 0, 1};
    private static final int BATCH = 6;

    /** The test's own weights of a 2-layer network, shaped as in TwoLayerNetwork. */
    private record Weights(int inputs, int hidden, double[] w1, double[] b1, double[] w2, double b2) {
        /** Random weights and biases in ±1, from {@code seed}. */
        static Weights random(int inputs, int hidden, long seed) {
            SplittableRandom rnd = new SplittableRandom(seed);
            double[] w1 = rnd.doubles(inputs * hidden, -1, 1).toArray();
            double[] b1 = rnd.doubles(hidden, -1, 1).toArray();
            double[] w2 = rnd.doubles(hidden, -1, 1).toArray();
            return new Weights(inputs, hidden, w1, b1, w2, rnd.nextDouble(-1, 1));
        }

        /** All weights in one array: w1, b1, w2, b2. */
        double[] flat() {
            double[] all = new double[w1.length + b1.length + w2.length + 1];
            System.arraycopy(w1, 0, all, 0, w1.length);
            System.arraycopy(b1, 0, all, w1.length, b1.length);
            System.arraycopy(w2, 0, all, w1.length + b1.length, w2.length);
            all[all.length - 1] = b2;
            return all;
        }

        /** The weights of {@code flat}, laid out as {@link #flat()}. */
        Weights withFlat(double[] flat) {
            int a = w1.length;
            int b = a + b1.length;
            int c = b + w2.length;
            return new Weights(inputs, hidden, java.util.Arrays.copyOfRange(flat, 0, a),
                    java.util.Arrays.copyOfRange(flat, a, b), java.util.Arrays.copyOfRange(flat, b, c), flat[c]);
        }

        /** The student's network with copies of these weights written into it. */
        TwoLayerNetwork intoStudentNetwork() {
            TwoLayerNetwork net = new TwoLayerNetwork(inputs, hidden, 0);
            assertEquals(w1.length, net.w1.length, "w1 has inputs·hidden entries");
            assertEquals(b1.length, net.b1.length, "b1 has hidden entries");
            assertEquals(w2.length, net.w2.length, "w2 has hidden entries");
            System.arraycopy(w1, 0, net.w1, 0, w1.length);
            System.arraycopy(b1, 0, net.b1, 0, b1.length);
            System.arraycopy(w2, 0, net.w2, 0, w2.length);
            net.b2 = b2;
            return net;
        }

        /** The same network in nn-core, compiled with the mean binary cross-entropy. */
        Sequential nnCore() {
            // float64: the student's double arithmetic must equal nn-core's exactly.
            Sequential model = new Sequential(new int[] {inputs}, List.of(new Dense(hidden, Activation.SIGMOID),
                    new Dense(1, Activation.SIGMOID)), 1, Precision.FLOAT64);
            model.setWeights(List.of(Tensor.wrap(w1.clone(), inputs, hidden), Tensor.wrap(b1.clone(), hidden),
                    Tensor.wrap(w2.clone(), hidden, 1), Tensor.wrap(new double[] {b2}, 1)));
            model.compile(new SGD(0.01), new BinaryCrossentropy());
            return model;
        }

        /** nn-core's mean binary cross-entropy of the batch. */
        double loss(double[] x, double[] y, int batch) {
            return nnCore().evaluate(Tensor.wrap(x.clone(), batch, inputs), Tensor.wrap(y.clone(), batch, 1)).get("loss");
        }
    }

    /** The submission's gradients as one array laid out as {@link Weights#flat()}, copied at once. */
    private static double[] flat(TwoLayerNetwork.Gradients g, Weights like) {
        assertEquals(like.w1().length, g.w1().length, "∂L/∂w1 has the shape of w1");
        assertEquals(like.b1().length, g.b1().length, "∂L/∂b1 has the shape of b1");
        assertEquals(like.w2().length, g.w2().length, "∂L/∂w2 has the shape of w2");
        return new Weights(like.inputs(), like.hidden(), g.w1().clone(), g.b1().clone(), g.w2().clone(), g.b2()).flat();
    }

    @Test
    @Graded(points = 1, name = "sigmoidDerivative is σ(z)(1 − σ(z))")
    void sigmoidDerivativeIsSigmaTimesOneMinusSigma() {
        for (double z : new double[] {-3, -0.5, 0, 0.7, 4}) {
            double s = 1 / (1 + Math.exp(-z));
            assertEquals(s * (1 - s), TwoLayerNetwork.sigmoidDerivative(z), 1e-12, "σ'(" + z + ")");
        }
    }

    @Test
    @Graded(points = 2, name = "forward agrees with nn-core")
    void forwardAgreesWithNnCore() {
        Weights w = Weights.random(2, 3, 7);
        Tensor expected = w.nnCore().predict(Tensor.wrap(X.clone(), BATCH, 2));
        assertArrayEquals(expected.data(), w.intoStudentNetwork().forward(X.clone(), BATCH).clone(), 1e-12,
                "outputs p for the six examples");
    }

    @Test
    @Graded(points = 3, name = "backward matches numerical gradients")
    void backwardMatchesNumericalGradients() {
        Weights w = Weights.random(2, 3, 7);
        double[] analytic = flat(w.intoStudentNetwork().backward(X.clone(), Y.clone(), BATCH), w);
        double[] theta = w.flat();
        String[] names = {"w1[0]", "w1[1]", "w1[2]", "w1[3]", "w1[4]", "w1[5]", "b1[0]", "b1[1]", "b1[2]",
            "w2[0]", "w2[1]", "w2[2]", "b2"};
        double h = 1e-6;
        for (int i = 0; i < theta.length; i++) {
            double v = theta[i];
            theta[i] = v + h;
            double up = w.withFlat(theta).loss(X, Y, BATCH);
            theta[i] = v - h;
            double down = w.withFlat(theta).loss(X, Y, BATCH);
            theta[i] = v;
            assertEquals((up - down) / (2 * h), analytic[i], 1e-6, "∂L/∂" + names[i]);
        }
    }

    // BEGIN HIDDEN TESTS
    @Test
    @Graded(points = 2, name = "backward agrees with nn-core", visibility = Visibility.AFTER_DUE_DATE)
    void backwardAgreesWithNnCore() {
        Weights w = Weights.random(2, 3, 11);
        Sequential model = w.nnCore();
        List<double[]> grads = new ArrayList<>();
        Callback capture = new Callback() {
            @Override
            public void onBatchGradients(BatchGradients batch) {
                for (Parameter p : batch.model().parameters()) {
                    grads.add(p.grad().data().clone());
                }
            }
        };
        model.fit(Tensor.wrap(X.clone(), BATCH, 2), Tensor.wrap(Y.clone(), BATCH, 1), FitOptions.builder()
                .epochs(1).batchSize(BATCH).shuffle(false).callbacks(capture).verbosity(Verbosity.SILENT).build());
        double[] expected = new Weights(2, 3, grads.get(0), grads.get(1), grads.get(2), grads.get(3)[0]).flat();
        double[] actual = flat(w.intoStudentNetwork().backward(X.clone(), Y.clone(), BATCH), w);
        assertArrayEquals(expected, actual, 1e-9, "∂L/∂(w1, b1, w2, b2) against nn-core's Dense gradients");
    }

    @Test
    @Graded(points = 2, name = "your gradients train the lecture's nonlinear set", visibility = Visibility.AFTER_DUE_DATE)
    void gradientsTrainTheNonlinearDataset() {
        Dataset data = LectureData.nonlinear(400, 3);
        int m = data.size();
        double[] x = data.features().data().clone();
        for (int b = 0; b < m; b++) {
            x[2 * b] /= 5; // x1 in [-5, 5] and x2 in [-4, 4], scaled to about [-1, 1]
            x[2 * b + 1] /= 4;
        }
        double[] y = data.targets().data().clone();
        Weights w = Weights.random(2, 8, 5);
        double before = w.loss(x, y, m);
        TwoLayerNetwork net = w.intoStudentNetwork();
        for (int step = 0; step < 3000; step++) {
            w = w.withFlat(descend(w.flat(), flat(net.backward(x.clone(), y.clone(), m), w), 2.0));
            net = w.intoStudentNetwork();
        }
        double[] p = w.nnCore().predict(Tensor.wrap(x.clone(), m, 2)).data();
        int right = 0;
        for (int b = 0; b < m; b++) {
            right += (p[b] >= 0.5 ? 1 : 0) == y[b] ? 1 : 0;
        }
        double accuracy = right / (double) m;
        System.out.printf(Locale.ROOT, "loss %.4f → %.4f, accuracy %.3f after 3000 steps%n", before, w.loss(x, y, m),
                accuracy);
        assertTrue(accuracy >= 0.9, "gradient descent with your backward() reached accuracy " + accuracy
                + " on the nonlinear set; a correct gradient reaches at least 0.9 in 3000 steps of lr 2");
    }
    // END HIDDEN TESTS

    /** One gradient-descent step, done by the test: θ − lr·g. */
    private static double[] descend(double[] theta, double[] gradient, double learningRate) {
        double[] next = theta.clone();
        for (int i = 0; i < next.length; i++) {
            next[i] -= learningRate * gradient[i];
        }
        return next;
    }
}
