package org.nnlab.core.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.nnlab.core.check.GradientCheck;
import org.nnlab.core.layer.Activation;
import org.nnlab.core.tensor.Tensor;

/** The loss on logits, as tf.keras reports it after a softmax or sigmoid output (issue 14). */
class LossFromLogitsTest {
    private static final Tensor LABELS = Tensor.vector(3, 0, 1, 1, 2);

    @Test
    void equalsTheLossOnProbabilitiesAwayFromTheClip() {
        Tensor z = MeanSquaredErrorTest.random(new SplittableRandom(3), 5, 4);
        Tensor oneHot = oneHot(LABELS, 4);
        Loss sparse = Loss.SPARSE_CATEGORICAL_CROSSENTROPY;
        Loss categorical = Loss.CATEGORICAL_CROSSENTROPY;
        assertEquals(sparse.compute(softmax(z), LABELS), sparse.computeFromLogits(z, LABELS), 1e-12);
        assertEquals(categorical.compute(softmax(z), oneHot), categorical.computeFromLogits(z, oneHot), 1e-12);
        Tensor binary = Tensor.matrix(new double[][] {{1, 0}, {0, 0}, {1, 1}, {0, 1}, {1, 0}});
        Loss bce = Loss.BINARY_CROSSENTROPY;
        Tensor z2 = MeanSquaredErrorTest.random(new SplittableRandom(4), 5, 2);
        assertEquals(bce.compute(sigmoid(z2), binary), bce.computeFromLogits(z2, binary), 1e-12);
    }

    @Test
    void isNotCappedAtSaturatedOutputs() {
        // The true class's logit is 40 below another: p underflows past ε, so the loss on probabilities
        // stops at −log ε ≈ 16.118 while the loss on logits is the full 40.
        Tensor z = Tensor.matrix(new double[][] {{0, 40, 0}});
        Tensor label = Tensor.vector(0);
        Loss sparse = Loss.SPARSE_CATEGORICAL_CROSSENTROPY;
        assertEquals(-Math.log(Loss.EPSILON), sparse.compute(softmax(z), label), 1e-6);
        assertEquals(40 + Math.log(1 + 2 * Math.exp(-40)), sparse.computeFromLogits(z, label), 1e-12);
        assertEquals(40, Loss.CATEGORICAL_CROSSENTROPY.computeFromLogits(z, oneHot(label, 3)), 1e-12);
        Tensor y = Tensor.matrix(new double[][] {{1}});
        Tensor zb = Tensor.matrix(new double[][] {{-40}});
        assertEquals(-Math.log(Loss.EPSILON), Loss.BINARY_CROSSENTROPY.compute(sigmoid(zb), y), 1e-6);
        assertEquals(40 + Math.log1p(Math.exp(-40)), Loss.BINARY_CROSSENTROPY.computeFromLogits(zb, y), 1e-12);
    }

    @Test
    void theFusedGradientIsTheDerivativeOfTheLossOnLogits() {
        Tensor z = MeanSquaredErrorTest.random(new SplittableRandom(5), 5, 4);
        assertFusedGradientIsDerivative(Loss.SPARSE_CATEGORICAL_CROSSENTROPY, z, LABELS, LossFromLogitsTest::softmax);
        assertFusedGradientIsDerivative(Loss.CATEGORICAL_CROSSENTROPY, z, oneHot(LABELS, 4), LossFromLogitsTest::softmax);
        Tensor binary = Tensor.matrix(new double[][] {{1, 0, 0.3, 1}, {0, 0, 1, 1}, {1, 1, 0, 0}, {0, 1, 1, 0},
                {1, 0, 0, 1}});
        assertFusedGradientIsDerivative(Loss.BINARY_CROSSENTROPY, z, binary, LossFromLogitsTest::sigmoid);
    }

    @Test
    void regressionLossesHaveNoFormOnLogits() {
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> Loss.MEAN_SQUARED_ERROR.computeFromLogits(Tensor.zeros(2, 1), Tensor.zeros(2, 1)));
        assertEquals("mean_squared_error has no form on logits", e.getMessage());
    }

    private static void assertFusedGradientIsDerivative(Loss loss, Tensor z, Tensor y, UnaryOperator<Tensor> f) {
        Tensor analytic = loss.fusedGradient(f.apply(z), y);
        GradientCheck.Entry entry = GradientCheck.compare(loss.kerasName(), z.data(), analytic.data(),
                () -> loss.computeFromLogits(z, y));
        assertTrue(entry.maxRelativeError() < GradientCheck.GOOD, entry.toString());
    }

    static Tensor softmax(Tensor z) {
        Tensor p = Tensor.zeros(z.shape());
        Activation.SOFTMAX.apply(z.data(), p.data(), z.rows(), z.rowSize());
        return p;
    }

    static Tensor sigmoid(Tensor z) {
        Tensor p = Tensor.zeros(z.shape());
        Activation.SIGMOID.apply(z.data(), p.data(), z.rows(), z.rowSize());
        return p;
    }

    private static Tensor oneHot(Tensor labels, int classes) {
        Tensor t = Tensor.zeros(labels.rows(), classes);
        for (int r = 0; r < labels.rows(); r++) {
            t.set(r, (int) labels.get(r), 1.0);
        }
        return t;
    }
}
