package org.nnlab.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.nnlab.core.check.GradientCheck;
import org.nnlab.core.init.Initializer;
import org.nnlab.core.layer.Activation;
import org.nnlab.core.layer.Dense;
import org.nnlab.core.layer.Parameter;
import org.nnlab.core.loss.Loss;
import org.nnlab.core.optim.SGD;
import org.nnlab.core.regularizer.L1;
import org.nnlab.core.regularizer.L1L2;
import org.nnlab.core.regularizer.L2;
import org.nnlab.core.regularizer.Regularizer;
import org.nnlab.core.tensor.Precision;
import org.nnlab.core.tensor.Tensor;
import org.nnlab.core.testing.RandomTensors;

/** Keras 3's activity_regularizer on Dense: a penalty on the layer's output, divided by the batch size (Keras 3.14+). */
class ActivityRegularizerTest {
    private static final Tensor X = Tensor.matrix(new double[][] {{1, 2}, {3, -1}});
    private static final Tensor Y = Tensor.matrix(new double[][] {{0, 0}, {1, 1}});

    /** 2 → Dense(2, linear) with W = 1, b = 1: outputs [4, 4] for x = [1, 2] and [3, 3] for x = [3, −1]. */
    private static Sequential onesModel(Regularizer activity) {
        Sequential model = new Sequential(new int[] {2}, List.of(Dense.Config.of(2, Activation.LINEAR)
                .kernelInitializer(Initializer.ONES).biasInitializer(Initializer.ONES)
                .activityRegularizer(activity).create()), 1, Precision.FLOAT64);
        model.compile(new SGD(), Loss.MEAN_SQUARED_ERROR);
        return model;
    }

    @Test
    void penaltyIsTheRegularizerOfTheBatchsOutputsDividedByTheBatchSize() {
        Dense dense = (Dense) onesModel(new L2(0.01)).layers().get(0);
        dense.forward(X, true);
        // 0.01·(4² + 4² + 3² + 3²) / 2 examples = 0.01·50 / 2 = 0.25
        assertEquals(0.25, dense.activityPenalty(), 1e-15);
        Dense l1 = (Dense) onesModel(new L1(0.1)).layers().get(0);
        l1.forward(X, true);
        // 0.1·(4 + 4 + 3 + 3) / 2 = 0.7
        assertEquals(0.7, l1.activityPenalty(), 1e-15);
    }

    @Test
    void kerasRegularizerDocstringExampleGivesItsPublishedLosses() {
        // keras/src/regularizers/regularizers.py: Dense(5, input_dim=5, kernel_initializer='ones',
        // kernel_regularizer=L1(0.01), activity_regularizer=L2(0.01)) on ones((5, 5)) * 2.0:
        // "The kernel regularization term is 0.25", the activity term "(after dividing by batch size
        // of 5) is 5.0", ops.sum(layer.losses) = 5.25.
        Dense dense = Dense.Config.of(5, Activation.LINEAR).kernelInitializer(Initializer.ONES)
                .kernelRegularizer(new L1(0.01)).activityRegularizer(new L2(0.01)).create();
        dense.build(new int[] {5}, Precision.FLOAT64, new SplittableRandom(1));
        dense.forward(Tensor.filled(2.0, 5, 5), true);
        double kernelTerm = dense.kernel().regularizer().orElseThrow().penalty(dense.kernel().value());
        assertEquals(0.25, kernelTerm, 1e-15);
        assertEquals(5.0, dense.activityPenalty(), 1e-12);
    }

    @Test
    void backwardAddsThePenaltysGradientBeforeTheActivation() {
        Dense dense = (Dense) onesModel(new L2(0.01)).layers().get(0);
        dense.forward(X, true);
        dense.kernel().zeroGrad();
        dense.bias().zeroGrad();
        Tensor dx = dense.backward(Tensor.zeros(2, 2));
        // ∂(R/2)/∂y = 2·0.01·y / 2 = [[0.04, 0.04], [0.03, 0.03]] (linear, so dz = dy + that);
        // dW = xᵀ·dz: row 0 = 1·0.04 + 3·0.03 = 0.13, row 1 = 2·0.04 − 1·0.03 = 0.05; db = 0.04 + 0.03 = 0.07;
        // dx = dz·Wᵀ with W = 1: each row sums its dz, 0.08 and 0.06.
        assertArrayEquals(new double[] {0.13, 0.13, 0.05, 0.05}, dense.kernel().grad().data(), 1e-15);
        assertArrayEquals(new double[] {0.07, 0.07}, dense.bias().grad().data(), 1e-15);
        assertArrayEquals(new double[] {0.08, 0.08, 0.06, 0.06}, dx.data(), 1e-15);
    }

    @Test
    void backwardLeavesTheIncomingGradientAlone() {
        Dense dense = (Dense) onesModel(new L2(0.01)).layers().get(0);
        dense.forward(X, true);
        Tensor dy = Tensor.matrix(new double[][] {{1, 0}, {0, 1}});
        dense.backward(dy);
        assertArrayEquals(new double[] {1, 0, 0, 1}, dy.data(), 0.0);
    }

    @Test
    void reportedLossIncludesThePenaltyInFitValidationAndEvaluate() {
        Sequential model = onesModel(new L2(0.01));
        // MSE ((4² + 4²) + (3² + 3²)) / 4 = 10, plus 0.25 from the outputs' penalty.
        assertEquals(10.25, model.evaluate(X, Y).get("loss"), 1e-12);
        History h = model.fit(X, Y, FitOptions.builder().epochs(1).batchSize(2).verbosity(Verbosity.SILENT)
                .validationData(X, Y).build());
        assertEquals(10.25, h.last("loss"), 1e-12);
        assertEquals(model.evaluate(X, Y).get("loss"), h.last("val_loss"), 1e-12);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 5, 10})
    void kerasLayerTestValuesForEveryBatchSize(int batch) {
        // keras/src/layers/layer_test.py, test_activity_regularization_batch_normalization: an identity
        // layer with activity_regularizer="l2" (0.01) on ones((batch, 5)) * 2.0 has the loss 0.2 whatever
        // the batch: 0.01·4·5·batch / batch. Here the identity is Dense(5) with W = I and no bias.
        Dense dense = Dense.Config.of(5, Activation.LINEAR).noBias().activityRegularizer(new L2()).create();
        dense.build(new int[] {5}, Precision.FLOAT64, new SplittableRandom(1));
        dense.kernel().value().fillZero();
        for (int i = 0; i < 5; i++) {
            dense.kernel().value().data()[i * 5 + i] = 1;
        }
        dense.forward(Tensor.filled(2.0, batch, 5), true);
        assertEquals(0.2, dense.activityPenalty(), 1e-15);
    }

    @Test
    void penaltyDoesNotDependOnTheBatchSize() {
        // Batches of one: (16 + 0.01·32 + 4 + 0.01·18) / 2 = 10.25; one batch of two: 10 + 0.01·50 / 2 = 10.25.
        // Keras 3.0–3.13, which did not divide, gave 10.5 for the batch of two.
        Sequential model = onesModel(new L2(0.01));
        assertEquals(10.25, model.evaluate(Examples.of(X, Y), 1).get("loss"), 1e-12);
        assertEquals(10.25, model.evaluate(Examples.of(X, Y), 2).get("loss"), 1e-12);
    }

    @Test
    void aStrongActivityPenaltyShrinksTheOutputs() {
        Tensor x = RandomTensors.uniform(3, -1, 1, 64, 5);
        Tensor y = RandomTensors.uniform(4, -3, 3, 64, 1);
        double[] outputs = new double[2];
        for (int k = 0; k < 2; k++) {
            Dense.Config dense = Dense.Config.of(8, Activation.RELU);
            Sequential model = new Sequential(new int[] {5}, List.of(
                    (k == 0 ? dense : dense.activityRegularizer(new L1(0.5))).create(),
                    new Dense(1, Activation.LINEAR)), 7);
            model.compile(new SGD(0.05), Loss.MEAN_SQUARED_ERROR);
            model.fit(x, y, FitOptions.builder().epochs(30).batchSize(16).verbosity(Verbosity.SILENT).build());
            Dense hidden = (Dense) model.layers().get(0);
            outputs[k] = hidden.forward(x, false).sumOfAbsolutes();
        }
        assertTrue(outputs[1] < 0.5 * outputs[0], "Σ|hidden output| without L1 " + outputs[0]
                + ", with activity L1(0.5) " + outputs[1]);
    }

    static Stream<Arguments> penaltiesAndActivations() {
        List<Arguments> cases = new ArrayList<>();
        for (Regularizer r : List.of(new L1(0.05), new L2(0.07), new L1L2(0.03, 0.04))) {
            for (Activation a : List.of(Activation.RELU, Activation.SIGMOID, Activation.TANH, Activation.SOFTMAX)) {
                cases.add(Arguments.of(r, a));
            }
        }
        return cases.stream();
    }

    /** 3 → Dense(4, hidden; R) → Dense(3, output; R), loss on top; float64, as every gradient check runs. */
    private static Sequential model(Regularizer r, Activation hidden, Activation output, Loss loss) {
        Sequential model = new Sequential(new int[] {3}, List.of(
                Dense.Config.of(4, hidden).biasInitializer(new Initializer.Constant(0.2)).activityRegularizer(r).create(),
                Dense.Config.of(3, output).activityRegularizer(r).create()), 5, Precision.FLOAT64);
        model.compile(new SGD(), loss);
        return model;
    }

    private static void assertObjectiveGradientMatchesCentralDifferences(Sequential model, Tensor x, Tensor y) {
        FitLoop loop = new FitLoop(model, FitOptions.defaults());
        loop.objectiveWithGradients(x, y);
        for (Parameter p : model.parameters()) {
            GradientCheck.Entry e = GradientCheck.compare(p.name(), p.value().data(), p.grad().data().clone(),
                    () -> loop.objective(x, y));
            assertTrue(e.maxRelativeError() < 1e-6, e.toString());
        }
    }

    @ParameterizedTest
    @MethodSource("penaltiesAndActivations")
    void gradientMatchesCentralDifferences(Regularizer r, Activation activation) {
        // The hidden layer (first, parameters only) and the output (full backward, unfused MSE) both carry R.
        Sequential model = model(r, activation, activation, Loss.MEAN_SQUARED_ERROR);
        assertObjectiveGradientMatchesCentralDifferences(model, RandomTensors.uniform(1, -1, 1, 6, 3), RandomTensors.uniform(2, 0, 1, 6, 3));
    }

    @ParameterizedTest
    @MethodSource("penaltiesAndActivations")
    void gradientThroughTheFusedSoftmaxHeadMatchesCentralDifferences(Regularizer r, Activation hidden) {
        Sequential model = model(r, hidden, Activation.SOFTMAX, Loss.SPARSE_CATEGORICAL_CROSSENTROPY);
        assertObjectiveGradientMatchesCentralDifferences(model, RandomTensors.uniform(1, -1, 1, 6, 3), Tensor.vector(0, 2, 1, 1, 0, 2));
    }

    @ParameterizedTest
    @MethodSource("penaltiesAndActivations")
    void gradientThroughTheFusedSigmoidHeadMatchesCentralDifferences(Regularizer r, Activation hidden) {
        Sequential model = model(r, hidden, Activation.SIGMOID, Loss.BINARY_CROSSENTROPY);
        Tensor y = Tensor.matrix(new double[][] {{1, 0, 1}, {0, 0, 1}, {1, 1, 0}, {0, 1, 0}, {1, 0, 0}, {0, 1, 1}});
        assertObjectiveGradientMatchesCentralDifferences(model, RandomTensors.uniform(1, -1, 1, 6, 3), y);
    }

    @ParameterizedTest
    @MethodSource("penaltiesAndActivations")
    void layerGradientCheckIncludesThePenalty(Regularizer r, Activation activation) {
        for (Precision precision : Precision.values()) {
            // GradientCheck checks a float32 layer through a float64 copy made from its config.
            Dense dense = Dense.Config.of(4, activation).biasInitializer(new Initializer.Constant(0.2))
                    .activityRegularizer(r).create();
            dense.build(new int[] {3}, precision, new SplittableRandom(11));
            GradientCheck.Report report = GradientCheck.layer(dense, RandomTensors.uniform(5, -1, 1, 6, 3), true, 3);
            assertEquals(3, report.entries().size(), report::toString);
            assertTrue(report.passes(GradientCheck.GOOD), precision + " " + report);
        }
    }

    @Test
    void withoutAnActivityRegularizerThePenaltyIsZero() {
        Dense dense = new Dense(2, Activation.RELU);
        assertEquals(0.0, dense.activityPenalty(), 0.0);
        assertTrue(dense.activityRegularizer().isEmpty());
    }

    @Test
    void penaltyBeforeForwardIsRefusedWithAMessage() {
        Dense dense = (Dense) onesModel(new L2(0.01)).layers().get(0);
        IllegalStateException e = assertThrows(IllegalStateException.class, dense::activityPenalty);
        assertEquals("Dense layer 'dense' has no output to penalize yet: its activity regularizer L2(l2=0.01)"
                + " measures the output of the last forward pass. Hint: call forward first.", e.getMessage());
    }

    @Test
    void summaryListsTheActivityPenalty() {
        String summary = onesModel(new L1L2(0.001, 0.002)).summary();
        assertTrue(summary.endsWith("Regularizers (added to the loss):\n"
                + " dense/activity: L1L2(l1=0.001, l2=0.002)\n"
                + "_________________________________________________________________\n"), summary);
    }

    @Test
    void configKeepsTheActivityRegularizerThroughEveryCopy() {
        Dense.Config c = Dense.Config.of(3, Activation.RELU).activityRegularizer(new L2(1e-5))
                .kernelRegularizer(new L1(0.1)).noBias().named("hidden").activation(Activation.TANH);
        assertEquals(new L2(1e-5), c.activityRegularizer());
        assertEquals(new L2(1e-5), c.create().config().orElseThrow().activityRegularization().orElseThrow());
        assertTrue(c.activityRegularizer(null).activityRegularization().isEmpty());
    }
}
