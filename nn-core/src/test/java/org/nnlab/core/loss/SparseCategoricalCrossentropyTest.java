package org.nnlab.core.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nnlab.core.check.GradientCheck;
import org.nnlab.core.layer.Activation;
import org.nnlab.core.tensor.Tensor;

class SparseCategoricalCrossentropyTest {
    private final Loss loss = Loss.SPARSE_CATEGORICAL_CROSSENTROPY;

    @Test
    void reproducesTheKerasDocumentationExample() {
        // keras.losses.SparseCategoricalCrossentropy()([1, 2], [[0.05, 0.95, 0], [0.1, 0.8, 0.1]]) = 1.177.
        Tensor p = Tensor.matrix(new double[][] {{0.05, 0.95, 0}, {0.1, 0.8, 0.1}});
        assertEquals((-Math.log(0.95) - Math.log(0.1)) / 2, loss.compute(p, Tensor.vector(1, 2)), 1e-15);
    }

    @Test
    void acceptsLabelsAsAColumn() {
        Tensor p = Tensor.matrix(new double[][] {{0.05, 0.95, 0}, {0.1, 0.8, 0.1}});
        Tensor column = Tensor.matrix(new double[][] {{1}, {2}});
        assertEquals(loss.compute(p, Tensor.vector(1, 2)), loss.compute(p, column), 0.0);
    }

    @Test
    void agreesWithCategoricalOnOneHotTargets() {
        SplittableRandom rng = new SplittableRandom(8);
        Tensor p = Tensor.zeros(6, 4);
        for (int i = 0; i < p.size(); i++) {
            p.data()[i] = rng.nextDouble(0.1, 2.0);
        }
        p.data()[5] = 0.0; // a clipped entry, so both losses take the clipped branch somewhere
        Tensor labels = Tensor.vector(0, 1, 2, 3, 1, 0);
        Tensor oneHot = Tensor.zeros(6, 4);
        for (int r = 0; r < 6; r++) {
            oneHot.set(r, (int) labels.get(r), 1.0);
        }
        Loss categorical = Loss.CATEGORICAL_CROSSENTROPY;
        assertEquals(categorical.compute(p, oneHot), loss.compute(p, labels), 1e-14);
        assertArrayEquals(categorical.gradient(p, oneHot).data(), loss.gradient(p, labels).data(), 1e-14);
        assertArrayEquals(categorical.fusedGradient(p, oneHot).data(), loss.fusedGradient(p, labels).data(), 1e-15);
    }

    @Test
    void zeroProbabilityForTheTrueClassGivesFiniteLoss() {
        Tensor p = Tensor.matrix(new double[][] {{1, 0, 0}});
        assertEquals(-Math.log(Loss.EPSILON), loss.compute(p, Tensor.vector(2)), 1e-9);
        assertTrue(loss.gradient(p, Tensor.vector(2)).firstNonFinite() < 0);
    }

    @Test
    void gradientMatchesNumericalGradient() {
        SplittableRandom rng = new SplittableRandom(9);
        Tensor p = Tensor.zeros(5, 4);
        for (int i = 0; i < p.size(); i++) {
            p.data()[i] = rng.nextDouble(0.1, 2.0);
        }
        GradientCheck.Report report = GradientCheck.loss(loss, p, Tensor.vector(3, 0, 1, 1, 2));
        assertTrue(report.passes(GradientCheck.GOOD), report.toString());
    }

    @Test
    void fusedGradientWithSoftmaxMatchesNumericalGradient() {
        Tensor z = MeanSquaredErrorTest.random(new SplittableRandom(10), 5, 4);
        assertTrue(loss.fusesWith(Activation.SOFTMAX));
        GradientCheck.Report report = GradientCheck.fused(loss, Activation.SOFTMAX, z,
                Tensor.vector(3, 0, 1, 1, 2));
        assertTrue(report.passes(GradientCheck.GOOD), report.toString());
    }

    @Test
    void validateRejectsLabelBeyondTheOutputWidth() {
        double[] labels = new double[20];
        labels[12] = 9;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> loss.validateTargets(Tensor.vector(labels), new int[] {5}));
        assertEquals("Label 9 at row 12 is outside [0, 5) for an output layer of 5 units. Hint: the last Dense layer"
                + " needs one unit per class; for labels 0-9 use 10.", e.getMessage());
    }

    @Test
    void validateRejectsNegativeLabel() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> loss.validateTargets(Tensor.vector(0, -1), new int[] {5}));
        assertEquals("Label -1 at row 1 is outside [0, 5) for an output layer of 5 units. Hint: class indices start"
                + " at 0.", e.getMessage());
    }

    @Test
    void validateRejectsFractionalLabel() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> loss.validateTargets(Tensor.vector(0, 1, 2.5), new int[] {5}));
        assertTrue(e.getMessage().startsWith("Label 2.5 at row 2 is not a whole class index. Hint: sparse labels are"
                + " integers 0..4"), e.getMessage());
    }

    @Test
    void validateRejectsNanLabel() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> loss.validateTargets(Tensor.vector(Double.NaN), new int[] {5}));
        assertTrue(e.getMessage().startsWith("Label NaN at row 0 is not a whole class index."), e.getMessage());
    }

    @Test
    void validateRejectsOneHotShapedTargets() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> loss.validateTargets(Tensor.zeros(32, 10), new int[] {10}));
        assertEquals("Sparse labels must be one class index per example, shaped (batch) or (batch, 1), but got"
                + " [32, 10]. Hint: rows of one-hot or probability targets go with CategoricalCrossentropy.",
                e.getMessage());
    }

    @Test
    void refusesAOneUnitOutput() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> loss.checkOutput(Activation.SOFTMAX, new int[] {1}, "Dense layer 1 (dense)"));
        assertTrue(e.getMessage().startsWith("sparse_categorical_crossentropy needs one output unit per class (at"
                + " least 2), but the output layer, Dense layer 1 (dense), outputs (None, 1)."), e.getMessage());
        assertTrue(e.getMessage().contains("for two classes Dense(1, SIGMOID) with binary cross-entropy also works"),
                e.getMessage());
    }

    @Test
    void computeRejectsOutOfRangeLabelToo() {
        Tensor p = Tensor.matrix(new double[][] {{0.5, 0.5}});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> loss.compute(p, Tensor.vector(2)));
        assertTrue(e.getMessage().startsWith("Label 2 at row 0 is outside [0, 2)"), e.getMessage());
    }

    @Test
    void computeRejectsLabelsOfAnotherBatch() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> loss.compute(Tensor.zeros(4, 3), Tensor.vector(0, 1)));
        assertEquals("sparse_categorical_crossentropy needs predictions (batch, classes) and labels (batch) or"
                + " (batch, 1) with the same batch, but got predictions [4, 3] and labels [2].", e.getMessage());
    }
}
