package org.nnlab.exercises.backprop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
import org.nnlab.curriculum.grading.Graded;
import org.nnlab.curriculum.grading.Visibility;
import org.nnlab.data.Dataset;
import org.nnlab.data.synthetic.LectureData;

/** Graded tests of the backprop exercise. */
class TwoLayerNetworkTest {
    private static final double[] X = {0.5, -1.0, 2.0, 0.3, -0.7, 0.1, 1.5, 1.5, -2.0, 0.4, 0.0, -1.2};
    private static final double[] Y = {1, 0, 1, 0, 0, 1};
    private static final int BATCH = 6;

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
        TwoLayerNetwork net = new TwoLayerNetwork(2, 3, 7);
        Sequential model = nnCoreCopy(net);
        Tensor expected = model.predict(Tensor.wrap(X.clone(), BATCH, 2));
        assertArrayEquals(expected.data(), net.forward(X, BATCH), 1e-12, "outputs p for the six examples");
    }

    @Test
    @Graded(points = 3, name = "backward matches numerical gradients")
    void backwardMatchesNumericalGradients() {
        TwoLayerNetwork net = new TwoLayerNetwork(2, 3, 7);
        TwoLayerNetwork.Gradients g = net.backward(X, Y, BATCH);
        assertGradient("w1", net.w1, g.w1(), net);
        assertGradient("b1", net.b1, g.b1(), net);
        assertGradient("w2", net.w2, g.w2(), net);
        double h = 1e-6;
        double b2 = net.b2;
        net.b2 = b2 + h;
        double up = net.loss(X, Y, BATCH);
        net.b2 = b2 - h;
        double down = net.loss(X, Y, BATCH);
        net.b2 = b2;
        assertEquals((up - down) / (2 * h), g.b2(), 1e-6, "∂L/∂b2");
    }

    // BEGIN HIDDEN TESTS
    @Test
    @Graded(points = 2, name = "backward agrees with nn-core", visibility = Visibility.AFTER_DUE_DATE)
    void backwardAgreesWithNnCore() {
        TwoLayerNetwork net = new TwoLayerNetwork(2, 3, 11);
        Sequential model = nnCoreCopy(net);
        model.compile(new SGD(0.01), new BinaryCrossentropy());
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
        TwoLayerNetwork.Gradients g = net.backward(X, Y, BATCH);
        assertArrayEquals(grads.get(0), g.w1(), 1e-9, "∂L/∂w1 against nn-core's Dense kernel gradient");
        assertArrayEquals(grads.get(1), g.b1(), 1e-9, "∂L/∂b1");
        assertArrayEquals(grads.get(2), g.w2(), 1e-9, "∂L/∂w2");
        assertEquals(grads.get(3)[0], g.b2(), 1e-9, "∂L/∂b2");
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
        double[] y = data.targets().data();
        TwoLayerNetwork net = new TwoLayerNetwork(2, 8, 5);
        double before = net.loss(x, y, m);
        for (int step = 0; step < 3000; step++) {
            net.step(net.backward(x, y, m), 2.0);
        }
        double[] p = net.forward(x, m);
        int right = 0;
        for (int b = 0; b < m; b++) {
            right += (p[b] >= 0.5 ? 1 : 0) == y[b] ? 1 : 0;
        }
        double accuracy = right / (double) m;
        System.out.printf(Locale.ROOT, "loss %.4f → %.4f, accuracy %.3f after 3000 steps%n", before, net.loss(x, y, m),
                accuracy);
        assertTrue(accuracy >= 0.9, "gradient descent with your backward() reached accuracy " + accuracy
                + " on the nonlinear set; a correct gradient reaches at least 0.9 in 3000 steps of lr 2");
    }
    // END HIDDEN TESTS

    private static Sequential nnCoreCopy(TwoLayerNetwork net) {
        // float64: the student's double arithmetic must equal nn-core's exactly.
        Sequential model = new Sequential(new int[] {net.inputs}, List.of(new Dense(net.hidden, Activation.SIGMOID),
                new Dense(1, Activation.SIGMOID)), 1, Precision.FLOAT64);
        model.setWeights(List.of(Tensor.wrap(net.w1.clone(), net.inputs, net.hidden), Tensor.wrap(net.b1.clone(), net.hidden),
                Tensor.wrap(net.w2.clone(), net.hidden, 1), Tensor.wrap(new double[] {net.b2}, 1)));
        return model;
    }

    private static void assertGradient(String name, double[] values, double[] analytic, TwoLayerNetwork net) {
        double h = 1e-6;
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            values[i] = v + h;
            double up = net.loss(X, Y, BATCH);
            values[i] = v - h;
            double down = net.loss(X, Y, BATCH);
            values[i] = v;
            assertEquals((up - down) / (2 * h), analytic[i], 1e-6, "∂L/∂" + name + "[" + i + "]");
        }
    }
}
