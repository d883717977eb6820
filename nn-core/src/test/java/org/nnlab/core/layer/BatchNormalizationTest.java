package org.nnlab.core.layer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nnlab.core.check.GradientCheck;
import org.nnlab.core.tensor.Precision;
import org.nnlab.core.tensor.Tensor;
import org.nnlab.core.testing.RandomTensors;

class BatchNormalizationTest {

    private static BatchNormalization built(int... inputShape) {
        BatchNormalization bn = new BatchNormalization("batch_normalization", BatchNormalization.DEFAULT_MOMENTUM,
                BatchNormalization.DEFAULT_EPSILON, true, true);
        bn.build(inputShape, Precision.FLOAT64, new SplittableRandom(1));
        return bn;
    }

    /** Moves γ and β away from 1 and 0 so that the check covers their role in the formulas. */
    private static void randomizeScaleAndShift(BatchNormalization bn, long seed) {
        bn.gamma().value().copyFrom(RandomTensors.uniform(seed, 0.5, 2, bn.gamma().size()));
        bn.beta().value().copyFrom(RandomTensors.uniform(seed + 1, -1, 1, bn.beta().size()));
    }

    @Test
    void hasKerasDefaultsAndWeightOrder() {
        BatchNormalization bn = built(2);
        assertEquals(0.99, bn.momentum());
        assertEquals(1e-3, bn.epsilon());
        List<Parameter> ps = bn.parameters();
        assertEquals(List.of("batch_normalization/gamma", "batch_normalization/beta",
                "batch_normalization/moving_mean", "batch_normalization/moving_variance"),
                ps.stream().map(Parameter::name).toList());
        assertEquals(List.of(true, true, false, false), ps.stream().map(Parameter::trainable).toList());
        assertArrayEquals(new double[] {1, 1}, ps.get(0).value().data(), 0);
        assertArrayEquals(new double[] {0, 0}, ps.get(1).value().data(), 0);
        assertArrayEquals(new double[] {0, 0}, ps.get(2).value().data(), 0);
        assertArrayEquals(new double[] {1, 1}, ps.get(3).value().data(), 0);
        assertEquals(8, bn.parameterCount());
    }

    @Test
    void trainingNormalizesEachFeatureWithBatchStatistics() {
        BatchNormalization bn = built(2);
        // Feature 0: mean 2, biased variance 1. Feature 1: mean 2, biased variance 4.
        Tensor y = bn.forward(Tensor.matrix(new double[][] {{1, 0}, {3, 4}}), true);
        double s0 = Math.sqrt(1 + 1e-3);
        double s1 = Math.sqrt(4 + 1e-3);
        assertArrayEquals(new double[] {-1 / s0, -2 / s1, 1 / s0, 2 / s1}, y.data(), 1e-15);
    }

    @Test
    void trainingMovesTheMovingStatisticsWithTheBiasedVariance() {
        BatchNormalization bn = built(2);
        bn.forward(Tensor.matrix(new double[][] {{1, 0}, {3, 4}}), true);
        // moving = 0.99 · moving + 0.01 · batch; the unbiased variances (2, 8) would give 1.01, 1.07.
        assertArrayEquals(new double[] {0.02, 0.02}, bn.movingMean().value().data(), 1e-15);
        assertArrayEquals(new double[] {1.0, 1.03}, bn.movingVariance().value().data(), 1e-15);
    }

    @Test
    void inferenceUsesTheMovingStatisticsAndLeavesThemAlone() {
        BatchNormalization bn = built(2);
        bn.movingMean().value().copyFrom(Tensor.vector(1, -2));
        bn.movingVariance().value().copyFrom(Tensor.vector(4, 0.25));
        bn.gamma().value().copyFrom(Tensor.vector(2, 3));
        bn.beta().value().copyFrom(Tensor.vector(0.5, -0.5));
        Tensor y = bn.forward(Tensor.matrix(new double[][] {{3, 0}}), false);
        double expected0 = 2 * (3 - 1) / Math.sqrt(4 + 1e-3) + 0.5;
        double expected1 = 3 * (0 + 2) / Math.sqrt(0.25 + 1e-3) - 0.5;
        assertArrayEquals(new double[] {expected0, expected1}, y.data(), 1e-14);
        assertArrayEquals(new double[] {1, -2}, bn.movingMean().value().data(), 0);
        assertArrayEquals(new double[] {4, 0.25}, bn.movingVariance().value().data(), 0);
    }

    @Test
    void trainingBackwardMatchesNumericalGradient() {
        BatchNormalization bn = built(3);
        randomizeScaleAndShift(bn, 2);
        GradientCheck.Report report = GradientCheck.layer(bn, RandomTensors.uniform(4, -2, 3, 6, 3), true, 5);
        assertEquals(3, report.entries().size(), report::toString);
        assertTrue(report.passes(GradientCheck.GOOD), report::toString);
    }

    @Test
    void inferenceBackwardMatchesNumericalGradientForInputAndTrainableParameters() {
        BatchNormalization bn = built(3);
        randomizeScaleAndShift(bn, 6);
        bn.movingMean().value().copyFrom(RandomTensors.uniform(7, -1, 1, 3));
        bn.movingVariance().value().copyFrom(RandomTensors.uniform(8, 0.5, 2, 3));
        GradientCheck.Report report = GradientCheck.layer(bn, RandomTensors.uniform(9, -2, 2, 4, 3), false, 10);
        // Moving statistics are constants to backprop (their grad stays 0): the check leaves them out.
        assertEquals(List.of("input", "batch_normalization/gamma", "batch_normalization/beta"),
                report.entries().stream().map(GradientCheck.Entry::name).toList());
        assertTrue(report.passes(GradientCheck.GOOD), report::toString);
        assertEquals(0.0, bn.movingMean().grad().norm());
    }

    @Test
    void higherRankInputIsNormalizedOverEveryAxisButTheLast() {
        BatchNormalization bn = built(2, 2);
        // Feature 0 sees 1, 3, 5, 7 (mean 4); feature 1 sees 0, 0, 0, 8 (mean 2).
        Tensor x = Tensor.wrap(new double[] {1, 0, 3, 0, 5, 0, 7, 8}, 2, 2, 2);
        Tensor y = bn.forward(x, true);
        assertArrayEquals(new int[] {2, 2, 2}, y.shape());
        assertArrayEquals(new double[] {0.04, 0.02}, bn.movingMean().value().data(), 1e-15);
        GradientCheck.Report report = GradientCheck.layer(bn, RandomTensors.uniform(11, -1, 1, 3, 2, 2), true, 12);
        assertTrue(report.passes(GradientCheck.GOOD), report::toString);
    }

    @Test
    void withoutCenterAndScaleOnlyTheMovingStatisticsRemain() {
        BatchNormalization bn = new BatchNormalization("bn", 0.9, 1e-5, false, false);
        bn.build(new int[] {3}, Precision.FLOAT64, new SplittableRandom(1));
        assertEquals(List.of("bn/moving_mean", "bn/moving_variance"),
                bn.parameters().stream().map(Parameter::name).toList());
        IllegalStateException e = assertThrows(IllegalStateException.class, bn::gamma);
        assertTrue(e.getMessage().contains("has no gamma"), e.getMessage());
        GradientCheck.Report report = GradientCheck.layer(bn, RandomTensors.uniform(13, -2, 2, 5, 3), true, 14);
        assertTrue(report.passes(GradientCheck.GOOD), report::toString);
    }

    @Test
    void backwardAddsIntoParameterGrads() {
        BatchNormalization bn = built(3);
        Tensor dy = RandomTensors.uniform(15, -1, 1, 4, 3);
        bn.forward(RandomTensors.uniform(16, -1, 1, 4, 3), true);
        bn.backward(dy);
        double[] gammaOnce = bn.gamma().grad().data().clone();
        double[] betaOnce = bn.beta().grad().data().clone();
        bn.backward(dy);
        for (int j = 0; j < 3; j++) {
            assertEquals(2 * gammaOnce[j], bn.gamma().grad().data()[j], 1e-12);
            assertEquals(2 * betaOnce[j], bn.beta().grad().data()[j], 1e-12);
        }
        assertFalse(bn.beta().grad().norm() == 0, "beta grad should be nonzero");
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, 1.0, -0.5, 1.5, Double.NaN})
    void rejectsMomentumOutsideZeroToOne(double momentum) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new BatchNormalization("bn", momentum, 1e-3, true, true));
        assertTrue(e.getMessage().startsWith("BatchNormalization momentum (" + momentum
                + ") must be in (0, 1). Hint:"), e.getMessage());
        assertTrue(e.getMessage().contains("Keras uses 0.99"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, -1e-3, Double.POSITIVE_INFINITY, Double.NaN})
    void rejectsEpsilonThatIsNotPositiveAndFinite(double epsilon) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new BatchNormalization("bn", 0.99, epsilon, true, true));
        assertTrue(e.getMessage().startsWith("BatchNormalization epsilon (" + epsilon + ") must be > 0"),
                e.getMessage());
    }

    @Test
    void rejectsAnEmptyBatchInTraining() {
        BatchNormalization bn = built(3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> bn.forward(Tensor.zeros(0, 3), true));
        assertTrue(e.getMessage().contains("got an empty batch [0, 3] in training"), e.getMessage());
    }

    @Test
    void backwardBeforeForwardIsRefused() {
        BatchNormalization bn = built(3);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> bn.backward(Tensor.zeros(2, 3)));
        assertTrue(e.getMessage().contains(
                "Cannot call backward on BatchNormalization layer 'batch_normalization' before forward"),
                e.getMessage());
    }

    @Test
    void forwardBeforeBuildIsRefused() {
        BatchNormalization bn = new BatchNormalization();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> bn.forward(Tensor.zeros(2, 3), true));
        assertTrue(e.getMessage().contains("before it is built"), e.getMessage());
    }
}
