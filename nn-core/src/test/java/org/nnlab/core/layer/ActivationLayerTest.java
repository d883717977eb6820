package org.nnlab.core.layer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nnlab.core.check.GradientCheck;
import org.nnlab.core.tensor.Precision;
import org.nnlab.core.tensor.Tensor;

class ActivationLayerTest {

    private static ActivationLayer built(Activation a, int... inputShape) {
        ActivationLayer layer = new ActivationLayer("act", a);
        layer.build(inputShape, Precision.FLOAT64, new SplittableRandom(1));
        return layer;
    }

    private static Tensor random(long seed, int... shape) {
        Tensor t = Tensor.zeros(shape);
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = 0; i < t.size(); i++) {
            t.data()[i] = rng.nextDouble(-2, 2);
        }
        return t;
    }

    @Test
    void forwardAppliesElementwiseFunctions() {
        Tensor x = Tensor.matrix(new double[][] {{-1, 0, 2}});
        assertArrayEquals(new double[] {0, 0, 2}, built(Activation.RELU, 3).forward(x, false).data(), 1e-15);
        assertArrayEquals(new double[] {1 / (1 + Math.E), 0.5, 1 / (1 + Math.exp(-2))},
                built(Activation.SIGMOID, 3).forward(x, false).data(), 1e-15);
        assertArrayEquals(new double[] {Math.tanh(-1), 0, Math.tanh(2)},
                built(Activation.TANH, 3).forward(x, false).data(), 1e-15);
        assertArrayEquals(new double[] {-1, 0, 2}, built(Activation.LINEAR, 3).forward(x, false).data(), 0);
        assertArrayEquals(new double[] {0, 0, 1}, built(Activation.STEP, 3).forward(x, false).data(), 0);
    }

    @Test
    void softmaxNormalizesOverTheLastAxisOfAnyRank() {
        // One example of shape (2, 2): rows [0, ln 3] and [1, 1].
        Tensor x = Tensor.wrap(new double[] {0, Math.log(3), 1, 1}, 1, 2, 2);
        Tensor y = built(Activation.SOFTMAX, 2, 2).forward(x, false);
        assertArrayEquals(new int[] {1, 2, 2}, y.shape());
        assertArrayEquals(new double[] {0.25, 0.75, 0.5, 0.5}, y.data(), 1e-15);
    }

    @ParameterizedTest
    @EnumSource(value = Activation.class, names = "STEP", mode = EnumSource.Mode.EXCLUDE)
    void backwardMatchesNumericalGradient(Activation activation) {
        ActivationLayer layer = built(activation, 3, 4);
        Tensor x = random(2, 2, 3, 4);
        for (double v : x.data()) {
            assertTrue(Math.abs(v) > 1e-3, "an input is too close to ReLU's kink for a 1e-7 check");
        }
        GradientCheck.Report report = GradientCheck.layer(layer, x, true, 3);
        assertTrue(report.passes(GradientCheck.GOOD), report::toString);
    }

    @Test
    void backwardFromPreActivationPassesTheGradientThrough() {
        ActivationLayer layer = built(Activation.SOFTMAX, 4);
        layer.forward(random(4, 2, 4), true);
        Tensor dz = random(5, 2, 4);
        assertSame(dz, layer.backwardFromPreActivation(dz, true));
        assertNull(layer.backwardFromPreActivation(dz, false));
        assertEquals(Activation.SOFTMAX, layer.activation());
    }

    @Test
    void stepRunsForwardButRefusesBackpropagation() {
        ActivationLayer layer = built(Activation.STEP, 2);
        layer.forward(Tensor.matrix(new double[][] {{-1, 1}}), true);
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> layer.backward(Tensor.zeros(1, 2)));
        assertTrue(e.getMessage().startsWith("Cannot backpropagate through the STEP activation"), e.getMessage());
        assertTrue(e.getMessage().contains("org.nnlab.core.train.PerceptronRule"), e.getMessage());
    }

    @Test
    void isNamedLikeKerasActivationLayer() {
        ActivationLayer layer = built(Activation.RELU, 3);
        assertEquals("Activation", layer.typeName());
        assertArrayEquals(new int[] {3}, layer.outputShape());
        assertTrue(layer.parameters().isEmpty());
    }

    @Test
    void backwardBeforeForwardIsRefused() {
        ActivationLayer layer = built(Activation.RELU, 3);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> layer.backward(Tensor.zeros(1, 3)));
        assertTrue(e.getMessage().contains("Cannot call backward on Activation layer 'act' before forward"),
                e.getMessage());
    }

    @Test
    void rejectsGradientOfAnotherShape() {
        ActivationLayer layer = built(Activation.TANH, 3);
        layer.forward(Tensor.zeros(2, 3), true);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> layer.backward(Tensor.zeros(2, 4)));
        assertTrue(e.getMessage().contains("shaped like its output [2, 3] but got [2, 4]"), e.getMessage());
    }

    @Test
    void forwardBeforeBuildIsRefused() {
        ActivationLayer layer = new ActivationLayer(Activation.RELU);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> layer.forward(Tensor.zeros(1, 3), false));
        assertTrue(e.getMessage().contains("before it is built"), e.getMessage());
    }
}
