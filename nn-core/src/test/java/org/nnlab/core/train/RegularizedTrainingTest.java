package org.nnlab.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nnlab.core.check.GradientCheck;
import org.nnlab.core.init.Initializer;
import org.nnlab.core.layer.Activation;
import org.nnlab.core.layer.BatchNormalization;
import org.nnlab.core.layer.Dense;
import org.nnlab.core.layer.Parameter;
import org.nnlab.core.loss.Loss;
import org.nnlab.core.optim.SGD;
import org.nnlab.core.regularizer.L1;
import org.nnlab.core.regularizer.L1L2;
import org.nnlab.core.regularizer.L2;
import org.nnlab.core.tensor.Precision;
import org.nnlab.core.tensor.Tensor;
import org.nnlab.core.testing.RandomTensors;

/** The penalties in the training loop: added to the reported loss and to the gradients, as Keras adds model.losses. */
class RegularizedTrainingTest {

    /** 3 → Dense(4, tanh; L1L2 kernel, L2 bias) → BN(L2 γ, L1 β) → Dense(out, activation; L2 kernel). */
    private static Sequential model(int out, Activation activation, Loss loss) {
        // float64, as every gradient check runs.
        return model(out, activation, loss, Precision.FLOAT64);
    }

    private static Sequential model(int out, Activation activation, Loss loss, Precision precision) {
        Sequential model = new Sequential(new int[] {3}, List.of(
                Dense.Config.of(4, Activation.TANH).kernelRegularizer(new L1L2(0.03, 0.05))
                        .biasRegularizer(new L2(0.2)).biasInitializer(new Initializer.Constant(0.3)).create(),
                BatchNormalization.Config.DEFAULTS.gammaRegularizer(new L2(0.1)).betaRegularizer(new L1(0.07)).create(),
                Dense.Config.of(out, activation).kernelRegularizer(new L2(0.04)).create()), 5, precision);
        model.compile(new SGD(), loss);
        // Move β away from 0, where L1 has its kink.
        ((BatchNormalization) model.layers().get(1)).beta().value().copyFrom(RandomTensors.uniform(9, 0.2, 1, 4));
        return model;
    }

    @ParameterizedTest
    @ValueSource(strings = {"mse", "softmax"})
    void objectiveGradientMatchesCentralDifferences(String head) {
        boolean softmax = head.equals("softmax");
        Sequential model = softmax ? model(3, Activation.SOFTMAX, Loss.SPARSE_CATEGORICAL_CROSSENTROPY)
                : model(2, Activation.LINEAR, Loss.MEAN_SQUARED_ERROR);
        Tensor x = RandomTensors.uniform(1, -1, 1, 6, 3);
        Tensor y = softmax ? Tensor.vector(0, 2, 1, 1, 0, 2) : RandomTensors.uniform(2, -1, 1, 6, 2);
        FitLoop loop = new FitLoop(model, FitOptions.defaults());
        loop.objectiveWithGradients(x, y);
        for (Parameter p : model.parameters()) {
            if (p.trainable()) {
                GradientCheck.Entry e = GradientCheck.compare(p.name(), p.value().data(), p.grad().data().clone(),
                        () -> loop.objective(x, y));
                assertTrue(e.maxRelativeError() < 1e-6, e.toString());
            }
        }
    }

    @Test
    void reportedLossIsTheDataLossPlusEveryPenalty() {
        // One batch of everything, one epoch: the logged loss is measured before the only step.
        Sequential model = new Sequential(new int[] {2}, List.of(Dense.Config.of(1, Activation.LINEAR)
                .kernelInitializer(Initializer.ONES).biasInitializer(Initializer.ONES)
                .kernelRegularizer(new L2(0.5)).biasRegularizer(new L1(0.25)).create()), 1);
        model.compile(new SGD(), Loss.MEAN_SQUARED_ERROR);
        Tensor x = Tensor.matrix(new double[][] {{1, 2}, {3, -1}});
        Tensor y = Tensor.matrix(new double[][] {{0}, {1}});
        // predictions 1 + 2 + 1 = 4 and 3 − 1 + 1 = 3: MSE (16 + 4) / 2 = 10; L2: 0.5·(1 + 1) = 1; L1: 0.25·1
        double expected = 10 + 1 + 0.25;
        assertEquals(expected, model.evaluate(x, y).get("loss"), 1e-12);
        History h = model.fit(x, y, FitOptions.builder().epochs(1).batchSize(2).verbosity(Verbosity.SILENT)
                .validationData(x, y).build());
        assertEquals(expected, h.last("loss"), 1e-12);
        // After the step the weights are smaller, and so is the validation loss with its penalty.
        double after = model.evaluate(x, y).get("loss");
        assertEquals(after, h.last("val_loss"), 1e-12);
    }

    @Test
    void aStrongL2PenaltyKeepsTheKernelSmall() {
        Tensor x = RandomTensors.uniform(3, -1, 1, 64, 5);
        Tensor y = RandomTensors.uniform(4, -3, 3, 64, 1);
        double[] norms = new double[2];
        for (int k = 0; k < 2; k++) {
            Dense.Config dense = Dense.Config.of(1, Activation.LINEAR);
            Sequential model = new Sequential(new int[] {5},
                    List.of((k == 0 ? dense : dense.kernelRegularizer(new L2(0.5))).create()), 7);
            model.compile(new SGD(0.05), Loss.MEAN_SQUARED_ERROR);
            model.fit(x, y, FitOptions.builder().epochs(50).batchSize(16).verbosity(Verbosity.SILENT).build());
            norms[k] = ((Dense) model.layers().get(0)).kernel().value().norm();
        }
        assertTrue(norms[1] < 0.5 * norms[0], "kernel norm without L2 " + norms[0] + ", with L2(0.5) " + norms[1]);
    }

    @Test
    void summaryListsThePenalties() {
        String summary = model(2, Activation.LINEAR, Loss.MEAN_SQUARED_ERROR).summary();
        assertTrue(summary.endsWith("Non-trainable params: 8 (64.00 B)\n"
                + "Precision: float64\n"
                + "Regularizers (added to the loss):\n"
                + " dense/kernel: L1L2(l1=0.03, l2=0.05)\n"
                + " dense/bias: L2(l2=0.2)\n"
                + " batch_normalization/gamma: L2(l2=0.1)\n"
                + " batch_normalization/beta: L1(l1=0.07)\n"
                + " dense_1/kernel: L2(l2=0.04)\n"
                + "_________________________________________________________________\n"), summary);
    }

    @Test
    void aModelWithoutPenaltiesReportsThePlainLoss() {
        Sequential model = new Sequential(new int[] {1}, List.of(Dense.Config.of(1, Activation.LINEAR)
                .kernelInitializer(Initializer.ONES).create()), 1);
        model.compile(new SGD(), Loss.MEAN_SQUARED_ERROR);
        Map<String, Double> logs = model.evaluate(Tensor.matrix(new double[][] {{2}}), Tensor.matrix(new double[][] {{0}}));
        assertEquals(4.0, logs.get("loss"), 0.0);
        assertTrue(!model.summary().contains("Regularizers"), model.summary());
    }
}
