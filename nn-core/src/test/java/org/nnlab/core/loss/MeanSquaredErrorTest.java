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

class MeanSquaredErrorTest {
    private final Loss loss = Loss.MEAN_SQUARED_ERROR;

    @Test
    void valueIsMeanOverUnitsThenOverBatch() {
        // Row 0: (1² + 0²)/2 = 0.5; row 1: (2² + 3²)/2 = 6.5; mean 3.5.
        Tensor p = Tensor.matrix(new double[][] {{1, 2}, {3, 4}});
        Tensor y = Tensor.matrix(new double[][] {{0, 2}, {1, 1}});
        assertEquals(3.5, loss.compute(p, y), 1e-15);
    }

    @Test
    void gradientIsTwiceTheErrorOverAllValues() {
        Tensor p = Tensor.matrix(new double[][] {{1, 2}, {3, 4}});
        Tensor y = Tensor.matrix(new double[][] {{0, 2}, {1, 1}});
        assertArrayEquals(new double[] {0.5, 0, 1, 1.5}, loss.gradient(p, y).data(), 1e-15);
    }

    @Test
    void gradientMatchesNumericalGradient() {
        SplittableRandom rng = new SplittableRandom(1);
        Tensor p = random(rng, 5, 3);
        Tensor y = random(rng, 5, 3);
        GradientCheck.Report report = GradientCheck.loss(loss, p, y);
        assertTrue(report.passes(GradientCheck.GOOD), report.toString());
    }

    @Test
    void refusesOneTargetPerRowForAOneUnitOutputNamingBothShapes() {
        Tensor p = Tensor.matrix(new double[][] {{1}, {3}});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> loss.compute(p, Tensor.vector(0, 1)));
        assertEquals("mean_squared_error needs targets shaped like the predictions but got targets [2] for predictions"
                + " [2, 1]. Hint: row r of the targets is the answer for row r of the batch: reshape them, e.g."
                + " y.reshape(2, 1).", e.getMessage());
        IllegalArgumentException v = assertThrows(IllegalArgumentException.class,
                () -> loss.validateTargets(Tensor.zeros(4), new int[] {1}));
        assertEquals("Targets have shape [4] but the output layer gives (None, 1), so they must be [4, 1]. Hint: the"
                + " values are all there: reshape them, e.g. y.reshape(4, 1); nnlab does not reshape targets for you,"
                + " as a wrong guess would train silently on the wrong pairs.", v.getMessage());
    }

    @Test
    void nanPredictionGivesNanLoss() {
        Tensor p = Tensor.matrix(new double[][] {{Double.NaN, 0}});
        assertTrue(Double.isNaN(loss.compute(p, Tensor.matrix(new double[][] {{0, 0}}))));
    }

    @Test
    void rejectsTargetsOfAnotherShapeNamingBoth() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> loss.compute(Tensor.zeros(4, 2), Tensor.zeros(4, 3)));
        assertEquals("mean_squared_error needs targets shaped like the predictions but got targets [4, 3] for"
                + " predictions [4, 2]. Hint: row r of the targets is the answer for row r of the batch.",
                e.getMessage());
    }

    @Test
    void validateRejectsTargetsWiderThanTheOutput() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> loss.validateTargets(Tensor.zeros(8, 3), new int[] {1}));
        assertTrue(e.getMessage().startsWith("Targets of width 3 but the output layer has 1 unit. Hint:"),
                e.getMessage());
    }

    @Test
    void validateRejectsNanTargetNamingItsRow() {
        Tensor y = Tensor.matrix(new double[][] {{0, 1}, {2, Double.NaN}});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> loss.validateTargets(y, new int[] {2}));
        assertTrue(e.getMessage().startsWith("Target NaN at row 1, column 1 is not a finite number;"
                + " mean_squared_error needs finite targets."), e.getMessage());
    }

    @Test
    void validateAcceptsMatchingTargets() {
        loss.validateTargets(Tensor.zeros(8, 2), new int[] {2});
        loss.validateTargets(Tensor.zeros(8, 1), new int[] {1});
        assertFalse(loss.fusesWith(Activation.LINEAR));
    }

    static Tensor random(SplittableRandom rng, int rows, int cols) {
        Tensor t = Tensor.zeros(rows, cols);
        for (int i = 0; i < t.size(); i++) {
            t.data()[i] = rng.nextDouble(-2, 2);
        }
        return t;
    }
}
