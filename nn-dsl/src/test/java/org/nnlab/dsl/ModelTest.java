package org.nnlab.dsl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nnlab.dsl.Nn.SIGMOID;
import static org.nnlab.dsl.Nn.SOFTMAX;
import static org.nnlab.dsl.Nn.ACCURACY;
import static org.nnlab.dsl.Nn.BINARY_CROSSENTROPY;
import static org.nnlab.dsl.Nn.SPARSE_CATEGORICAL_CROSSENTROPY;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nnlab.core.layer.Dense;
import org.nnlab.core.tensor.Tensor;
import org.nnlab.core.train.History;
import org.nnlab.core.train.Verbosity;
import org.nnlab.dsl.spec.ModelSpec;

class ModelTest {

    static Stream<LayerStage> lectureModels() {
        return Stream.of(LectureModels.logisticRegression(), LectureModels.sigmoid221(), LectureModels.reluRegression(1),
                LectureModels.reluRegression(100), LectureModels.mnist(), LectureModels.deepSigmoid(),
                LectureModels.deepSigmoidBatchNorm(), LectureModels.deepSigmoidDropout());
    }

    @ParameterizedTest
    @MethodSource("lectureModels")
    void compiledModelPrintsTheSameSummaryAsItsSpec(LayerStage model) {
        ModelSpec spec = model.spec();
        Model m = Model.compile(spec);
        assertEquals(spec.summary(), m.summary());
        assertEquals(spec.parameterCount(), m.sequential().parameterCount());
        assertEquals(spec.trainableParameterCount(), m.sequential().trainableParameterCount());
    }

    @Test
    void thePrecisionChosenInTheDslIsTheModelsEndToEnd() {
        Model floats = LectureModels.sigmoid221().compile(Nn.adam(), BINARY_CROSSENTROPY).build();
        Model doubles = LectureModels.sigmoid221().precision(Nn.FLOAT64).compile(Nn.adam(), BINARY_CROSSENTROPY).build();
        Model late = LectureModels.sigmoid221().compile(Nn.adam(), BINARY_CROSSENTROPY).precision(Nn.FLOAT64).build();
        assertEquals(Nn.FLOAT32, floats.sequential().precision(), "float32 unless chosen, as Keras's floatx");
        assertEquals(Nn.FLOAT64, doubles.sequential().precision());
        assertEquals(doubles.spec(), late.spec(), "either stage may choose it");
        Tensor x = Tensor.matrix(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}});
        floats.fit(x, Tensor.matrix(new double[][] {{0}, {1}, {1}, {0}}), f -> f.epochs(2).verbose(0));
        for (org.nnlab.core.layer.Parameter p : floats.sequential().parameters()) {
            assertEquals(Nn.FLOAT32, p.value().precision(), p.name());
            assertEquals(Nn.FLOAT32, p.grad().precision(), p.name() + " grad");
        }
        assertEquals(Nn.FLOAT32, floats.predict(x).precision());
        assertEquals(Nn.FLOAT64, doubles.predict(x).precision());
    }

    @Test
    void denseOptionsReachTheCoreLayer() {
        Model m = LectureModels.reluRegression(4).build();
        Dense out = (Dense) m.sequential().layers().get(1);
        assertEquals("dense_1", out.name());
        assertFalse(out.useBias());
        assertArrayEquals(new int[] {4, 1}, out.kernel().value().shape());
    }

    @Test
    void sigmoid221LearnsXorWithAdam() {
        Model m = LectureModels.sigmoid221()
                .compile(Nn.adam().learningRate(0.1), BINARY_CROSSENTROPY, ACCURACY)
                .fit(f -> f.epochs(500).batchSize(4).verbosity(Verbosity.SILENT))
                .seed(42)
                .build();
        Tensor x = Tensor.matrix(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}});
        Tensor y = Tensor.matrix(new double[][] {{0}, {1}, {1}, {0}});
        History h = m.fit(x, y);
        assertTrue(h.last("loss") < 0.05, "XOR loss after 500 epochs, seed 42: " + h.last("loss"));
        assertEquals(1.0, m.evaluate(x, y).get("accuracy"));
    }

    @Test
    void logisticRegressionSeparatesTwoClouds() {
        SplittableRandom rng = new SplittableRandom(7);
        int n = 200;
        double[][] xs = new double[n][2];
        double[][] ys = new double[n][1];
        for (int i = 0; i < n; i++) {
            int label = i % 2;
            double centre = label == 1 ? 2 : -2;
            xs[i][0] = centre + rng.nextGaussian();
            xs[i][1] = centre + rng.nextGaussian();
            ys[i][0] = label;
        }
        Model m = LectureModels.logisticRegression()
                .compile(Nn.sgd().learningRate(0.1), BINARY_CROSSENTROPY, ACCURACY)
                .fit(f -> f.epochs(20).verbosity(Verbosity.SILENT))
                .build();
        Tensor x = Tensor.matrix(xs);
        Tensor y = Tensor.matrix(ys);
        m.fit(x, y);
        assertTrue(m.evaluate(x, y).get("accuracy") >= 0.95, "accuracy " + m.evaluate(x, y));
    }

    @Test
    void fitRejectsLabelBeyondTheOutputUnitsBeforeTraining() {
        Model m = Nn.input(2).dense(5, SOFTMAX)
                .compile(Nn.adam(), SPARSE_CATEGORICAL_CROSSENTROPY, ACCURACY)
                .fit(f -> f.verbosity(Verbosity.SILENT))
                .build();
        List<Tensor> before = m.getWeights();
        Tensor x = Tensor.zeros(4, 2);
        Tensor y = Tensor.vector(0, 4, 1, 9);
        String msg = assertThrows(IllegalArgumentException.class, () -> m.fit(x, y)).getMessage();
        assertEquals("Label 9 at row 3 is outside [0, 5) for an output layer of 5 units. Hint: the last Dense layer"
                + " needs one unit per class; for labels 0-9 use 10.", msg);
        assertEquals(before, m.getWeights());
    }

    @Test
    void fitTakesKerasShapedOptionsAtRunTime() {
        Model m = LectureModels.sigmoid221().compile(Nn.adam().learningRate(0.1), BINARY_CROSSENTROPY, ACCURACY)
                .seed(42).build();
        Tensor x = Tensor.matrix(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}});
        Tensor y = Tensor.matrix(new double[][] {{0}, {1}, {1}, {0}});
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        History h = m.fit(x, y, f -> f.epochs(500).verbose(0).batchSize(4).out(new java.io.PrintStream(out)));
        assertEquals(500, h.epochs());
        assertEquals(0, out.size(), "verbose(0) prints nothing");
        assertEquals(1, m.spec().training().fit().epochs(), "a run's options do not change the spec's");
        assertEquals(3, m.fit(x, y, 3).epochs());
        assertTrue(h.last("loss") < 0.05, "XOR loss after 500 epochs, seed 42: " + h.last("loss"));
    }

    @Test
    void evaluatePrintsAKerasLineWhenVerbose() {
        Model m = LectureModels.logisticRegression().compile(Nn.sgd(), BINARY_CROSSENTROPY, ACCURACY).build();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        Tensor x = Tensor.zeros(40, 2);
        Tensor y = Tensor.zeros(40, 1);
        m.evaluate(org.nnlab.core.train.Examples.of(x, y), f -> f.verbose(2).out(new java.io.PrintStream(out)));
        String line = out.toString(java.nio.charset.StandardCharsets.UTF_8).strip();
        assertTrue(line.matches("2/2 \\[=+\\] - \\d+s \\d+(s|ms|us)/step - loss: 0\\.6931 - accuracy: 1\\.0000"), line);
        java.io.ByteArrayOutputStream quiet = new java.io.ByteArrayOutputStream();
        m.evaluate(org.nnlab.core.train.Examples.of(x, y), f -> f.verbose(0).out(new java.io.PrintStream(quiet)));
        assertEquals(0, quiet.size());
    }

    @Test
    void saveRequiresTheModelFileExtension(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        Model m = LectureModels.logisticRegression().build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> m.save(dir.resolve("m.json")));
        assertEquals("A model file's name ends in .nnlab, as Keras's end in .keras, but got " + dir.resolve("m.json")
                + ". Hint: save to m.nnlab (a ZIP of spec, weights and optimizer state); for the spec alone as JSON"
                + " use SpecJson.write(model.spec(), path).", e.getMessage());
        assertFalse(java.nio.file.Files.exists(dir.resolve("m.json")));
    }

    @Test
    void fitWithoutTrainingConfigurationExplainsWhatIsMissing() {
        Model m = LectureModels.sigmoid221().build();
        String msg = assertThrows(IllegalStateException.class,
                () -> m.fit(Tensor.zeros(1, 2), Tensor.zeros(1, 1))).getMessage();
        assertTrue(msg.contains("Hint: add .compile(optimizer, loss, metrics)"), msg);
    }

    @Test
    void sameSpecBuildsIdenticalWeights() {
        ModelSpec spec = LectureModels.deepSigmoidDropout().seed(3).spec();
        assertEquals(Model.compile(spec).getWeights(), Model.compile(spec).getWeights());
    }

    @Test
    void readmesRegularizationExampleTrains() {
        Model model = Nn.input(4, 4).flatten()
                .dense(6, Nn.RELU, d -> d.kernelRegularizer(Nn.l2(0.01)))
                .batchNormalization(b -> b.gammaRegularizer(Nn.l2()))
                .dense(3, Nn.SOFTMAX)
                .compile(Nn.adamw().weightDecay(0.004).excludeFromWeightDecay("bias", "gamma", "beta")
                                .globalClipnorm(1.0),
                        Nn.SPARSE_CATEGORICAL_CROSSENTROPY, Nn.ACCURACY)
                .build();
        Tensor x = Tensor.zeros(20, 4, 4);
        for (int i = 0; i < x.size(); i++) {
            x.data()[i] = (i * 7919 % 13) / 13.0;
        }
        Tensor y = Tensor.zeros(20);
        for (int i = 0; i < 20; i++) {
            y.data()[i] = i % 3;
        }
        org.nnlab.core.train.History h = model.fit(x, y, f -> f.epochs(3).verbose(0).validationSplit(0.1)
                .reduceLROnPlateau(Nn.VAL_LOSS, 0.2, 3));
        assertEquals(3, h.get("learning_rate").length);
        assertEquals(Nn.sgd().momentum(0.9).learningRate(Nn.cosineDecay(0.0, 10_000, 0.1, 500)).learningRate().at(500),
                0.1, 1e-15);
    }
}
