package org.nnlab.exercises.vanishing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.nnlab.core.layer.Activation;
import org.nnlab.exercise.Graded;
import org.nnlab.exercise.Visibility;

/** Graded tests of the vanishing-gradients exercise; thresholds hold with wide margins for any seed tried. */
class VanishingGradientsTest {

    @Test
    @Graded(points = 2, name = "σ'(x) ≤ 1/4, reached at 0")
    void sigmoidDerivativeIsAtMostAQuarter() {
        double max = VanishingGradients.maxSigmoidDerivative(2001);
        assertTrue(max <= 0.25 + 1e-15, "σ'(z) = σ(1 − σ) can never exceed 1/4 but the maximum found was " + max);
        assertEquals(0.25, max, 1e-9, "the grid includes z = 0, where σ' = 1/4");
    }

    @Test
    @Graded(points = 1, name = "one norm per Dense layer")
    void oneNormPerDenseLayer() {
        double[] norms = VanishingGradients.layerGradientNorms(Activation.SIGMOID, true, 1);
        assertEquals(VanishingGradients.DEPTH + 1, norms.length, "one mean norm per Dense layer (hidden and output),"
                + " batch normalization layers left out; got " + Arrays.toString(norms));
        for (double n : norms) {
            assertTrue(n > 0 && Double.isFinite(n), "every norm is a positive number; got " + Arrays.toString(norms));
        }
    }

    @Test
    @Graded(points = 2, name = "deep sigmoid: the gradient vanishes")
    void sigmoidGradientVanishes() {
        double ratio = VanishingGradients.firstToLastRatio(VanishingGradients.layerGradientNorms(Activation.SIGMOID, false, 1));
        System.out.printf(Locale.ROOT, "sigmoid, %d layers: first/last gradient norm = %.2e%n", VanishingGradients.DEPTH, ratio);
        assertTrue(ratio < 1e-3, "after " + VanishingGradients.DEPTH + " sigmoid layers (each multiplying by σ' ≤ 1/4)"
                + " the first layer's gradient should be far below 1/1000 of the last's, but the ratio is " + ratio);
    }

    @Test
    @Graded(points = 2, name = "ReLU keeps the gradient alive")
    void reluKeepsTheGradient() {
        double ratio = VanishingGradients.firstToLastRatio(VanishingGradients.layerGradientNorms(Activation.RELU, false, 1));
        System.out.printf(Locale.ROOT, "ReLU, %d layers: first/last gradient norm = %.3f%n", VanishingGradients.DEPTH, ratio);
        assertTrue(ratio > 0.05, "ReLU's derivative is 1 where it is active, so the first/last ratio should stay"
                + " above 0.05, but it is " + ratio);
    }

    // BEGIN HIDDEN TESTS
    @Test
    @Graded(points = 2, name = "batch normalization rescues the sigmoid", visibility = Visibility.AFTER_DUE_DATE)
    void batchNormalizationRescuesTheSigmoid() {
        double plain = VanishingGradients.firstToLastRatio(VanishingGradients.layerGradientNorms(Activation.SIGMOID, false, 2));
        double normalized = VanishingGradients.firstToLastRatio(VanishingGradients.layerGradientNorms(Activation.SIGMOID, true, 2));
        System.out.printf(Locale.ROOT, "sigmoid %.2e, sigmoid with batch normalization %.3f%n", plain, normalized);
        assertTrue(normalized > 0.1 && normalized > 1000 * plain, "with batch normalization the ratio should be above"
                + " 0.1 and 1000 times the plain sigmoid's (" + plain + "), but it is " + normalized);
    }

    @Test
    @Graded(points = 1, name = "ratio of first to last", visibility = Visibility.AFTER_DUE_DATE)
    void ratioIsFirstOverLast() {
        assertEquals(0.25, VanishingGradients.firstToLastRatio(new double[] {1, 2, 4}), 1e-15, "[1, 2, 4]");
    }
    // END HIDDEN TESTS
}
