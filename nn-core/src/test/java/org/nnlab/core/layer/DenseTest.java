package org.nnlab.core.layer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nnlab.core.check.GradientCheck;
import org.nnlab.core.init.Initializer;
import org.nnlab.core.tensor.Precision;
import org.nnlab.core.tensor.Tensor;

class DenseTest {

    private static Dense built(int in, int units, Activation activation, boolean useBias) {
        Dense d = new Dense("dense", units, activation, useBias, Initializer.GLOROT_UNIFORM,
                new Initializer.Constant(0.1));
        d.build(new int[] {in}, Precision.FLOAT64, new SplittableRandom(1));
        return d;
    }

    private static Tensor random(long seed, int... shape) {
        Tensor t = Tensor.zeros(shape);
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = 0; i < t.size(); i++) {
            t.data()[i] = rng.nextDouble(-2, 2);
        }
        return t;
    }

    /** min |x·W + b| over the batch, computed from the layer's public parameters. */
    private static double minAbsPreActivation(Dense d, Tensor x) {
        int in = x.dim(1);
        int units = d.units();
        double[] w = d.kernel().value().data();
        double min = Double.POSITIVE_INFINITY;
        for (int r = 0; r < x.rows(); r++) {
            for (int j = 0; j < units; j++) {
                double z = d.useBias() ? d.bias().value().data()[j] : 0;
                for (int i = 0; i < in; i++) {
                    z += x.get(r, i) * w[i * units + j];
                }
                min = Math.min(min, Math.abs(z));
            }
        }
        return min;
    }

    static List<Arguments> smoothActivationsWithAndWithoutBias() {
        List<Arguments> cases = new ArrayList<>();
        for (Activation a : Activation.values()) {
            if (a != Activation.STEP) {
                cases.add(Arguments.of(a, true));
                cases.add(Arguments.of(a, false));
            }
        }
        return cases;
    }

    @Test
    void forwardComputesActivationOfAffineMap() {
        Dense d = built(3, 2, Activation.RELU, true);
        System.arraycopy(new double[] {1, 2, 3, 4, 5, 6}, 0, d.kernel().value().data(), 0, 6);
        System.arraycopy(new double[] {0.5, -1}, 0, d.bias().value().data(), 0, 2);
        Tensor y = d.forward(Tensor.matrix(new double[][] {{1, 0, -1}, {2, 1, 0}}), false);
        // x·W + b = [[-4 + 0.5, -4 - 1], [5 + 0.5, 8 - 1]], then max(0, ·)
        assertArrayEquals(new int[] {2, 2}, y.shape());
        assertArrayEquals(new double[] {0, 0, 5.5, 7}, y.data(), 1e-12);
    }

    @ParameterizedTest(name = "{0}, bias {1}")
    @MethodSource("smoothActivationsWithAndWithoutBias")
    void backwardMatchesNumericalGradient(Activation activation, boolean useBias) {
        Dense d = built(3, 4, activation, useBias);
        Tensor x = random(2, 5, 3);
        // Central differences across ReLU's kink would be wrong by design; these inputs stay clear of it.
        assertTrue(minAbsPreActivation(d, x) > 1e-3, "a pre-activation is too close to 0 for a 1e-7 check");
        GradientCheck.Report report = GradientCheck.layer(d, x, true, 3);
        assertEquals(useBias ? 3 : 2, report.entries().size(), report::toString);
        assertTrue(report.passes(GradientCheck.GOOD), report::toString);
    }

    @Test
    void softmaxBackwardFromPreActivationAgreesWithChainRuleThroughCrossEntropy() {
        Dense chain = built(3, 4, Activation.SOFTMAX, true);
        Dense fused = built(3, 4, Activation.SOFTMAX, true);
        Tensor x = random(4, 5, 3);
        double[] targets = new double[5 * 4];
        for (int r = 0; r < 5; r++) {
            targets[r * 4 + r % 4] = 1; // one-hot
        }
        int n = 5;

        // Chain rule: L = −(1/N) Σ t·log p, so ∂L/∂p = −t / (N·p), then through softmax's Jacobian.
        double[] p = chain.forward(x, true).data().clone();
        Tensor dp = Tensor.zeros(5, 4);
        for (int i = 0; i < p.length; i++) {
            dp.data()[i] = -targets[i] / (n * p[i]);
        }
        Tensor dxChain = chain.backward(dp).copy();

        // Fused: ∂L/∂z = (p − t) / N.
        fused.forward(x, true);
        Tensor dz = Tensor.zeros(5, 4);
        for (int i = 0; i < p.length; i++) {
            dz.data()[i] = (p[i] - targets[i]) / n;
        }
        Tensor dxFused = fused.backwardFromPreActivation(dz, true);

        assertArrayEquals(dxChain.data(), dxFused.data(), 1e-12);
        assertArrayEquals(chain.kernel().grad().data(), fused.kernel().grad().data(), 1e-12);
        assertArrayEquals(chain.bias().grad().data(), fused.bias().grad().data(), 1e-12);
    }

    @Test
    void backwardFromPreActivationSkipsInputGradientWhenNotNeeded() {
        Dense d = built(3, 2, Activation.SOFTMAX, true);
        d.forward(random(5, 2, 3), true);
        assertNull(d.backwardFromPreActivation(random(6, 2, 2), false));
        assertTrue(d.kernel().grad().norm() > 0, "kernel grad should still be accumulated");
    }

    @Test
    void backwardFromPreActivationRejectsGradientOfAnotherShape() {
        Dense d = built(3, 2, Activation.SOFTMAX, true);
        d.forward(random(5, 4, 3), true);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> d.backwardFromPreActivation(Tensor.zeros(4, 3), true));
        assertEquals("Dense layer 'dense' backward expects a gradient shaped like its output [4, 2] but got [4, 3]."
                + " Hint: the gradient must have the shape of the layer's last output.", e.getMessage());
    }

    @Test
    void backwardAddsIntoParameterGrads() {
        Dense d = built(3, 2, Activation.TANH, true);
        Tensor x = random(7, 4, 3);
        Tensor dy = random(8, 4, 2);
        d.forward(x, true);
        d.backward(dy);
        double[] once = d.kernel().grad().data().clone();
        double[] onceBias = d.bias().grad().data().clone();
        d.backward(dy);
        for (int i = 0; i < once.length; i++) {
            assertEquals(2 * once[i], d.kernel().grad().data()[i], 1e-12);
        }
        for (int i = 0; i < onceBias.length; i++) {
            assertEquals(2 * onceBias[i], d.bias().grad().data()[i], 1e-12);
        }
    }

    @Test
    void parametersAreKernelThenBiasNamedAfterTheLayer() {
        Dense d = built(3, 2, Activation.LINEAR, true);
        List<Parameter> ps = d.parameters();
        assertEquals("dense/kernel", ps.get(0).name());
        assertArrayEquals(new int[] {3, 2}, ps.get(0).value().shape());
        assertEquals("dense/bias", ps.get(1).name());
        assertEquals(8, d.parameterCount());
    }

    @Test
    void backwardBeforeForwardIsRefused() {
        Dense d = built(3, 2, Activation.LINEAR, true);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> d.backward(Tensor.zeros(1, 2)));
        assertTrue(e.getMessage().contains("Cannot call backward on Dense layer 'dense' before forward"),
                e.getMessage());
    }

    @Test
    void forwardBeforeBuildIsRefused() {
        Dense d = new Dense(2, Activation.LINEAR);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> d.forward(Tensor.zeros(1, 3), false));
        assertTrue(e.getMessage().contains("before it is built"), e.getMessage());
    }

    @Test
    void rejectsInputOfWrongWidth() {
        Dense d = built(3, 2, Activation.LINEAR, true);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> d.forward(Tensor.zeros(4, 5), false));
        assertTrue(e.getMessage().contains("expects input of shape (None, 3) but got [4, 5]"), e.getMessage());
    }

    @Test
    void rejectsImageShapeAtBuildWithFlattenHint() {
        Dense d = new Dense("dense", 10, Activation.SOFTMAX, true, Initializer.GLOROT_UNIFORM, Initializer.ZEROS);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> d.build(new int[] {28, 28}, Precision.FLOAT64, new SplittableRandom(1)));
        assertTrue(e.getMessage().contains("(None, 28, 28)"), e.getMessage());
        assertTrue(e.getMessage().contains("Did you forget a Flatten layer"), e.getMessage());
    }

    @Test
    void rejectsImageBatchAtForwardWithFlattenHint() {
        Dense d = built(784, 2, Activation.LINEAR, true);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> d.forward(Tensor.zeros(2, 28, 28), false));
        assertTrue(e.getMessage().contains("expects input of shape (None, 784) but got [2, 28, 28]"), e.getMessage());
        assertTrue(e.getMessage().contains("did you forget a Flatten layer"), e.getMessage());
    }

    @Test
    void rejectsNonPositiveUnits() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Dense("hidden", 0, Activation.RELU, true, Initializer.GLOROT_UNIFORM, Initializer.ZEROS));
        assertEquals("Dense units (0) must be > 0. Hint: units is the number of neurons, e.g. 100 for a hidden layer or"
                + " 10 for ten classes.", e.getMessage());
    }
}
