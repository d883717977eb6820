package org.nnlab.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nnlab.core.layer.Activation.RELU;
import static org.nnlab.core.layer.Activation.SIGMOID;
import static org.nnlab.core.layer.Activation.SOFTMAX;
import static org.nnlab.core.layer.Activation.STEP;
import static org.nnlab.core.train.Metric.MSE;
import static org.nnlab.dsl.spec.LossKind.BINARY_CROSSENTROPY;
import static org.nnlab.dsl.spec.LossKind.CATEGORICAL_CROSSENTROPY;
import static org.nnlab.dsl.spec.LossKind.MEAN_SQUARED_ERROR;
import static org.nnlab.dsl.spec.LossKind.SPARSE_CATEGORICAL_CROSSENTROPY;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.nnlab.core.tensor.Tensor;
import org.nnlab.dsl.spec.Monitor;

/** Each mistake students make is caught on the line that makes it, with a message that teaches. */
class MistakesTest {

    private static String message(Executable e) {
        return assertThrows(IllegalArgumentException.class, e).getMessage();
    }

    private static void assertContains(String message, String... parts) {
        for (String p : parts) {
            assertTrue(message.contains(p), () -> "expected <" + p + "> in: " + message);
        }
    }

    @Test
    void rejectsZeroUnitsNamingTheLayer() {
        String m = message(() -> Nn.input(2).dense(3, RELU).dense(0, SIGMOID));
        assertContains(m, "Layer 2 (dense_1): Dense units (0) must be > 0", "Hint: units is the number of neurons");
    }

    @Test
    void rejectsNegativeUnits() {
        assertContains(message(() -> Nn.input(2).dense(-5)), "Layer 1 (dense): Dense units (-5) must be > 0");
    }

    @Test
    void rejectsImageFedToDenseWithoutFlatten() {
        String m = message(() -> Nn.input(28, 28).dense(100, RELU));
        assertEquals("Dense layer 1 (dense) expects a flat input but gets shape (None, 28, 28). Did you forget"
                + " flatten()? A dense layer sees one vector of features per example; flatten() turns (None, 28, 28)"
                + " into (None, 784).", m);
    }

    @Test
    void rejectsDropoutRateOfOne() {
        assertContains(message(() -> Nn.input(4).dense(8, RELU).dropout(1.0)),
                "Layer 2 (dropout): Dropout rate (1.0) must be in [0, 1)");
    }

    @Test
    void rejectsNegativeDropoutRate() {
        assertContains(message(() -> Nn.input(4).dropout(-0.1)), "Dropout rate (-0.1) must be in [0, 1)");
    }

    @Test
    void rejectsSoftmaxOutputWithBinaryCrossentropy() {
        String m = message(() -> Nn.input(4).dense(3, SOFTMAX).compile(Optimizers.adam(), BINARY_CROSSENTROPY));
        assertContains(m, "BINARY_CROSSENTROPY expects probabilities from a sigmoid output, but the output layer,"
                + " Dense layer 1 (dense), ends in softmax", "Hint: for a yes/no label use dense(1, SIGMOID)");
    }

    @Test
    void rejectsSigmoidOutputWithSparseCategoricalCrossentropy() {
        String m = message(() -> Nn.input(4).dense(5, SIGMOID).compile(Optimizers.adam(), SPARSE_CATEGORICAL_CROSSENTROPY));
        assertContains(m, "SPARSE_CATEGORICAL_CROSSENTROPY expects a softmax output", "ends in sigmoid",
                "Hint: use dense(5, SOFTMAX)", "a sigmoid output goes with BINARY_CROSSENTROPY");
    }

    @Test
    void rejectsSingleUnitOutputWithCategoricalLosses() {
        String sparse = message(() -> Nn.input(4).dense(1, SOFTMAX).compile(Optimizers.sgd(), SPARSE_CATEGORICAL_CROSSENTROPY));
        assertContains(sparse, "SPARSE_CATEGORICAL_CROSSENTROPY needs one output unit per class, but the output layer,"
                + " Dense layer 1 (dense), outputs (None, 1)", "softmax over one unit is always 1");
        String oneHot = message(() -> Nn.input(4).dense(1, SIGMOID).compile(Optimizers.sgd(), CATEGORICAL_CROSSENTROPY));
        assertContains(oneHot, "CATEGORICAL_CROSSENTROPY needs one output unit per class");
    }

    @Test
    void rejectsLearningRateNotAboveZero() {
        assertContains(message(() -> Optimizers.adam().learningRate(0)), "learningRate (0.0) must be > 0");
        assertContains(message(() -> Optimizers.sgd().learningRate(-0.01)), "learningRate (-0.01) must be > 0",
                "Hint: the learning rate scales each step");
    }

    @Test
    void rejectsBatchNormMomentumOutsideOpenUnitInterval() {
        assertContains(message(() -> Nn.input(3).batchNormalization(b -> b.momentum(1.0))),
                "Layer 1 (batch_normalization): BatchNormalization momentum (1.0) must be in (0, 1)");
        assertContains(message(() -> Nn.input(3).batchNormalization(b -> b.momentum(0))),
                "BatchNormalization momentum (0.0) must be in (0, 1)");
    }

    @Test
    void rejectsLabelOutsideTheOutputUnits() {
        var spec = Nn.input(2).dense(5, SOFTMAX).compile(Optimizers.adam(), SPARSE_CATEGORICAL_CROSSENTROPY).spec();
        Tensor labels = Tensor.vector(0, 4, 1, 9);
        String m = message(() -> spec.training().loss().checkTargets(labels, spec.table().last()));
        assertContains(m, "Label 9 in row 3 does not fit Dense layer 1 (dense), which has 5 units, one per class:"
                + " labels must be integers in [0, 5)", "dense(10, SOFTMAX)");
    }

    @Test
    void rejectsStepActivationWhenTrainingWithBackpropagation() {
        String m = message(() -> Nn.input(2).dense(1, STEP).compile(Optimizers.sgd(), MEAN_SQUARED_ERROR));
        assertContains(m, "Dense layer 1 (dense) uses the STEP activation, which backpropagation cannot train");
    }

    @Test
    void rejectsDuplicateLayerNames() {
        String m = message(() -> Nn.input(2).dense(4, d -> d.name("hidden")).dense(1, d -> d.name("hidden")));
        assertContains(m, "Layer 2 is named 'hidden', but Dense layer 1 (hidden) already has that name");
    }

    @Test
    void rejectsEarlyStoppingOnAMetricThatIsNotCompiled() {
        String m = message(() -> Nn.input(2).dense(1).compile(Optimizers.sgd(), MEAN_SQUARED_ERROR, MSE)
                .fit(f -> f.earlyStopping(Monitor.VAL_ACCURACY, 5)));
        assertContains(m, "EarlyStopping monitors 'val_accuracy'", "Hint: add ACCURACY to the metrics");
    }

    @Test
    void rejectsEmptyInputShape() {
        assertContains(message(() -> Nn.input()), "Input shape is empty");
    }

    @Test
    void rejectsNegativeEpochs() {
        assertContains(message(() -> Nn.input(2).dense(1).compile(Optimizers.sgd(), MEAN_SQUARED_ERROR)
                .fit(f -> f.epochs(-3))), "epochs (-3) must be >= 1");
    }
}
