package org.nnlab.core.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nnlab.core.check.GradientCheck;
import org.nnlab.core.tensor.Tensor;

class MeanAbsoluteErrorTest {
    private final Loss loss = Loss.MEAN_ABSOLUTE_ERROR;

    @Test
    void valueIsMeanOfAbsoluteErrors() {
        // Row 0: (1 + 2)/2 = 1.5; row 1: (0.5 + 0)/2 = 0.25; mean 0.875.
        Tensor p = Tensor.matrix(new double[][] {{1, -2}, {0.5, 3}});
        Tensor y = Tensor.matrix(new double[][] {{0, 0}, {0, 3}});
        assertEquals(0.875, loss.compute(p, y), 1e-15);
    }

    @Test
    void gradientIsSignOverAllValuesAndZeroAtTheKink() {
        Tensor p = Tensor.matrix(new double[][] {{1, -2}, {0.5, 3}});
        Tensor y = Tensor.matrix(new double[][] {{0, 0}, {0, 3}});
        assertArrayEquals(new double[] {0.25, -0.25, 0.25, 0.0}, loss.gradient(p, y).data(), 0.0);
    }

    @Test
    void gradientMatchesNumericalGradientAwayFromZeroError() {
        SplittableRandom rng = new SplittableRandom(2);
        Tensor y = MeanSquaredErrorTest.random(rng, 6, 4);
        Tensor p = Tensor.zeros(6, 4);
        for (int i = 0; i < p.size(); i++) {
            // at least 0.1 away from the target, on either side
            double offset = rng.nextDouble(0.1, 1.0) * (rng.nextBoolean() ? 1 : -1);
            p.data()[i] = y.data()[i] + offset;
        }
        GradientCheck.Report report = GradientCheck.loss(loss, p, y);
        assertTrue(report.passes(GradientCheck.GOOD), report.toString());
    }

    @Test
    void validateRejectsInfiniteTarget() {
        Tensor y = Tensor.matrix(new double[][] {{0}, {Double.POSITIVE_INFINITY}});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> loss.validateTargets(y, new int[] {1}));
        assertTrue(e.getMessage().startsWith("Target Infinity at row 1, column 0 is not a finite number"),
                e.getMessage());
    }

    @Test
    void validateRejectsTargetsNarrowerThanTheOutput() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> loss.validateTargets(Tensor.zeros(8), new int[] {3}));
        assertTrue(e.getMessage().startsWith("Targets of width 1 but the output layer has 3 units."), e.getMessage());
    }
}
