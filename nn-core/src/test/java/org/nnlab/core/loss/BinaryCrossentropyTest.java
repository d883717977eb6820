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

class BinaryCrossentropyTest {
    private final Loss loss = Loss.BINARY_CROSSENTROPY;

    @Test
    void reproducesTheKerasDocumentationExample() {
        // keras.losses.BinaryCrossentropy()([[0, 1], [0, 0]], [[0.6, 0.4], [0.4, 0.6]]) = 0.815.
        // Row 0: (−ln 0.4 − ln 0.4)/2; row 1: (−ln 0.6 − ln 0.4)/2.
        Tensor y = Tensor.matrix(new double[][] {{0, 1}, {0, 0}});
        Tensor p = Tensor.matrix(new double[][] {{0.6, 0.4}, {0.4, 0.6}});
        double expected = (-Math.log(0.4) + (-Math.log(0.6) - Math.log(0.4)) / 2) / 2;
        assertEquals(0.8149244548, expected, 1e-10);
        assertEquals(expected, loss.compute(p, y), 1e-15);
    }

    @Test
    void softTargetsWeighBothLogarithms() {
        // y = 0.25, p = 0.5: −(0.25 ln 0.5 + 0.75 ln 0.5) = ln 2.
        assertEquals(Math.log(2), loss.compute(Tensor.matrix(new double[][] {{0.5}}), Tensor.matrix(new double[][] {{0.25}})), 1e-15);
    }

    @Test
    void certainWrongPredictionsGiveFiniteLossThanksToClipping() {
        // p = 0 for y = 1 and p = 1 for y = 0 are clipped to ε and 1 − ε: the loss is −ln ε ≈ 16.118.
        Tensor p = Tensor.matrix(new double[][] {{0, 1}});
        Tensor y = Tensor.matrix(new double[][] {{1, 0}});
        assertEquals(-Math.log(Loss.EPSILON), loss.compute(p, y), 1e-6);
        Tensor g = loss.gradient(p, y);
        assertTrue(g.firstNonFinite() < 0, g.toString());
    }

    @Test
    void certainRightPredictionsGiveAlmostZeroLoss() {
        double value = loss.compute(Tensor.matrix(new double[][] {{0, 1}}), Tensor.matrix(new double[][] {{0, 1}}));
        assertTrue(value > 0 && value < 2e-7, "loss " + value);
    }

    @Test
    void gradientMatchesNumericalGradient() {
        SplittableRandom rng = new SplittableRandom(3);
        Tensor p = Tensor.zeros(5, 3);
        Tensor y = Tensor.zeros(5, 3);
        for (int i = 0; i < p.size(); i++) {
            p.data()[i] = rng.nextDouble(0.05, 0.95);
            y.data()[i] = i % 3 == 2 ? rng.nextDouble() : rng.nextInt(2);
        }
        GradientCheck.Report report = GradientCheck.loss(loss, p, y);
        assertTrue(report.passes(GradientCheck.GOOD), report.toString());
    }

    @Test
    void fusedGradientWithSigmoidMatchesNumericalGradient() {
        SplittableRandom rng = new SplittableRandom(4);
        Tensor z = MeanSquaredErrorTest.random(rng, 4, 3);
        Tensor y = Tensor.zeros(4, 3);
        for (int i = 0; i < y.size(); i++) {
            y.data()[i] = i % 2 == 0 ? rng.nextInt(2) : rng.nextDouble();
        }
        assertTrue(loss.fusesWith(Activation.SIGMOID));
        GradientCheck.Report report = GradientCheck.fused(loss, Activation.SIGMOID, z, y);
        assertTrue(report.passes(GradientCheck.GOOD), report.toString());
    }

    @Test
    void fusedGradientIsErrorOverAllValues() {
        Tensor p = Tensor.matrix(new double[][] {{0.9, 0.2}, {0.5, 0.5}});
        Tensor y = Tensor.matrix(new double[][] {{1, 0}, {0, 1}});
        assertArrayEquals(new double[] {-0.025, 0.05, 0.125, -0.125}, loss.fusedGradient(p, y).data(), 1e-15);
    }

    @Test
    void fusesOnlyWithSigmoid() {
        assertFalse(loss.fusesWith(Activation.SOFTMAX));
        assertFalse(loss.fusesWith(Activation.LINEAR));
    }

    @Test
    void validateRejectsTargetOutsideUnitInterval() {
        Tensor y = Tensor.matrix(new double[][] {{0}, {1}, {2}});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> loss.validateTargets(y, new int[] {1}));
        assertTrue(e.getMessage().startsWith("Binary cross-entropy target 2.0 at row 2, column 0 is outside [0, 1]."
                + " Hint: binary targets are 0 or 1"), e.getMessage());
    }

    @Test
    void validateRejectsNanTarget() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> loss.validateTargets(Tensor.matrix(new double[][] {{1}, {Double.NaN}}), new int[] {1}));
        assertTrue(e.getMessage().startsWith("Target NaN at row 1, column 0 is not a finite number"), e.getMessage());
    }

    @Test
    void validateRejectsTargetsOfAnotherWidth() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> loss.validateTargets(Tensor.zeros(4, 2), new int[] {1}));
        assertTrue(e.getMessage().startsWith("Binary targets of width 2 but the output layer has 1 unit."),
                e.getMessage());
    }
}
