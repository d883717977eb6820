package org.nnlab.core.check;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.nnlab.core.layer.Activation;
import org.nnlab.core.layer.ActivationLayer;
import org.nnlab.core.layer.BatchNormalization;
import org.nnlab.core.layer.Dense;
import org.nnlab.core.layer.Layer;
import org.nnlab.core.layer.Parameter;
import org.nnlab.core.loss.Loss;
import org.nnlab.core.tensor.Precision;
import org.nnlab.core.tensor.Tensor;

class GradientCheckTest {
    private static final Tensor X = Tensor.matrix(new double[][] {{0.5, -1.2, 2.0}, {1.5, 0.3, -0.7}});

    @Test
    void passesACorrectLayer() {
        GradientCheck.Report report = GradientCheck.layer(new Scale(1.0, 1.0), X.copy(), true, 1);
        assertTrue(report.passes(GradientCheck.GOOD), report.toString());
        assertEquals(2, report.entries().size());
    }

    @Test
    void checksAFloat32LayerThroughItsFloat64CopyAndLeavesTheLayerAsItWas() {
        Dense dense = new Dense(Dense.Config.of(4, Activation.TANH).named("hidden"));
        dense.build(new int[] {3}, Precision.FLOAT32, new java.util.SplittableRandom(3));
        Tensor kernelBefore = dense.kernel().value().copy();
        GradientCheck.Report report = GradientCheck.layer(dense, X.to(Precision.FLOAT32), true, 1);
        // In float32 a step of 1e-5 would leave errors near 1e-3; the float64 copy is checked to double's accuracy.
        assertTrue(report.passes(GradientCheck.GOOD), report.toString());
        assertEquals(List.of("input", "hidden/kernel", "hidden/bias"),
                report.entries().stream().map(GradientCheck.Entry::name).toList());
        assertEquals(kernelBefore, dense.kernel().value(), "the float32 layer's weights are untouched");
        assertEquals(Precision.FLOAT32, dense.kernel().value().precision());
    }

    @Test
    void refusesAFloat32LayerWithoutAConfigToCopy() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GradientCheck.layer(new Scale(1.0, 1.0, Precision.FLOAT32), X.copy(), true, 1));
        assertEquals("GradientCheck checks in float64, and Scale computes in float32 with no config() to copy it"
                + " from. Hint: build the layer in Precision.FLOAT64 to check it, or give it a LayerConfig.", e.getMessage());
    }

    @Test
    void failsALayerWithAWrongParameterGradient() {
        GradientCheck.Report report = GradientCheck.layer(new Scale(2.0, 1.0), X.copy(), true, 1);
        assertFalse(report.passes(GradientCheck.ACCEPTABLE_NEAR_KINKS), report.toString());
        assertTrue(report.entries().get(0).maxRelativeError() < GradientCheck.GOOD, "the input gradient is right");
        GradientCheck.Entry scale = report.entries().get(1);
        assertEquals("scale/w", scale.name());
        // analytic 2n against numerical n: |2n − n| / 3n = 1/3
        assertEquals(1.0 / 3, scale.maxRelativeError(), 1e-6);
    }

    @Test
    void failsALayerWithAWrongInputGradient() {
        GradientCheck.Report report = GradientCheck.layer(new Scale(1.0, -1.0), X.copy(), true, 1);
        assertEquals(1.0, report.entries().get(0).maxRelativeError(), 1e-9);
        assertFalse(report.passes(GradientCheck.ACCEPTABLE_NEAR_KINKS));
    }

    @Test
    void failsALossMissingAFactorOfTwo() {
        Tensor p = X.copy();
        GradientCheck.Report report = check(new SumOfSquares(1.0), p, Tensor.zeros(2, 3));
        assertEquals(1.0 / 3, report.maxRelativeError(), 1e-6);
        assertFalse(report.passes(GradientCheck.ACCEPTABLE_NEAR_KINKS));
        assertTrue(check(new SumOfSquares(2.0), p, Tensor.zeros(2, 3)).passes(GradientCheck.GOOD));
    }

    @Test
    void failsANanGradient() {
        GradientCheck.Report report = check(new SumOfSquares(Double.NaN), X.copy(), Tensor.zeros(2, 3));
        assertEquals(Double.POSITIVE_INFINITY, report.maxRelativeError());
        assertFalse(report.passes(GradientCheck.ACCEPTABLE_NEAR_KINKS));
    }

    @Test
    void restoresThePerturbedValues() {
        Tensor p = X.copy();
        check(new SumOfSquares(2.0), p, Tensor.zeros(2, 3));
        assertArrayEquals(X.data(), p.data(), 0.0);
    }

    @Test
    void fusedChecksAgainstTheLossFromTheLogitsSoASaturatedOutputPasses() {
        // p(class 0) = e^−30 ≈ 1e-13 and σ(20) ≈ 1 − 2e-9 lie beyond the clip at ε = 1e-7: the loss of
        // the clipped probabilities is flat there, while training applies p − y and reports the loss
        // from the logits.
        Tensor z = Tensor.matrix(new double[][] {{-20, 10, 0}, {0.5, -1, 2}});
        Tensor y = Tensor.matrix(new double[][] {{1, 0, 0}, {0, 0, 1}});
        GradientCheck.Report softmax = GradientCheck.fused(Loss.CATEGORICAL_CROSSENTROPY, Activation.SOFTMAX, z, y);
        assertTrue(softmax.passes(GradientCheck.GOOD), softmax::toString);
        GradientCheck.Report labels = GradientCheck.fused(Loss.SPARSE_CATEGORICAL_CROSSENTROPY, Activation.SOFTMAX, z,
                Tensor.vector(0, 2));
        assertTrue(labels.passes(GradientCheck.GOOD), labels::toString);
        Tensor logit = Tensor.matrix(new double[][] {{20}, {-0.3}});
        GradientCheck.Report sigmoid = GradientCheck.fused(Loss.BINARY_CROSSENTROPY, Activation.SIGMOID, logit,
                Tensor.matrix(new double[][] {{0}, {1}}));
        assertTrue(sigmoid.passes(GradientCheck.GOOD), sigmoid::toString);
        // Checked against the loss of the clipped probabilities, the same right gradient fails.
        Loss cce = Loss.CATEGORICAL_CROSSENTROPY;
        GradientCheck.Entry clipped = GradientCheck.compare("clipped", z.data(),
                cce.fusedGradient(softmaxOf(z), y).data(), () -> cce.compute(softmaxOf(z), y));
        assertFalse(clipped.passes(GradientCheck.Tolerance.PYTORCH), clipped::toString);
    }

    @Test
    void fusedRefusesALossThatDoesNotFuseWithTheActivation() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GradientCheck.fused(
                Loss.BINARY_CROSSENTROPY, Activation.SOFTMAX, X.copy(), Tensor.zeros(2, 3)));
        assertEquals("binary_crossentropy has no fused gradient after a softmax output. Hint: check it with"
                + " GradientCheck.loss, or fuse softmax with a categorical cross-entropy and sigmoid with binary"
                + " cross-entropy.", e.getMessage());
    }

    @Test
    void leavesMovingStatisticsAndGradientsAsItFoundThemAfterATrainingModeCheck() {
        BatchNormalization bn = batchNorm(3);
        bn.movingVariance().grad().data()[0] = 0.25;
        double[] mean = bn.movingMean().value().data().clone();
        double[] variance = bn.movingVariance().value().data().clone();
        double[] gammaGrad = bn.gamma().grad().data().clone();
        GradientCheck.Report report = GradientCheck.layer(bn, random(4, 6, 3), true, 5);
        assertTrue(report.passes(GradientCheck.GOOD), report::toString);
        // Each probe is a training forward pass, which moves the moving statistics; the check puts them back.
        assertArrayEquals(mean, bn.movingMean().value().data(), 0.0);
        assertArrayEquals(variance, bn.movingVariance().value().data(), 0.0);
        assertArrayEquals(gammaGrad, bn.gamma().grad().data(), 0.0);
        assertEquals(0.25, bn.movingVariance().grad().data()[0]);
    }

    @Test
    void checksTrainableParametersOnlySoACorrectInferenceBatchNormPasses() {
        BatchNormalization bn = batchNorm(3);
        double[] mv = bn.movingVariance().value().data();
        mv[0] = 0.5;
        mv[1] = 2.0;
        bn.movingMean().value().data()[2] = 0.7;
        // In inference the output depends on the moving statistics, but no layer differentiates them.
        GradientCheck.Report report = GradientCheck.layer(bn, random(9, 4, 3), false, 10);
        assertEquals(List.of("input", "bn/gamma", "bn/beta"), report.entries().stream().map(GradientCheck.Entry::name).toList());
        assertTrue(report.passes(GradientCheck.GOOD), report::toString);
    }

    @Test
    void passesAnExactZeroGradientWhoseNumericalEstimateIsRoundOff() {
        // Σ BN(x) over a training batch is N·Σβ whatever x is: ∂/∂x is exactly 0, the central
        // difference is round-off of order 1e-11 (a relative error of 5.6e-3 against 0).
        BatchNormalization bn = batchNorm(3);
        Tensor x = random(1, 6, 3);
        bn.forward(x, true);
        Tensor analytic = bn.backward(Tensor.filled(1.0, 6, 3)).copy();
        GradientCheck.Entry e = GradientCheck.compare("input", x.data(), analytic.data(), () -> {
            double s = 0;
            for (double v : bn.forward(x, true).data()) {
                s += v;
            }
            return s;
        });
        assertTrue(Math.abs(e.numeric()) > 0 && e.maxAbsoluteError() < 1e-9, e.toString());
        assertTrue(e.passes(GradientCheck.Tolerance.DEFAULT), e.toString());
        assertTrue(new GradientCheck.Report(List.of(e)).passes(GradientCheck.GOOD), e.toString());
        assertEquals(0.0, e.maxRelativeError(), "elements within the absolute tolerance count as 0: " + e);
    }

    @Test
    void passesASaturatedSigmoidWhoseGradientIsNearlyZero() {
        ActivationLayer sigmoid = new ActivationLayer(Activation.SIGMOID);
        sigmoid.build(new int[] {3}, new SplittableRandom(1));
        Tensor x = Tensor.matrix(new double[][] {{0.5, 20, -25}, {-1, 30, 2}});
        // σ'(20) ≈ 2e-9; its central difference is off by 3e-12, a relative error of 2.9e-4.
        GradientCheck.Report report = GradientCheck.layer(sigmoid, x, true, 1);
        assertTrue(report.passes(GradientCheck.GOOD), report::toString);
    }

    @Test
    void toleranceIsPyTorchsAllcloseRuleWithTheNumericalDerivativeAsReference() {
        GradientCheck.Tolerance t = new GradientCheck.Tolerance(1e-5, 1e-3);
        assertTrue(t.accepts(1.0 + 1.01e-3, 1.0), "1e-5 + 1e-3·1 = 1.01e-3 allowed");
        assertFalse(t.accepts(1.0 + 1.02e-3, 1.0));
        assertTrue(t.accepts(1e-5, 0.0));
        assertFalse(t.accepts(1.1e-5, 0.0));
        assertFalse(t.accepts(Double.NaN, 0.0));
        assertFalse(t.accepts(0.0, Double.NaN));
        assertEquals(new GradientCheck.Tolerance(1e-5, 1e-3), GradientCheck.Tolerance.PYTORCH);
        assertEquals(new GradientCheck.Tolerance(GradientCheck.ABSOLUTE_TOLERANCE, GradientCheck.GOOD),
                GradientCheck.Tolerance.DEFAULT);
    }

    @Test
    void rejectsANegativeOrNanTolerance() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new GradientCheck.Tolerance(-1e-5, 1e-3));
        assertEquals("Gradient check tolerances must be finite and >= 0 but are absolute -1.0E-5, relative 0.001."
                + " Hint: PyTorch's defaults are 1e-5 and 1e-3.", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new GradientCheck.Tolerance(0, Double.NaN));
    }

    @Test
    void stillFailsAWrongGradientThatIsSmallButAboveTheAbsoluteTolerance() {
        // ∂L/∂w is n; an analytic value of 2n fails even when n is only of order 1e-5.
        Tensor tiny = X.copy();
        for (int i = 0; i < tiny.size(); i++) {
            tiny.data()[i] *= 1e-5;
        }
        GradientCheck.Report report = GradientCheck.layer(new Scale(2.0, 1.0), tiny, true, 1);
        assertFalse(report.passes(GradientCheck.ACCEPTABLE_NEAR_KINKS), report.toString());
    }

    @Test
    void relativeErrorIsTheCs231nFormula() {
        assertEquals(0.0, GradientCheck.relativeError(0, 0));
        assertEquals(0.0, GradientCheck.relativeError(2.5, 2.5));
        assertEquals(1.0 / 3, GradientCheck.relativeError(2, 1), 1e-15);
        assertEquals(0.1, GradientCheck.relativeError(1e-9, 0), 1e-15); // floor of 1e-8 in the denominator
    }

    @Test
    void compareRejectsGradientOfAnotherSize() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GradientCheck.compare("w", new double[3], new double[2], () -> 0.0));
        assertEquals("Gradient of w has 2 values but the checked tensor has 3", e.getMessage());
    }

    @Test
    void reportNamesTheWorstEntry() {
        GradientCheck.Report report = check(new SumOfSquares(1.0), X.copy(), Tensor.zeros(2, 3));
        assertTrue(report.toString().startsWith("Gradient check:\n  sum_of_squares/predictions: max relative error"),
                report.toString());
    }

    /** What {@link GradientCheck#loss} checks, for a loss that no nnlab loss can be: a wrong one (Loss is sealed). */
    private static GradientCheck.Report check(SumOfSquares loss, Tensor predictions, Tensor targets) {
        return new GradientCheck.Report(List.of(GradientCheck.compare(loss.kerasName() + "/predictions",
                predictions.data(), loss.gradient(predictions, targets).data(), () -> loss.compute(predictions, targets))));
    }

    private static Tensor softmaxOf(Tensor z) {
        Tensor p = Tensor.zeros(z.shape());
        Activation.SOFTMAX.apply(z.data(), p.data(), z.rows(), z.rowSize());
        return p;
    }

    private static BatchNormalization batchNorm(int features) {
        BatchNormalization bn = new BatchNormalization("bn", 0.9, 1e-3, true, true);
        bn.build(new int[] {features}, Precision.FLOAT64, new SplittableRandom(2));
        SplittableRandom rng = new SplittableRandom(3);
        for (Parameter p : List.of(bn.gamma(), bn.beta())) {
            for (int i = 0; i < features; i++) {
                p.value().data()[i] = rng.nextDouble(0.5, 1.5);
            }
        }
        return bn;
    }

    private static Tensor random(long seed, int rows, int cols) {
        SplittableRandom rng = new SplittableRandom(seed);
        Tensor t = Tensor.zeros(rows, cols);
        for (int i = 0; i < t.size(); i++) {
            t.data()[i] = rng.nextDouble(-2, 2);
        }
        return t;
    }

    /** L = Σ (p − y)² with a gradient of {@code factor}·(p − y): right only for factor 2. */
    private record SumOfSquares(double factor) {
        String kerasName() {
            return "sum_of_squares";
        }

        double compute(Tensor predictions, Tensor targets) {
            double s = 0;
            for (int i = 0; i < predictions.size(); i++) {
                double d = predictions.get(i) - targets.get(i);
                s += d * d;
            }
            return s;
        }

        Tensor gradient(Tensor predictions, Tensor targets) {
            Tensor g = Tensor.zeros(predictions.shape());
            for (int i = 0; i < g.size(); i++) {
                g.data()[i] = factor * (predictions.get(i) - targets.get(i));
            }
            return g;
        }
    }

    /**
     * y = x ⊙ w per row; backward scales the true dL/dw by {@code weightFactor} and dL/dx by
     * {@code inputFactor}, so any factor but 1 is a deliberately wrong derivative.
     */
    private static final class Scale implements Layer {
        private final double weightFactor;
        private final double inputFactor;
        private final Precision precision;
        private final Parameter w = new Parameter("scale/w", Tensor.vector(0.7, -1.1, 0.4), true);
        private Tensor input;

        Scale(double weightFactor, double inputFactor) {
            this(weightFactor, inputFactor, Precision.FLOAT64);
        }

        /** A Scale that claims {@code precision} (its maths stays double). */
        Scale(double weightFactor, double inputFactor, Precision precision) {
            this.weightFactor = weightFactor;
            this.inputFactor = inputFactor;
            this.precision = precision;
        }

        @Override
        public String toString() {
            return "Scale";
        }

        @Override
        public String name() {
            return "scale";
        }

        @Override
        public void setName(String name) {
        }

        @Override
        public String typeName() {
            return "Scale";
        }

        @Override
        public int[] build(int[] inputShape, Precision precision, RandomGenerator rng) {
            return inputShape;
        }

        @Override
        public Precision precision() {
            return precision;
        }

        @Override
        public boolean isBuilt() {
            return true;
        }

        @Override
        public int[] outputShape() {
            return new int[] {3};
        }

        @Override
        public Tensor forward(Tensor x, boolean training) {
            // x:(batch,3) w:(3) → y:(batch,3);  y = x ⊙ w
            input = x;
            Tensor y = Tensor.zeros(x.shape());
            for (int i = 0; i < x.size(); i++) {
                y.data()[i] = x.get(i) * w.value().get(i % 3);
            }
            return y;
        }

        @Override
        public Tensor backward(Tensor dy) {
            // dy:(batch,3) → dx:(batch,3);  dw += Σ_b dy ⊙ x, dx = dy ⊙ w
            Tensor dx = Tensor.zeros(dy.shape());
            for (int i = 0; i < dy.size(); i++) {
                w.grad().data()[i % 3] += weightFactor * dy.get(i) * input.get(i);
                dx.data()[i] = inputFactor * dy.get(i) * w.value().get(i % 3);
            }
            return dx;
        }

        @Override
        public List<Parameter> parameters() {
            return List.of(w);
        }
    }
}
