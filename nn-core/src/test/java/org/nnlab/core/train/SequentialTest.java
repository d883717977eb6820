package org.nnlab.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nnlab.core.layer.Activation;
import org.nnlab.core.layer.Dense;
import org.nnlab.core.layer.Flatten;
import org.nnlab.core.tensor.Precision;
import org.nnlab.core.tensor.Tensor;

class SequentialTest {

    private static Sequential mnistModel() {
        return new Sequential(new int[] {28, 28}, List.of(
                new Flatten(), new Dense(100, Activation.RELU), new Dense(10, Activation.SOFTMAX)), 1);
    }

    @Test
    void lectureMnistModelHas79510Parameters() {
        Sequential model = mnistModel();
        assertEquals(79_510, model.parameterCount());
        assertEquals(79_510, model.trainableParameterCount());
        assertArrayEquals(new int[] {10}, model.outputShape());
    }

    @Test
    void summaryUsesKerasLayout() {
        String expected = String.join("\n",
                "Model: \"sequential\"",
                "_________________________________________________________________",
                " Layer (type)                Output Shape              Param #",
                "=================================================================",
                " flatten (Flatten)           (None, 784)               0",
                "",
                " dense (Dense)               (None, 100)               78500",
                "",
                " dense_1 (Dense)             (None, 10)                1010",
                "=================================================================",
                "Total params: 79,510 (310.59 KB)",
                "Trainable params: 79,510 (310.59 KB)",
                "Non-trainable params: 0 (0.00 B)",
                "Precision: float32",
                "_________________________________________________________________",
                "");
        assertEquals(expected, mnistModel().summary());
    }

    @Test
    void withPrecisionCopiesTheModelWeightsAndTrainingStateIntoTheOtherPrecision() {
        Sequential floats = mnistModel();
        floats.compile(new org.nnlab.core.optim.Adam(), new org.nnlab.core.loss.SparseCategoricalCrossentropy(),
                Metric.ACCURACY);
        Tensor x = Tensor.zeros(4, 28, 28);
        for (int i = 0; i < x.size(); i++) {
            x.set(i, (i * 37 % 101) / 100.0);
        }
        floats.fit(x, Tensor.vector(1, 2, 3, 4), FitOptions.builder().epochs(2).batchSize(2)
                .verbosity(Verbosity.SILENT).build());
        Sequential doubles = floats.withPrecision(Precision.FLOAT64);
        assertEquals(Precision.FLOAT64, doubles.precision());
        assertEquals(floats.summary().replace("310.59 KB", "621.17 KB").replace("float32", "float64"),
                doubles.summary());
        List<Tensor> w32 = floats.getWeights();
        List<Tensor> w64 = doubles.getWeights();
        for (int i = 0; i < w32.size(); i++) {
            assertEquals(w32.get(i).to(Precision.FLOAT64), w64.get(i), "weight " + i + " widened exactly");
        }
        assertEquals(floats.progress(), doubles.progress());
        assertEquals(floats.optimizer().iterations(), doubles.optimizer().iterations());
        Tensor p32 = floats.predict(x);
        Tensor p64 = doubles.predict(x);
        assertEquals(Precision.FLOAT32, p32.precision());
        assertEquals(Precision.FLOAT64, p64.precision());
        for (int i = 0; i < p32.size(); i++) {
            assertEquals(p64.get(i), p32.get(i), 1e-5, "prediction " + i);
        }
        assertEquals(floats.getWeights().get(0), doubles.withPrecision(Precision.FLOAT32).getWeights().get(0),
                "float32 → float64 → float32 gives back the same weights");
    }

    @Test
    void withPrecisionKeepsTheParametersExcludedFromWeightDecay() {
        Sequential floats = mnistModel();
        org.nnlab.core.optim.SGD sgd = new org.nnlab.core.optim.SGD(org.nnlab.core.optim.SGD.Config.DEFAULTS
                .learningRate(0.1).weightDecay(0.5));
        sgd.excludeFromWeightDecay(List.of(floats.parameters().get(0)));
        floats.compile(sgd, new org.nnlab.core.loss.SparseCategoricalCrossentropy());
        Sequential doubles = floats.withPrecision(Precision.FLOAT64);
        assertEquals(java.util.Set.of(doubles.parameters().get(0)), doubles.optimizer().excludedFromWeightDecay());

        Tensor x = Tensor.zeros(2, 28, 28);
        Tensor y = Tensor.vector(1, 2);
        FitOptions oneStep = FitOptions.builder().epochs(1).batchSize(2).shuffle(false).verbosity(Verbosity.SILENT).build();
        floats.fit(x, y, oneStep);
        doubles.fit(x, y, oneStep);
        // All-zero inputs give the first kernel no gradient: only weight decay could move it, and it is exempt.
        assertEquals(floats.getWeights().get(0).to(Precision.FLOAT64), doubles.getWeights().get(0),
                "the copy's first kernel is exempt from decay, as the original's is");
    }

    @Test
    void predictOnExamplesEqualsPredictOnTheTensorInEitherPrecision() {
        Tensor x = Tensor.zeros(300, 28, 28);
        for (int i = 0; i < x.size(); i++) {
            x.set(i, (i * 7 % 13) / 13.0);
        }
        for (Precision precision : Precision.values()) {
            Sequential model = new Sequential(new int[] {28, 28}, List.of(new Flatten(),
                    new Dense(100, Activation.RELU), new Dense(10, Activation.SOFTMAX)), 1, precision);
            Tensor fromTensor = model.predict(x, 64);
            Tensor fromExamples = model.predict(Examples.of(x, Tensor.zeros(300)), 64);
            assertEquals(precision, fromExamples.precision());
            assertArrayEquals(new int[] {300, 10}, fromExamples.shape());
            assertEquals(fromTensor, fromExamples, precision + ": the same outputs, batch by batch");
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> mnistModel().predict(Examples.of(Tensor.zeros(3, 4), Tensor.zeros(3)), 32));
        assertTrue(e.getMessage().startsWith("predict: the model expects input of shape (None, 28, 28) but got [3, 4]"),
                e.getMessage());
    }

    @Test
    void summaryShowsTheWeightsMemoryInTheModelsPrecision() {
        Sequential doubles = new Sequential(new int[] {28, 28}, List.of(
                new Flatten(), new Dense(100, Activation.RELU), new Dense(10, Activation.SOFTMAX)), 1, Precision.FLOAT64);
        String summary = doubles.summary();
        assertTrue(summary.contains("\nTotal params: 79,510 (621.17 KB)\nTrainable params: 79,510 (621.17 KB)\n"
                + "Non-trainable params: 0 (0.00 B)\nPrecision: float64\n"), summary);
        String bn = new Sequential(new int[] {4}, List.of(new org.nnlab.core.layer.BatchNormalization()), 0).summary();
        assertTrue(bn.contains("Non-trainable params: 8 (32.00 B)"), bn);
    }

    @Test
    void namesUnnamedLayersLikeKerasAndKeepsGivenNames() {
        Dense named = new Dense("dense", 3, Activation.RELU, true,
                org.nnlab.core.init.Initializer.GLOROT_UNIFORM, org.nnlab.core.init.Initializer.ZEROS);
        Sequential model = new Sequential(new int[] {2}, List.of(new Dense(4, Activation.RELU), named,
                new Dense(1, Activation.LINEAR)), 0);
        assertEquals(List.of("dense_1", "dense", "dense_2"), model.layers().stream().map(l -> l.name()).toList());
        assertEquals("dense_1/kernel", model.parameters().get(0).name());
    }

    @Test
    void rejectsImageIntoDenseWithAHintAboutFlatten() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Sequential(new int[] {28, 28}, List.of(new Dense(10, Activation.SOFTMAX)), 0));
        assertEquals("Layer 1 (dense): Dense expects a flat input (features) but got shape (None, 28, 28). Did you"
                + " forget a Flatten layer before it? It turns (None, 28, 28) into (None, 784).", e.getMessage());
    }

    @Test
    void rejectsNonPositiveInputShape() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Sequential(new int[] {0}, List.of(new Dense(1, Activation.LINEAR)), 0));
        assertEquals("Input shape [0] has dimension 1 = 0; every dimension must be > 0. Hint: give the size of one"
                + " example, without the batch axis, e.g. 28, 28.", e.getMessage());
    }

    @Test
    void sameSeedGivesSameInitialWeightsAndOtherSeedDiffers() {
        assertEquals(mnistModel().getWeights(), mnistModel().getWeights());
        Sequential other = new Sequential(new int[] {28, 28}, List.of(
                new Flatten(), new Dense(100, Activation.RELU), new Dense(10, Activation.SOFTMAX)), 2);
        assertNotEquals(mnistModel().getWeights(), other.getWeights());
    }

    @Test
    void setWeightsRoundTripsAndRejectsWrongShapes() {
        Sequential a = mnistModel();
        Sequential b = new Sequential(new int[] {28, 28}, List.of(
                new Flatten(), new Dense(100, Activation.RELU), new Dense(10, Activation.SOFTMAX)), 7);
        b.setWeights(a.getWeights());
        assertEquals(a.getWeights(), b.getWeights());

        List<Tensor> wrong = new java.util.ArrayList<>(a.getWeights());
        wrong.set(1, Tensor.zeros(99));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> b.setWeights(wrong));
        assertEquals("setWeights: weight 1 (dense/bias) has shape [100] but got [99]", e.getMessage());
        IllegalArgumentException count = assertThrows(IllegalArgumentException.class,
                () -> b.setWeights(a.getWeights().subList(0, 2)));
        assertTrue(count.getMessage().startsWith("setWeights got 2 tensors but the model has 4 weights"), count.getMessage());
    }

    @Test
    void predictMatchesPredictOnBatchAndChecksShape() {
        Sequential model = mnistModel();
        Tensor x = Tensor.zeros(70, 28, 28);
        for (int i = 0; i < x.size(); i++) {
            x.data()[i] = (i * 37 % 101) / 101.0;
        }
        Tensor p = model.predict(x);
        assertArrayEquals(new int[] {70, 10}, p.shape());
        Tensor q = model.predictOnBatch(x);
        for (int i = 0; i < p.size(); i++) {
            assertEquals(q.get(i), p.get(i), 1e-12);
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> model.predict(Tensor.zeros(3, 784)));
        assertEquals("predict: the model expects input of shape (None, 28, 28) but got [3, 784]. Hint: the first axis"
                + " counts examples; the rest must be the model's input shape (reshape the rows to [28, 28]).", e.getMessage());
    }

    @Test
    void fitBeforeCompileExplainsWhatToDo() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> mnistModel().fit(Tensor.zeros(1, 28, 28), Tensor.zeros(1), FitOptions.epochs(1)));
        assertTrue(e.getMessage().startsWith("Cannot fit before compile"), e.getMessage());
    }

    @Test
    void rejectsTwoLayersWithTheSameNameBeforeNamingAny() {
        Dense a = new Dense("hidden", 3, Activation.RELU, true,
                org.nnlab.core.init.Initializer.GLOROT_UNIFORM, org.nnlab.core.init.Initializer.ZEROS);
        Dense b = new Dense("hidden", 1, Activation.LINEAR, true,
                org.nnlab.core.init.Initializer.GLOROT_UNIFORM, org.nnlab.core.init.Initializer.ZEROS);
        Dense unnamed = new Dense(2, Activation.RELU);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Sequential(new int[] {2}, List.of(a, unnamed, b), 0));
        assertEquals("Layer 3 is named 'hidden', but layer 1 already has that name; names must be unique within a"
                + " model. Hint: leave names out and the model numbers them (dense, dense_1, …).", e.getMessage());
        assertEquals(null, unnamed.name());
    }

    @Test
    void summaryWrapsLongLayerNamesKeepingColumnsAligned() {
        String summary = new Sequential(new int[] {4}, List.of(new org.nnlab.core.layer.BatchNormalization()), 0).summary();
        assertTrue(summary.contains(" batch_normalization (BatchN (None, 4)                 16\n ormalization)\n"), summary);
        assertTrue(summary.contains("Non-trainable params: 8"), summary);
    }
}
