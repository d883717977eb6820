package org.nnlab.exercises.vanishing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nnlab.core.layer.Activation;
import org.nnlab.core.layer.BatchNormalization;
import org.nnlab.core.layer.Dense;
import org.nnlab.core.layer.Layer;
import org.nnlab.core.loss.BinaryCrossentropy;
import org.nnlab.core.optim.SGD;
import org.nnlab.core.tensor.Precision;
import org.nnlab.core.train.FitOptions;
import org.nnlab.core.train.GradientNormRecorder;
import org.nnlab.core.train.Sequential;
import org.nnlab.core.train.Verbosity;
import org.nnlab.data.Dataset;
import org.nnlab.data.synthetic.LectureData;
import org.nnlab.exercise.Graded;
import org.nnlab.exercise.Visibility;

/**
 * Graded tests of the vanishing-gradients exercise. The submission's norms are compared with
 * trusted ones: constants measured when the exercise was written (visible tests), and norms the
 * hidden tests measure themselves with nn-core's {@link GradientNormRecorder} for other seeds, so
 * copying the constants earns only the visible points. The phenomenon (vanishing, or not) is
 * asserted on the trusted numbers.
 */
class VanishingGradientsTest {
    private static final int DEPTH = 10;
    private static final int WIDTH = 16;

    /**
     * The mean kernel-gradient norms of the specified networks for seed 1, measured with nn-core's
     * GradientNormRecorder when this exercise was written (the hidden tests measure other seeds
     * afresh), first Dense layer first.
     */
    private static final double[] SIGMOID_BATCH_NORM = {0.5131639469385135, 0.6703286502450125, 0.5535241649764402,
        0.5430008664477165, 0.6048729165393468, 0.5573794153909011, 0.6560003429274079, 0.6629413275868608,
        0.5812544360833942, 0.4199672883396156, 0.36157944065992453};
    private static final double[] SIGMOID = {6.410691006783886E-7, 9.976156771155184E-7, 1.7890700054700235E-6,
        9.053792654594473E-6, 3.34155913167328E-5, 1.5730121215293705E-4, 6.311012339284641E-4, 0.0037427417497475917,
        0.018159094685002642, 0.055249165596064194, 0.17791832294024057};
    private static final double[] RELU = {0.03899067728475711, 0.0468586378332824, 0.05437267173319292,
        0.04893213598178519, 0.05472210224404255, 0.03834743090746345, 0.030007061424610567, 0.030096900525315218,
        0.023890160869225817, 0.018221069335396384, 0.011351587285237053};

    /** The submission's norms, checked against {@code expected}; returns {@code expected}. */
    private static double[] measuredNorms(Activation hidden, boolean batchNorm, long seed, double[] expected) {
        double[] actual = VanishingGradients.layerGradientNorms(hidden, batchNorm, seed).clone();
        assertEquals(expected.length, actual.length, "one mean norm per Dense layer (hidden and output), batch"
                + " normalization layers left out; got " + Arrays.toString(actual));
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-6 * Math.abs(expected[i]), "mean gradient norm of Dense"
                    + " layer " + (i + 1) + " (" + hidden + (batchNorm ? ", batch normalization" : "") + ", seed " + seed
                    + ")");
        }
        return expected;
    }

    /** The submission's first/last ratio of {@code norms} (given a copy), checked against the division here. */
    private static double ratio(double[] norms) {
        double expected = norms[0] / norms[norms.length - 1];
        assertEquals(expected, VanishingGradients.firstToLastRatio(norms.clone()), 1e-12 * Math.abs(expected),
                "firstToLastRatio of " + Arrays.toString(norms));
        return expected;
    }

    @Test
    @Graded(points = 2, name = "σ'(x) ≤ 1/4, reached at 0")
    void sigmoidDerivativeIsAtMostAQuarter() {
        assertEquals(0.25, VanishingGradients.maxSigmoidDerivative(2001), 1e-9, "the grid of 2001 points includes"
                + " z = 0, where σ' = 1/4");
        // Grids that miss 0: σ'(±10/3) and σ'(±10/9).
        assertEquals(0.03325872416172761, VanishingGradients.maxSigmoidDerivative(4), 1e-12, "the largest σ'(z)"
                + " over 4 evenly spaced z in [−10, 10]");
        assertEquals(0.18632644274441806, VanishingGradients.maxSigmoidDerivative(10), 1e-12, "the largest σ'(z)"
                + " over 10 evenly spaced z in [−10, 10]");
    }

    @Test
    @Graded(points = 1, name = "one norm per Dense layer")
    void oneNormPerDenseLayer() {
        for (double n : measuredNorms(Activation.SIGMOID, true, 1, SIGMOID_BATCH_NORM)) {
            assertTrue(n > 0 && Double.isFinite(n), "every norm is a positive number");
        }
    }

    @Test
    @Graded(points = 2, name = "deep sigmoid: the gradient vanishes")
    void sigmoidGradientVanishes() {
        double ratio = ratio(measuredNorms(Activation.SIGMOID, false, 1, SIGMOID));
        System.out.printf(Locale.ROOT, "sigmoid, %d layers: first/last gradient norm = %.2e%n", DEPTH, ratio);
        assertTrue(ratio < 1e-3, "after " + DEPTH + " sigmoid layers (each multiplying by σ' ≤ 1/4) the first"
                + " layer's gradient is far below 1/1000 of the last's; the ratio is " + ratio);
    }

    @Test
    @Graded(points = 2, name = "ReLU keeps the gradient alive")
    void reluKeepsTheGradient() {
        double ratio = ratio(measuredNorms(Activation.RELU, false, 1, RELU));
        System.out.printf(Locale.ROOT, "ReLU, %d layers: first/last gradient norm = %.3f%n", DEPTH, ratio);
        assertTrue(ratio > 0.05, "ReLU's derivative is 1 where it is active, so the first/last ratio stays above"
                + " 0.05; it is " + ratio);
    }

    // BEGIN HIDDEN TESTS
    /** The mean kernel-gradient norm of each Dense layer of the specified network, measured by the test. */
    private static double[] trustedNorms(Activation hidden, boolean batchNorm, long seed) {
        List<Layer> layers = new ArrayList<>();
        for (int d = 0; d < DEPTH; d++) {
            layers.add(new Dense(WIDTH, hidden));
            if (batchNorm) {
                layers.add(new BatchNormalization());
            }
        }
        layers.add(new Dense(1, Activation.SIGMOID));
        Sequential model = new Sequential(new int[] {2}, layers, seed, Precision.FLOAT64);
        model.compile(new SGD(0.1), new BinaryCrossentropy());
        Dataset data = LectureData.nonlinear(512, seed);
        GradientNormRecorder recorder = new GradientNormRecorder();
        model.fit(data.features(), data.targets(), FitOptions.builder().epochs(1).batchSize(32)
                .callbacks(recorder).verbosity(Verbosity.SILENT).build());
        Map<String, Double> means = recorder.meanNorms();
        return model.layers().stream().filter(l -> l instanceof Dense).mapToDouble(l -> means.get(l.name())).toArray();
    }

    @Test
    @Graded(points = 2, name = "batch normalization rescues the sigmoid", visibility = Visibility.AFTER_DUE_DATE)
    void batchNormalizationRescuesTheSigmoid() {
        double plain = ratio(measuredNorms(Activation.SIGMOID, false, 2, trustedNorms(Activation.SIGMOID, false, 2)));
        double normalized = ratio(measuredNorms(Activation.SIGMOID, true, 2, trustedNorms(Activation.SIGMOID, true, 2)));
        System.out.printf(Locale.ROOT, "sigmoid %.2e, sigmoid with batch normalization %.3f%n", plain, normalized);
        assertTrue(normalized > 0.1 && normalized > 1000 * plain, "with batch normalization the ratio is above"
                + " 0.1 and 1000 times the plain sigmoid's (" + plain + "); it is " + normalized);
    }

    @Test
    @Graded(points = 1, name = "ratio of first to last", visibility = Visibility.AFTER_DUE_DATE)
    void ratioIsFirstOverLast() {
        assertEquals(0.25, VanishingGradients.firstToLastRatio(new double[] {1, 2, 4}), 1e-15, "[1, 2, 4]");
        assertEquals(-3.0, VanishingGradients.firstToLastRatio(new double[] {-6, 5, 2}), 1e-15, "[-6, 5, 2]");
    }
    // END HIDDEN TESTS
}
