package org.nnlab.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nnlab.core.layer.Activation;
import org.nnlab.core.layer.Dense;
import org.nnlab.core.loss.BinaryCrossentropy;
import org.nnlab.core.loss.MeanSquaredError;
import org.nnlab.core.loss.SparseCategoricalCrossentropy;
import org.nnlab.core.optim.Adam;
import org.nnlab.core.optim.SGD;
import org.nnlab.core.tensor.Tensor;

class FitTest {
    private static final Tensor XOR_X = Tensor.matrix(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}});
    private static final Tensor XOR_Y = Tensor.matrix(new double[][] {{0}, {1}, {1}, {0}});

    private static Sequential xorModel(long seed) {
        Sequential model = new Sequential(new int[] {2}, List.of(
                new Dense(2, Activation.SIGMOID), new Dense(1, Activation.SIGMOID)), seed);
        model.compile(new Adam(0.1), new BinaryCrossentropy(), Metric.ACCURACY);
        return model;
    }

    private static FitOptions quiet(int epochs, int batchSize) {
        return FitOptions.builder().epochs(epochs).batchSize(batchSize).verbosity(Verbosity.SILENT).build();
    }

    @Test
    void twoTwoOneSigmoidNetworkSolvesXor() {
        Sequential model = xorModel(42);
        History h = model.fit(XOR_X, XOR_Y, quiet(500, 4));
        assertTrue(h.last("loss") < 0.05, "XOR loss after 500 steps, seed 42: " + h.last("loss"));
        assertEquals(1.0, h.last("accuracy"));
        Tensor p = model.predict(XOR_X);
        assertTrue(p.get(0, 0) < 0.1 && p.get(1, 0) > 0.9 && p.get(2, 0) > 0.9 && p.get(3, 0) < 0.1, p.toString());
    }

    @Test
    void sameSeedGivesIdenticalWeightsAndHistory() {
        Tensor[] data = blobs(200, 3);
        Sequential a = classifier(5);
        Sequential b = classifier(5);
        History ha = a.fit(data[0], data[1], quiet(3, 16));
        History hb = b.fit(data[0], data[1], quiet(3, 16));
        assertEquals(a.getWeights(), b.getWeights());
        assertEquals(ha.asMap(), hb.asMap());
    }

    @Test
    void learnsThreeSeparableClassesWithSparseLabels() {
        Tensor[] data = blobs(300, 11);
        Sequential model = classifier(3);
        History h = model.fit(data[0], data[1], quiet(20, 32));
        assertTrue(h.last("accuracy") > 0.95, h.toString());
        Map<String, Double> eval = model.evaluate(data[0], data[1]);
        assertEquals(List.of("loss", "accuracy"), List.copyOf(eval.keySet()));
        assertTrue(eval.get("accuracy") > 0.95, eval.toString());
    }

    @Test
    void validationSplitHoldsOutTheLastFractionBeforeShuffling() {
        Tensor[] data = blobs(100, 4);
        Sequential model = classifier(9);
        History h = model.fit(data[0], data[1], FitOptions.builder().epochs(2).validationSplit(0.2)
                .verbosity(Verbosity.SILENT).build());
        Tensor lastX = data[0].sliceRows(80, 100);
        Tensor lastY = data[1].sliceRows(80, 100);
        Map<String, Double> eval = model.evaluate(lastX, lastY);
        assertEquals(eval.get("loss"), h.last("val_loss"), 1e-12);
        assertEquals(eval.get("accuracy"), h.last("val_accuracy"), 1e-12);
        assertEquals(List.of("loss", "accuracy", "val_loss", "val_accuracy"), h.keys());
    }

    @Test
    void divergingLossStopsTrainingAndKeepsTheWeightsFromBefore() {
        Tensor x = Tensor.matrix(new double[][] {{1e3}, {-2e3}, {3e3}, {4e3}});
        Tensor y = Tensor.matrix(new double[][] {{1e3}, {-1e3}, {2e3}, {5e3}});
        Sequential model = new Sequential(new int[] {1}, List.of(new Dense(1, Activation.LINEAR)), 0);
        model.compile(new SGD(10.0), new MeanSquaredError());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        History h = model.fit(x, y, FitOptions.builder().epochs(50).batchSize(4).verbosity(Verbosity.EPOCH_LINES)
                .out(new PrintStream(out, true, StandardCharsets.UTF_8)).build());
        String reason = h.stopReason().orElseThrow();
        assertTrue(reason.matches("(Loss became (NaN|Infinity)|The gradient of dense/kernel became .*) at epoch \\d+, batch 1 of 1;"
                + " training stopped and the weights from before that batch are kept\\. Hint: lower the learning rate \\(now 10\\.0\\).*"),
                reason);
        assertTrue(h.epochs() < 50);
        for (Tensor w : model.getWeights()) {
            assertEquals(-1, w.firstNonFinite(), "weights stay finite: " + w);
        }
        assertTrue(out.toString(StandardCharsets.UTF_8).contains(reason));
    }

    @Test
    void rejectsNaNInputsBeforeTraining() {
        Tensor x = Tensor.matrix(new double[][] {{0, 1}, {Double.NaN, 2}});
        Tensor y = Tensor.matrix(new double[][] {{0}, {1}});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> xorModel(1).fit(x, y, quiet(1, 2)));
        assertEquals("x contains NaN at example 1, feature 0. Hint: fill or drop missing values before training;"
                + " a NaN input makes every weight NaN.", e.getMessage());
    }

    @Test
    void predictRejectsNaNInputsAsFitDoes() {
        Sequential model = xorModel(1);
        Tensor x = Tensor.matrix(new double[][] {{0, 1}, {1, 1}, {2, Double.NaN}});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> model.predict(x));
        assertEquals("x contains NaN at example 2, feature 1. Hint: fill or drop missing values before predicting;"
                + " the outputs for such an input look valid but mean nothing (ReLU maps NaN to 0).", e.getMessage());
        Tensor inf = Tensor.matrix(new double[][] {{Double.NEGATIVE_INFINITY, 1}});
        e = assertThrows(IllegalArgumentException.class, () -> model.predictOnBatch(inf));
        assertTrue(e.getMessage().startsWith("x contains -Infinity at example 0, feature 0."), e.getMessage());
    }

    @Test
    void evaluateRejectsNaNInputsWithItsOwnHint() {
        Tensor x = Tensor.matrix(new double[][] {{0, 1}, {Double.NaN, 2}});
        Tensor y = Tensor.matrix(new double[][] {{0}, {1}});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> xorModel(1).evaluate(x, y));
        assertEquals("x contains NaN at example 1, feature 0. Hint: fill or drop missing values before evaluating;"
                + " a NaN input makes the loss and the metrics NaN.", e.getMessage());
    }

    @Test
    void evaluateOnNoExamplesIsAnErrorNotNaN() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> xorModel(1).evaluate(Tensor.zeros(0, 2), Tensor.zeros(0, 1)));
        assertEquals("evaluate needs at least one example but got 0; the mean loss of no examples is NaN."
                + " Hint: check the data you evaluate on (an empty test split or file?).", e.getMessage());
    }

    @Test
    void rejectsEmptyValidationData() {
        FitOptions options = FitOptions.builder().epochs(1).batchSize(2).verbosity(Verbosity.SILENT)
                .validationData(Examples.of(Tensor.zeros(0, 2), Tensor.zeros(0, 1))).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> xorModel(1).fit(XOR_X, XOR_Y, options));
        assertTrue(e.getMessage().startsWith("validationData has 0 examples, so val_loss would be NaN."), e.getMessage());
    }

    @Test
    void rejectsRowCountMismatch() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> xorModel(1).fit(XOR_X, XOR_Y.sliceRows(0, 3), quiet(1, 2)));
        assertTrue(e.getMessage().startsWith("x and y must have the same number of rows (examples), but x has shape [4, 2]"
                + " and y has shape [3, 1]"), e.getMessage());
    }

    @Test
    void rejectsLabelsOutsideTheOutputLayer() {
        Tensor x = Tensor.matrix(new double[][] {{0, 1}, {1, 2}});
        Tensor y = Tensor.vector(2, 9);
        Sequential model = new Sequential(new int[] {2}, List.of(new Dense(5, Activation.SOFTMAX)), 0);
        model.compile(new Adam(), new SparseCategoricalCrossentropy(), Metric.ACCURACY);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> model.fit(x, y, quiet(1, 2)));
        assertTrue(e.getMessage().contains("9") && e.getMessage().contains("5"), e.getMessage());
    }

    @Test
    void epochLinesModePrintsOneKerasLinePerEpoch() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        xorModel(3).fit(XOR_X, XOR_Y, FitOptions.builder().epochs(2).batchSize(2).verbosity(Verbosity.EPOCH_LINES)
                .out(new PrintStream(out, true, StandardCharsets.UTF_8)).build());
        String[] lines = out.toString(StandardCharsets.UTF_8).split("\\R");
        assertEquals(4, lines.length, String.join("|", lines));
        assertEquals("Epoch 1/2", lines[0]);
        assertTrue(lines[1].matches("2/2 \\[=+\\] - \\d+s \\d+(s|ms|us)/step - loss: \\d+\\.\\d{4} - accuracy: \\d\\.\\d{4}"),
                lines[1]);
        assertFalse(out.toString(StandardCharsets.UTF_8).contains("\r"));
    }

    @Test
    void earlyStoppingStopsAndRestoresTheBestWeights() {
        Tensor[] data = blobs(120, 8);
        Sequential model = classifier(2);
        EarlyStopping stop = new EarlyStopping(EarlyStopping.Config.DEFAULTS.restoreBestWeights(true));
        List<List<Tensor>> weightsPerEpoch = new java.util.ArrayList<>();
        Callback spy = new Callback() {
            @Override
            public void onEpochEnd(int epoch, Map<String, Double> logs) {
                weightsPerEpoch.add(model.getWeights());
            }
        };
        // A tiny validation set that disagrees with training makes val_loss rise soon.
        Tensor valX = data[0].sliceRows(0, 4);
        Tensor valY = Tensor.vector(2, 2, 2, 2);
        History h = model.fit(data[0], data[1], FitOptions.builder().epochs(30).verbosity(Verbosity.SILENT)
                .validationData(Examples.of(valX, valY)).callbacks(spy, stop).build());
        assertTrue(h.epochs() < 30, "stopped early: " + h);
        assertTrue(h.stopReason().orElseThrow().startsWith("EarlyStopping: val_loss did not improve"));
        double[] val = h.get("val_loss");
        int best = 0;
        for (int i = 1; i < val.length; i++) {
            best = val[i] < val[best] ? i : best;
        }
        assertEquals(best, stop.bestEpoch());
        assertEquals(weightsPerEpoch.get(best), model.getWeights());
    }

    @Test
    void earlyStoppingNamesMissingMonitorKey() {
        EarlyStopping stop = new EarlyStopping(Monitor.VAL_LOSS, 1);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> xorModel(1).fit(XOR_X, XOR_Y, FitOptions.builder().epochs(2).verbosity(Verbosity.SILENT)
                        .callbacks(stop).build()));
        assertEquals("EarlyStopping monitors 'val_loss' but the epoch logs have [loss, accuracy]. Hint: val_… keys"
                + " need validation data or a validationSplit.", e.getMessage());
    }

    @Test
    void earlyStoppingKeepsTheLastWeightsByDefaultAsKerasDoes() {
        Tensor[] data = blobs(120, 8);
        Sequential model = classifier(2);
        EarlyStopping stop = new EarlyStopping(Monitor.VAL_LOSS, 0);
        List<List<Tensor>> weightsPerEpoch = new java.util.ArrayList<>();
        Callback recorder = new Callback() {
            @Override
            public void onEpochEnd(int epoch, Map<String, Double> logs) {
                weightsPerEpoch.add(model.getWeights());
            }
        };
        History h = model.fit(data[0], data[1], FitOptions.builder().epochs(30).verbose(0)
                .validationData(data[0].sliceRows(0, 4), Tensor.vector(2, 2, 2, 2)).callbacks(recorder, stop).build());
        assertTrue(h.epochs() < 30, "stopped early: " + h);
        assertTrue(stop.bestEpoch() < h.epochs() - 1, "the best epoch is not the last: " + h);
        assertEquals(weightsPerEpoch.get(h.epochs() - 1), model.getWeights());
        assertFalse(EarlyStopping.Config.DEFAULTS.restoreBestWeights());
    }

    @Test
    void earlyStoppingOnAccuracyWaitsForItToRise() {
        EarlyStopping stop = new EarlyStopping(Monitor.ACCURACY, 2);
        History h = xorModel(1).fit(XOR_X, XOR_Y, FitOptions.builder().epochs(40).verbose(0).callbacks(stop).build());
        double[] accuracy = h.get("accuracy");
        double best = java.util.Arrays.stream(accuracy).max().orElseThrow();
        assertEquals(best, accuracy[stop.bestEpoch()], "the best epoch has the highest accuracy, not the lowest");
    }

    @Test
    void earlyStoppingRefusesToWatchAMetricTheModelDoesNotReport() {
        Sequential model = xorModel(1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> model.fit(XOR_X, XOR_Y,
                FitOptions.builder().epochs(2).verbose(0).earlyStopping(Monitor.VAL_MSE, 3).build()));
        assertEquals("Monitor VAL_MSE ('val_mse') needs the MSE metric, but the model reports only the loss and"
                + " [ACCURACY]. Hint: add MSE to the metrics in compile, or monitor VAL_LOSS.", e.getMessage());
    }

    @Test
    void historyPrintsAShortSummaryNotEveryNumber() {
        History h = new History();
        for (int epoch = 0; epoch < 500; epoch++) {
            h.record(Map.of("loss", 1.0 / (epoch + 1)));
        }
        assertEquals("History(500 epochs: loss 1.0000 → 0.0020)", h.toString());
        h.stopped("EarlyStopping: val_loss did not improve");
        assertTrue(h.toString().endsWith("; stopped: EarlyStopping: val_loss did not improve)"), h.toString());
        assertEquals("History(0 epochs)", new History().toString());
    }

    @Test
    void verboseTakesKerasNumbers() {
        assertEquals(Verbosity.SILENT, FitOptions.builder().verbose(0).build().verbosity());
        assertEquals(Verbosity.PROGRESS_BAR, FitOptions.builder().verbose(1).build().verbosity());
        assertEquals(Verbosity.EPOCH_LINES, FitOptions.builder().verbose(2).build().verbosity());
        assertEquals("verbose (3) must be 0, 1 or 2, as in Keras: 0 prints nothing, 1 a progress bar, 2 one line per"
                + " epoch. Hint: leave it out for AUTO.",
                assertThrows(IllegalArgumentException.class, () -> FitOptions.builder().verbose(3)).getMessage());
    }

    @Test
    void gradientRecorderSeesEveryBatchOfEveryLayer() {
        GradientNormRecorder recorder = new GradientNormRecorder();
        xorModel(1).fit(XOR_X, XOR_Y, FitOptions.builder().epochs(3).batchSize(2).verbosity(Verbosity.SILENT)
                .callbacks(recorder).build());
        Map<String, double[]> norms = recorder.norms();
        assertEquals(List.of("dense", "dense_1"), List.copyOf(norms.keySet()));
        assertEquals(6, norms.get("dense").length);
        assertTrue(norms.get("dense_1")[0] > 0);
    }

    @Test
    void rejectsInvalidFitOptions() {
        assertEquals("epochs (-1) must be >= 0. Hint: an epoch is one pass over the training data; try 10.",
                assertThrows(IllegalArgumentException.class, () -> FitOptions.epochs(-1)).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FitOptions.builder().batchSize(0).build())
                .getMessage().startsWith("batchSize (0) must be > 0"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FitOptions.builder().validationSplit(1.0).build())
                .getMessage().startsWith("validationSplit (1.0) must be in [0, 1)"));
    }

    @Test
    void trainingResumesExactlyWithShufflingAndDropout() {
        Tensor[] data = blobs(96, 12);
        FitOptions oneEpoch = quiet(1, 16);
        Sequential straight = droppingClassifier();
        straight.fit(data[0], data[1], oneEpoch);
        straight.fit(data[0], data[1], oneEpoch);

        Sequential first = droppingClassifier();
        first.fit(data[0], data[1], oneEpoch);
        // A fresh model with the saved weights, optimizer state and progress, as a model file restores them.
        Sequential resumed = droppingClassifier();
        resumed.setWeights(first.getWeights());
        resumed.optimizer().restore(resumed.parameters(), first.optimizer().snapshot(first.parameters()));
        resumed.restoreProgress(first.progress());
        resumed.fit(data[0], data[1], oneEpoch);

        assertEquals(new TrainingProgress(2, 12), resumed.progress());
        assertEquals(straight.getWeights(), resumed.getWeights());
    }

    @Test
    void resumingWithoutProgressShufflesAndDropsDifferently() {
        Tensor[] data = blobs(96, 12);
        FitOptions oneEpoch = quiet(1, 16);
        Sequential straight = droppingClassifier();
        straight.fit(data[0], data[1], oneEpoch);
        straight.fit(data[0], data[1], oneEpoch);

        Sequential first = droppingClassifier();
        first.fit(data[0], data[1], oneEpoch);
        Sequential resumed = droppingClassifier();
        resumed.setWeights(first.getWeights());
        resumed.optimizer().restore(resumed.parameters(), first.optimizer().snapshot(first.parameters()));
        resumed.fit(data[0], data[1], oneEpoch);

        assertNotEquals(straight.getWeights(), resumed.getWeights());
    }

    private static Sequential droppingClassifier() {
        Sequential model = new Sequential(new int[] {2}, List.of(new Dense(16, Activation.RELU),
                new org.nnlab.core.layer.Dropout(0.3), new Dense(3, Activation.SOFTMAX)), 21);
        model.compile(new Adam(0.01), new SparseCategoricalCrossentropy(), Metric.ACCURACY);
        return model;
    }

    /** Three Gaussian blobs in 2-D with sparse labels 0, 1, 2. */
    private static Tensor[] blobs(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] centers = {{-2, 0}, {2, 0}, {0, 3}};
        Tensor x = Tensor.zeros(n, 2);
        Tensor y = Tensor.zeros(n);
        for (int i = 0; i < n; i++) {
            int c = i % 3;
            x.set(i, 0, centers[c][0] + 0.5 * gaussian(rng));
            x.set(i, 1, centers[c][1] + 0.5 * gaussian(rng));
            y.data()[i] = c;
        }
        return new Tensor[] {x, y};
    }

    private static double gaussian(SplittableRandom rng) {
        return Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
    }

    private static Sequential classifier(long seed) {
        Sequential model = new Sequential(new int[] {2}, List.of(
                new Dense(8, Activation.TANH), new Dense(3, Activation.SOFTMAX)), seed);
        model.compile(new Adam(0.05), new SparseCategoricalCrossentropy(), Metric.ACCURACY);
        return model;
    }
}
