package org.nnlab.core.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nnlab.core.check.GradientCheck;
import org.nnlab.core.layer.Activation;
import org.nnlab.core.tensor.Tensor;

class CategoricalCrossentropyTest {
    private final Loss loss = Loss.CATEGORICAL_CROSSENTROPY;

    @Test
    void reproducesTheKerasDocumentationExample() {
        // keras.losses.CategoricalCrossentropy()([[0, 1, 0], [0, 0, 1]], [[0.05, 0.95, 0], [0.1, 0.8, 0.1]])
        // = 1.177: (−ln 0.95 − ln 0.1) / 2.
        Tensor y = Tensor.matrix(new double[][] {{0, 1, 0}, {0, 0, 1}});
        Tensor p = Tensor.matrix(new double[][] {{0.05, 0.95, 0}, {0.1, 0.8, 0.1}});
        assertEquals((-Math.log(0.95) - Math.log(0.1)) / 2, loss.compute(p, y), 1e-15);
        assertEquals(1.1769392, loss.compute(p, y), 1e-7);
    }

    @Test
    void rowsAreNormalizedToSumOneFirst() {
        // [1, 3] is read as [0.25, 0.75], as Keras 3 does: −ln 0.75.
        Tensor p = Tensor.matrix(new double[][] {{1, 3}});
        assertEquals(-Math.log(0.75), loss.compute(p, Tensor.matrix(new double[][] {{0, 1}})), 1e-15);
    }

    @Test
    void softTargetsAreASumOverClasses() {
        // −(0.25 ln 0.5 + 0.75 ln 0.5) = ln 2.
        Tensor p = Tensor.matrix(new double[][] {{0.5, 0.5}});
        assertEquals(Math.log(2), loss.compute(p, Tensor.matrix(new double[][] {{0.25, 0.75}})), 1e-15);
    }

    @Test
    void zeroProbabilityForTheTrueClassGivesFiniteLoss() {
        Tensor p = Tensor.matrix(new double[][] {{0, 1}, {1, 0}});
        Tensor y = Tensor.matrix(new double[][] {{1, 0}, {1, 0}});
        double value = loss.compute(p, y);
        // Row 0: −ln ε; row 1: −ln(1 − ε) ≈ 1e-7.
        assertEquals((-Math.log(Loss.EPSILON) - Math.log(1 - Loss.EPSILON)) / 2, value, 1e-12);
        assertTrue(loss.gradient(p, y).firstNonFinite() < 0);
    }

    @Test
    void gradientMatchesNumericalGradientForUnnormalizedRows() {
        SplittableRandom rng = new SplittableRandom(5);
        Tensor p = Tensor.zeros(4, 5);
        for (int i = 0; i < p.size(); i++) {
            p.data()[i] = rng.nextDouble(0.1, 2.0);
        }
        GradientCheck.Report oneHot = GradientCheck.loss(loss, p, oneHot(rng, 4, 5));
        assertTrue(oneHot.passes(GradientCheck.GOOD), oneHot.toString());
        GradientCheck.Report soft = GradientCheck.loss(loss, p, softTargets(rng, 4, 5));
        assertTrue(soft.passes(GradientCheck.GOOD), soft.toString());
    }

    @Test
    void fusedGradientWithSoftmaxMatchesNumericalGradient() {
        SplittableRandom rng = new SplittableRandom(6);
        Tensor z = MeanSquaredErrorTest.random(rng, 4, 5);
        assertTrue(loss.fusesWith(Activation.SOFTMAX));
        GradientCheck.Report oneHot = GradientCheck.fused(loss, Activation.SOFTMAX, z,
                oneHot(rng, 4, 5));
        assertTrue(oneHot.passes(GradientCheck.GOOD), oneHot.toString());
        GradientCheck.Report soft = GradientCheck.fused(loss, Activation.SOFTMAX, z,
                softTargets(rng, 4, 5));
        assertTrue(soft.passes(GradientCheck.GOOD), soft.toString());
    }

    @Test
    void fusedGradientIsProbabilityMinusTargetOverBatch() {
        Tensor p = Tensor.matrix(new double[][] {{0.7, 0.2, 0.1}, {0.3, 0.3, 0.4}});
        Tensor y = Tensor.matrix(new double[][] {{1, 0, 0}, {0, 0, 1}});
        assertArrayEquals(new double[] {-0.15, 0.1, 0.05, 0.15, 0.15, -0.3}, loss.fusedGradient(p, y).data(), 1e-15);
    }

    @Test
    void fusesOnlyWithSoftmax() {
        assertFalse(loss.fusesWith(Activation.SIGMOID));
    }

    @Test
    void validateRejectsOneHotWidthThatIsNotTheOutputWidth() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> loss.validateTargets(Tensor.zeros(32, 10), new int[] {5}));
        assertEquals("One-hot targets of width 10 but the output layer has 5 units. Hint: the last Dense layer needs"
                + " one unit per class, and each target row one value per class.", e.getMessage());
    }

    @Test
    void validateSuggestsSparseLossForClassIndices() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> loss.validateTargets(Tensor.vector(3, 1, 4), new int[] {10}));
        assertEquals("One-hot targets of width 1 but the output layer has 10 units. Hint: these look like class"
                + " indices; use SparseCategoricalCrossentropy, or one-hot encode them to width 10.", e.getMessage());
    }

    @Test
    void refusesAOneUnitOutput() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> loss.checkOutput(Activation.SOFTMAX, new int[] {1}, "Dense layer 2 (dense_1)"));
        assertEquals("categorical_crossentropy needs one output unit per class (at least 2), but the output layer,"
                + " Dense layer 2 (dense_1), outputs (None, 1). A single unit cannot hold a probability per class"
                + " (softmax over one unit is always 1). Hint: give the last Dense layer one softmax unit per class,"
                + " e.g. Dense(10, SOFTMAX) for digits; for two classes Dense(1, SIGMOID) with binary cross-entropy"
                + " also works.", e.getMessage());
    }

    @Test
    void refusesAnOutputThatIsNotASoftmax() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> loss.checkOutput(Activation.SIGMOID, new int[] {3}, "Dense layer 1 (dense)"));
        assertEquals("categorical_crossentropy expects a softmax output (one probability per class, summing to 1),"
                + " but the output layer, Dense layer 1 (dense), ends in sigmoid. Hint: use Dense(3, SOFTMAX) as the"
                + " output layer; a sigmoid output goes with binary cross-entropy.", e.getMessage());
        loss.checkOutput(Activation.SOFTMAX, new int[] {3}, "Dense layer 1 (dense)");
    }

    @Test
    void validateRejectsTargetOutsideUnitInterval() {
        Tensor y = Tensor.matrix(new double[][] {{0, 1}, {3, 0}});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> loss.validateTargets(y, new int[] {2}));
        assertTrue(e.getMessage().startsWith("One-hot target 3.0 at row 1, column 0 is outside [0, 1]."),
                e.getMessage());
    }

    @Test
    void validateRejectsNanTarget() {
        Tensor y = Tensor.matrix(new double[][] {{0, 1}, {Double.NaN, 0}});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> loss.validateTargets(y, new int[] {2}));
        assertTrue(e.getMessage().startsWith("Target NaN at row 1, column 0 is not a finite number"), e.getMessage());
    }

    static Tensor oneHot(SplittableRandom rng, int rows, int classes) {
        Tensor y = Tensor.zeros(rows, classes);
        for (int r = 0; r < rows; r++) {
            y.set(r, rng.nextInt(classes), 1.0);
        }
        return y;
    }

    private static Tensor softTargets(SplittableRandom rng, int rows, int classes) {
        Tensor y = Tensor.zeros(rows, classes);
        for (int r = 0; r < rows; r++) {
            double sum = 0;
            for (int k = 0; k < classes; k++) {
                y.set(r, k, rng.nextDouble(0.1, 1));
                sum += y.get(r, k);
            }
            for (int k = 0; k < classes; k++) {
                y.set(r, k, y.get(r, k) / sum);
            }
        }
        return y;
    }
}
