package org.nnlab.core.layer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nnlab.core.check.GradientCheck;
import org.nnlab.core.tensor.Precision;
import org.nnlab.core.tensor.Tensor;

class FlattenTest {

    private static Flatten built(int... inputShape) {
        Flatten f = new Flatten("flatten");
        f.build(inputShape, Precision.FLOAT64, new SplittableRandom(1));
        return f;
    }

    @Test
    void buildReportsTheProductOfTheExampleShape() {
        assertArrayEquals(new int[] {784}, built(28, 28).outputShape());
        assertArrayEquals(new int[] {24}, built(2, 3, 4).outputShape());
        assertArrayEquals(new int[] {5}, built(5).outputShape());
        assertArrayEquals(new int[] {1}, built().outputShape());
        assertTrue(built(28, 28).parameters().isEmpty());
    }

    @Test
    void forwardFlattensEachExampleWithoutCopying() {
        Flatten f = built(2, 3);
        Tensor x = Tensor.wrap(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}, 2, 2, 3);
        Tensor y = f.forward(x, false);
        assertArrayEquals(new int[] {2, 6}, y.shape());
        assertSame(x.data(), y.data());
        assertEquals(9.0, y.get(1, 2));
    }

    @Test
    void backwardReshapesTheGradientBackWithoutCopying() {
        Flatten f = built(2, 3);
        f.forward(Tensor.zeros(4, 2, 3), true);
        Tensor dy = Tensor.filled(0.5, 4, 6);
        Tensor dx = f.backward(dy);
        assertArrayEquals(new int[] {4, 2, 3}, dx.shape());
        assertSame(dy.data(), dx.data());
    }

    @Test
    void backwardMatchesNumericalGradient() {
        Flatten f = built(3, 2);
        Tensor x = Tensor.zeros(2, 3, 2);
        SplittableRandom rng = new SplittableRandom(5);
        for (int i = 0; i < x.size(); i++) {
            x.data()[i] = rng.nextDouble(-1, 1);
        }
        GradientCheck.Report report = GradientCheck.layer(f, x, true, 6);
        assertTrue(report.passes(GradientCheck.GOOD), report::toString);
    }

    @Test
    void rejectsInputOfAnotherShape() {
        Flatten f = built(28, 28);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> f.forward(Tensor.zeros(2, 784), false));
        assertTrue(e.getMessage().contains("expects input of shape (None, 28, 28) but got [2, 784]"), e.getMessage());
    }

    @Test
    void rejectsGradientOfAnotherShape() {
        Flatten f = built(2, 3);
        f.forward(Tensor.zeros(4, 2, 3), true);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> f.backward(Tensor.zeros(4, 5)));
        assertTrue(e.getMessage().contains("expects a gradient of shape (None, 6) but got [4, 5]"), e.getMessage());
    }

    @Test
    void backwardBeforeForwardIsRefused() {
        Flatten f = built(2, 3);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> f.backward(Tensor.zeros(1, 6)));
        assertTrue(e.getMessage().contains("Cannot call backward on Flatten layer 'flatten' before forward"),
                e.getMessage());
    }

    @Test
    void forwardBeforeBuildIsRefused() {
        Flatten f = new Flatten();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> f.forward(Tensor.zeros(1, 2, 3), false));
        assertTrue(e.getMessage().contains("before it is built"), e.getMessage());
    }
}
