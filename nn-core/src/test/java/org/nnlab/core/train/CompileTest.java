package org.nnlab.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nnlab.core.layer.Activation;
import org.nnlab.core.layer.ActivationLayer;
import org.nnlab.core.layer.BatchNormalization;
import org.nnlab.core.layer.Dense;
import org.nnlab.core.layer.Dropout;
import org.nnlab.core.loss.Loss;
import org.nnlab.core.optim.Adam;
import org.nnlab.core.tensor.Tensor;

/** What {@code compile} and {@code fit} refuse before any step: the model rules that live in core. */
class CompileTest {

    private static Sequential model(Activation output, int units) {
        return new Sequential(new int[] {2}, List.of(new Dense(4, Activation.RELU), new Dense(units, output)), 1);
    }

    @Test
    void refusesSoftmaxWithBinaryCrossentropy() {
        Sequential m = model(Activation.SOFTMAX, 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> m.compile(new Adam(), Loss.BINARY_CROSSENTROPY));
        assertEquals("binary_crossentropy expects probabilities from a sigmoid output, but the output layer, Dense"
                + " layer 2 (dense_1), ends in softmax. Softmax makes the units compete (they sum to 1), binary"
                + " cross-entropy scores each unit as its own yes/no probability. Hint: for a yes/no label use one"
                + " sigmoid unit, Dense(1, SIGMOID), with binary cross-entropy; for one class among several keep"
                + " softmax and use sparse categorical cross-entropy (integer labels).", e.getMessage());
        assertNull(m.loss(), "a refused compile leaves the model uncompiled");
    }

    @Test
    void refusesACategoricalLossOnOneUnitOrWithoutSoftmax() {
        IllegalArgumentException one = assertThrows(IllegalArgumentException.class,
                () -> model(Activation.SOFTMAX, 1).compile(new Adam(), Loss.SPARSE_CATEGORICAL_CROSSENTROPY));
        assertTrue(one.getMessage().startsWith("sparse_categorical_crossentropy needs one output unit per class"),
                one.getMessage());
        IllegalArgumentException linear = assertThrows(IllegalArgumentException.class,
                () -> model(Activation.LINEAR, 10).compile(new Adam(), Loss.CATEGORICAL_CROSSENTROPY));
        assertTrue(linear.getMessage().contains("ends in linear. Hint: use Dense(10, SOFTMAX) as the output layer."),
                linear.getMessage());
    }

    @Test
    void findsTheOutputActivationBehindDropoutAndThroughBatchNormalization() {
        Sequential softmaxThenDropout = new Sequential(new int[] {2}, List.of(new Dense(3, Activation.SOFTMAX),
                new Dropout(0.1)), 1);
        softmaxThenDropout.compile(new Adam(), Loss.SPARSE_CATEGORICAL_CROSSENTROPY);
        Sequential normalizedAfterSigmoid = new Sequential(new int[] {2}, List.of(new Dense(1, Activation.SIGMOID),
                new BatchNormalization()), 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> normalizedAfterSigmoid.compile(new Adam(), Loss.BINARY_CROSSENTROPY));
        assertTrue(e.getMessage().contains("BatchNormalization layer 2 (batch_normalization), ends in linear"),
                e.getMessage());
        Sequential activationLayer = new Sequential(new int[] {2}, List.of(new Dense(1, Activation.LINEAR),
                new BatchNormalization(), new ActivationLayer(Activation.SIGMOID)), 1);
        activationLayer.compile(new Adam(), Loss.BINARY_CROSSENTROPY);
        assertEquals(Loss.BINARY_CROSSENTROPY, activationLayer.loss());
    }

    @Test
    void refusesTheStepActivation() {
        Sequential m = new Sequential(new int[] {2}, List.of(new Dense(1, Activation.STEP)), 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> m.compile(new Adam(), Loss.MEAN_SQUARED_ERROR));
        assertTrue(e.getMessage().startsWith("Dense layer 1 (dense) uses the STEP activation, which backpropagation"
                + " cannot train"), e.getMessage());
    }

    @Test
    void fitRefusesTargetsOfShapeNForAnOutputOfOneUnitNamingBothShapes() {
        Sequential m = model(Activation.SIGMOID, 1);
        m.compile(new Adam(), Loss.BINARY_CROSSENTROPY);
        Tensor x = Tensor.matrix(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> m.fit(x, Tensor.vector(0, 1, 1, 0), FitOptions.epochs(1)));
        assertEquals("Binary targets have shape [4] but the output layer gives (None, 1), so they must be [4, 1]."
                + " Hint: the values are all there: reshape them, e.g. y.reshape(4, 1); nnlab does not reshape"
                + " targets for you, as a wrong guess would train silently on the wrong pairs.", e.getMessage());
        assertEquals(1, m.fit(x, Tensor.wrap(new double[] {0, 1, 1, 0}, 4, 1),
                FitOptions.builder().epochs(1).verbosity(Verbosity.SILENT).build()).epochs());
    }

    @Test
    void theReportedLossComesFromTheLogitsBehindASoftmax() {
        // One input of 1 into two softmax units whose logits are 0 and 40; the label is class 0.
        Dense out = new Dense(2, Activation.SOFTMAX);
        Sequential m = new Sequential(new int[] {1}, List.of(out), 1);
        m.setWeights(List.of(Tensor.matrix(new double[][] {{0, 40}}), Tensor.vector(0, 0)));
        m.compile(new Adam(), Loss.SPARSE_CATEGORICAL_CROSSENTROPY);
        Map<String, Double> result = m.evaluate(Tensor.matrix(new double[][] {{1}}), Tensor.vector(0));
        assertEquals(40, result.get("loss"), 1e-9, "tf.keras reports the loss from the logits, not capped at 16.1");
        History h = m.fit(Tensor.matrix(new double[][] {{1}}), Tensor.vector(0),
                FitOptions.builder().epochs(1).verbosity(Verbosity.SILENT).build());
        assertEquals(40, h.get("loss")[0], 1e-9);
    }
}
