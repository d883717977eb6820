package org.nnlab.dsl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nnlab.core.layer.Activation.SIGMOID;
import static org.nnlab.core.layer.Activation.SOFTMAX;
import static org.nnlab.core.train.Metric.ACCURACY;
import static org.nnlab.dsl.spec.LossKind.BINARY_CROSSENTROPY;
import static org.nnlab.dsl.spec.LossKind.SPARSE_CATEGORICAL_CROSSENTROPY;

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
        assertEquals(spec.table().trainableParams(), m.sequential().trainableParameterCount());
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
                .compile(Optimizers.adam().learningRate(0.1), BINARY_CROSSENTROPY, ACCURACY)
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
                .compile(Optimizers.sgd().learningRate(0.1), BINARY_CROSSENTROPY, ACCURACY)
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
                .compile(Optimizers.adam(), SPARSE_CATEGORICAL_CROSSENTROPY, ACCURACY)
                .fit(f -> f.verbosity(Verbosity.SILENT))
                .build();
        List<Tensor> before = m.getWeights();
        Tensor x = Tensor.zeros(4, 2);
        Tensor y = Tensor.vector(0, 4, 1, 9);
        String msg = assertThrows(IllegalArgumentException.class, () -> m.fit(x, y)).getMessage();
        assertEquals("The training targets do not fit model 'sequential': Label 9 in row 3 does not fit Dense layer 1"
                + " (dense), which has 5 units, one per class: labels must be integers in [0, 5). Hint: the output"
                + " layer needs as many units as there are classes, e.g. dense(10, SOFTMAX) for the digits 0–9.", msg);
        assertEquals(before, m.getWeights());
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
}
