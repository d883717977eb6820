package org.nnlab.tests.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nnlab.dsl.Nn.ACCURACY;
import static org.nnlab.dsl.Nn.BINARY_CROSSENTROPY;
import static org.nnlab.dsl.Nn.MEAN_SQUARED_ERROR;
import static org.nnlab.dsl.Nn.MSE;
import static org.nnlab.dsl.Nn.RELU;
import static org.nnlab.dsl.Nn.SIGMOID;
import static org.nnlab.dsl.Nn.SOFTMAX;
import static org.nnlab.dsl.Nn.SPARSE_CATEGORICAL_CROSSENTROPY;
import static org.nnlab.dsl.Nn.adam;
import static org.nnlab.dsl.Nn.input;
import static org.nnlab.dsl.Nn.sgd;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nnlab.core.init.Initializer;
import org.nnlab.core.layer.Activation;
import org.nnlab.core.layer.Dense;
import org.nnlab.core.tensor.Tensor;
import org.nnlab.core.train.Examples;
import org.nnlab.core.train.Finding;
import org.nnlab.core.train.Finding.Kind;
import org.nnlab.core.train.FitOptions;
import org.nnlab.core.train.History;
import org.nnlab.core.train.TrainingMonitor;
import org.nnlab.data.Dataset;
import org.nnlab.data.mnist.LabeledImages;
import org.nnlab.data.mnist.MnistDataset;
import org.nnlab.data.synthetic.LectureData;
import org.nnlab.dsl.LayerStage;
import org.nnlab.dsl.Model;
import org.nnlab.dsl.TrainingStage;

/**
 * The training monitor, measured on the lecture's own models and a catalogue of broken set-ups:
 * zero findings where training is healthy, the right finding and no other where it is not.
 */
class TrainingMonitorFindingsTest {
    private static final long SEED = 42;
    private static final MnistDataset DIGITS = MnistDataset.builtin();

    private static History fit(TrainingStage stage, Examples data, Consumer<FitOptions.Builder> options) {
        return Model.compile(stage.spec()).fit(data, f -> {
            f.verbose(0).diagnostics(true);
            options.accept(f);
        });
    }

    private static Set<Kind> kinds(History h) {
        return h.findings().stream().map(Finding::kind).collect(Collectors.toSet());
    }

    private static TrainingStage mnist(double learningRate, UnaryOperator<Dense.Config> hidden) {
        return input(28, 28).flatten().dense(100, RELU, hidden).dense(10, SOFTMAX)
                .compile(adam().learningRate(learningRate), SPARSE_CATEGORICAL_CROSSENTROPY, ACCURACY).seed(SEED);
    }

    private static TrainingStage mnist() {
        return mnist(0.001, d -> d);
    }

    /** The §8 deep regressor 1-30-100-100-30-1: sigmoid, ReLU, or Dense → BN → sigmoid. */
    private static TrainingStage deep(Activation activation, boolean batchNorm, long seed) {
        LayerStage s = input(1);
        for (int units : new int[] {30, 100, 100, 30}) {
            s = batchNorm ? s.dense(units).batchNormalization().activation(SIGMOID) : s.dense(units, activation);
        }
        return s.dense(1).compile(adam(), MEAN_SQUARED_ERROR, MSE).seed(seed);
    }

    @Test
    void theLecturesHealthyModelsHaveNoFindings() {
        assertEquals(List.of(), fit(input(2).dense(1, SIGMOID).compile(adam().learningRate(0.1), BINARY_CROSSENTROPY,
                ACCURACY).seed(SEED), LectureData.linearlySeparable(SEED), f -> f.epochs(10)).findings(), "logistic");
        assertEquals(List.of(), fit(input(2).dense(2, SIGMOID).dense(1, SIGMOID).compile(adam().learningRate(0.1),
                BINARY_CROSSENTROPY, ACCURACY).seed(SEED), LectureData.nonlinear(SEED), f -> f.epochs(10)).findings(),
                "2-2-1");
        int[] widths = {1, 2, 4, 100};
        int[] epochs = {500, 3000, 4000, 1000};
        Dataset cubic = LectureData.cubic(1000, 0.0, SEED);
        for (int k = 0; k < widths.length; k++) {
            int e = epochs[k];
            History h = fit(input(1).dense(widths[k], RELU).dense(1, d -> d.noBias())
                    .compile(adam(), MEAN_SQUARED_ERROR, MSE).seed(SEED + widths[k]), cubic, f -> f.epochs(e));
            assertEquals(List.of(), h.findings(), widths[k] + " ReLU units");
        }
        assertEquals(List.of(), fit(mnist(), DIGITS.train(), f -> f.epochs(5)).findings(), "MNIST, §7");
    }

    @Test
    void theReadmeExamplesHaveNoFindings() {
        assertEquals(List.of(), fit(mnist(), DIGITS.train(), f -> f.epochs(5).validationSplit(0.1)).findings());
        Dataset xor = Dataset.of(Tensor.matrix(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}}),
                Tensor.matrix(new double[][] {{0}, {1}, {1}, {0}}));
        assertEquals(List.of(), fit(input(2).dense(2, SIGMOID).dense(1, SIGMOID).compile(adam().learningRate(0.1),
                BINARY_CROSSENTROPY, ACCURACY).seed(SEED), xor, f -> f.epochs(500).batchSize(4)).findings(), "demo");
    }

    @ParameterizedTest
    @ValueSource(longs = {42, 1, 2})
    void theDeepSigmoidNetworkShowsVanishingGradientsAndItsRemediesDoNot(long seed) {
        Dataset cubic = LectureData.cubic(256, 0.0, seed);
        History sigmoid = fit(deep(SIGMOID, false, seed), cubic, f -> f.epochs(1));
        assertEquals(Set.of(Kind.VANISHING_GRADIENTS), kinds(sigmoid));
        assertTrue(sigmoid.findings().get(0).toString().startsWith("Vanishing gradients (§8.1), epoch 1: the first"
                + " layer's gradients are "), sigmoid.findings().get(0).toString());
        assertTrue(sigmoid.findings().get(0).toString().contains("Hint: try ReLU (§8.2) or batch normalization"));
        assertEquals(List.of(), fit(deep(RELU, false, seed), cubic, f -> f.epochs(1)).findings(), "ReLU");
        assertEquals(List.of(), fit(deep(SIGMOID, true, seed), cubic, f -> f.epochs(1)).findings(), "batch norm");
    }

    @Test
    void theTenPointFitOverfitsOnceAValidationSplitIsGiven() {
        Dataset ten = LectureData.overfittingTen().shuffle(SEED);
        History plain = fit(deep(SIGMOID, false, SEED), ten, f -> f.epochs(5000).validationSplit(0.3));
        assertTrue(kinds(plain).contains(Kind.OVERFITTING), plain.toString());
        assertEquals(Set.of(Kind.OVERFITTING, Kind.VANISHING_GRADIENTS), kinds(plain), "the deep sigmoid net's gradients"
                + " vanish too, and nothing else is found");
        History normalized = fit(deep(SIGMOID, true, SEED), ten, f -> f.epochs(4000).validationSplit(0.3));
        assertEquals(Set.of(Kind.OVERFITTING), kinds(normalized), "batch norm: no vanishing gradients");
        assertEquals(Set.of(Kind.VANISHING_GRADIENTS), kinds(fit(deep(SIGMOID, false, SEED), ten,
                f -> f.epochs(5000))), "without validation data nothing can show overfitting");
    }

    @Test
    void unscaledPixelsAreFoundAndNothingElse() {
        Examples raw = Examples.of(pixels(255), labels(DIGITS.train()));
        History h = fit(mnist(), raw, f -> f.epochs(5));
        assertEquals(Set.of(Kind.INPUT_SCALE), kinds(h));
        String text = h.findings().get(0).toString();
        assertTrue(text.startsWith("Inputs far from unit scale (§7), epoch 1: the inputs' root mean square is "), text);
        assertTrue(text.contains("largest magnitude 255, far from 1. Hint: divide pixel values by 255"), text);
    }

    @Test
    void learningRateTenIsTooHigh() {
        History h = fit(mnist(10, d -> d), DIGITS.train(), f -> f.epochs(5));
        assertEquals(Set.of(Kind.LEARNING_RATE_TOO_HIGH), kinds(h));
        assertTrue(h.findings().get(0).observation().contains("(learning rate 10)"), h.findings().toString());
    }

    @Test
    void aVanishinglySmallLearningRateIsTooLow() {
        History h = fit(input(28, 28).flatten().dense(100, RELU).dense(10, SOFTMAX)
                .compile(sgd().learningRate(1e-7), SPARSE_CATEGORICAL_CROSSENTROPY, ACCURACY).seed(SEED),
                DIGITS.train(), f -> f.epochs(2));
        assertEquals(Set.of(Kind.LEARNING_RATE_TOO_LOW), kinds(h));
    }

    @Test
    void reluBiasesOfMinusTenKillEveryUnit() {
        History h = fit(mnist(0.001, d -> d.biasInitializer(new Initializer.Constant(-10))), DIGITS.train(),
                f -> f.epochs(5));
        assertEquals(Set.of(Kind.DEAD_RELU), kinds(h), "the loss stays at chance level and the weights do not move,"
                + " but the dead units explain both");
        assertEquals("100 of 100 ReLU units of dense were never active (z ≤ 0 for every example) in epoch 1",
                h.findings().get(0).observation());
        assertEquals("dense", h.findings().get(0).layerName().orElseThrow());
    }

    @Test
    void shuffledLabelsAreNotLearned() {
        Tensor y = labels(DIGITS.train());
        SplittableRandom rng = new SplittableRandom(7);
        double[] v = y.data();
        for (int i = v.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            double t = v[i];
            v[i] = v[j];
            v[j] = t;
        }
        Examples shuffled = Examples.of(pixels(1), y);
        assertEquals(Set.of(Kind.NOT_LEARNING), kinds(fit(mnist(), shuffled, f -> f.epochs(5))));
        assertEquals(Set.of(Kind.NOT_LEARNING), kinds(fit(mnist(), shuffled, f -> f.epochs(5).validationSplit(0.1))),
                "val_loss rises, but a model that never beat guessing is not overfitting");
    }

    @Test
    void sigmoidUnitsFedLargeWeightsSaturate() {
        TrainingStage stage = input(28, 28).flatten()
                .dense(100, SIGMOID, d -> d.kernelInitializer(new Initializer.Constant(0.5))).dense(10, SOFTMAX)
                .compile(adam(), SPARSE_CATEGORICAL_CROSSENTROPY, ACCURACY).seed(SEED);
        History h = fit(stage, DIGITS.train(), f -> f.epochs(1));
        assertTrue(kinds(h).contains(Kind.SATURATED_UNITS), h.toString());
    }

    @Test
    void fitPrintsEachFindingOnceUnderItsEpochLineWhenVerbose() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Dataset cubic = LectureData.cubic(256, 0.0, SEED);
        History h = Model.compile(deep(SIGMOID, false, SEED).spec()).fit(cubic, f -> f.epochs(3).verbose(2).out(out));
        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(1, h.findings().size());
        assertTrue(printed.indexOf("Epoch 1/3") < printed.indexOf("Vanishing gradients (§8.1), epoch 1"), printed);
        assertEquals(1, printed.split("Vanishing gradients", -1).length - 1, printed);
        assertTrue(printed.indexOf("Vanishing gradients") < printed.indexOf("Epoch 2/3"), printed);
    }

    @Test
    void oneCallTurnsTheMonitorOffAndSilentFitsRunWithoutIt() {
        Dataset cubic = LectureData.cubic(256, 0.0, SEED);
        PrintStream discard = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        Model model = Model.compile(deep(SIGMOID, false, SEED).spec());
        assertEquals(List.of(), model.fit(cubic, f -> f.epochs(1).verbose(2).out(discard).diagnostics(false)).findings());
        assertEquals(List.of(), Model.compile(deep(SIGMOID, false, SEED).spec()).fit(cubic, f -> f.epochs(1).verbose(0))
                .findings(), "silent fits run no monitor unless asked");
        TrainingMonitor monitor = new TrainingMonitor();
        History asCallback = Model.compile(deep(SIGMOID, false, SEED).spec())
                .fit(cubic, f -> f.epochs(1).verbose(0).callbacks(monitor));
        assertEquals(Set.of(Kind.VANISHING_GRADIENTS), kinds(asCallback));
        assertEquals(asCallback.findings(), monitor.findings());
        assertEquals("TrainingMonitor(1 finding: vanishing gradients)", monitor.toString());
    }

    private static Tensor pixels(double scale) {
        Tensor x = DIGITS.train().featuresTensor();
        for (int i = 0; i < x.size(); i++) {
            x.data()[i] *= scale;
        }
        return x;
    }

    private static Tensor labels(LabeledImages images) {
        int[] labels = images.labels();
        Tensor y = Tensor.zeros(labels.length);
        for (int i = 0; i < labels.length; i++) {
            y.data()[i] = labels[i];
        }
        return y;
    }
}
