package org.nnlab.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SummaryTest {

    @Test
    void mnistSummaryMatchesKerasLayout() {
        String expected = """
                Model: "sequential"
                _________________________________________________________________
                 Layer (type)                Output Shape              Param #
                =================================================================
                 flatten (Flatten)           (None, 784)               0

                 dense (Dense)               (None, 100)               78500

                 dense_1 (Dense)             (None, 10)                1010
                =================================================================
                Total params: 79,510 (310.59 KB)
                Trainable params: 79,510 (310.59 KB)
                Non-trainable params: 0 (0.00 B)
                Precision: float32
                _________________________________________________________________
                """;
        assertEquals(expected, LectureModels.mnist().summary());
        assertEquals(expected, LectureModels.mnist().build().summary(), "the built model's summary is the spec's");
    }

    @Test
    void aFloat64ModelSaysSoAndCountsEightBytesPerWeight() {
        String s = LectureModels.mnist().precision(Nn.FLOAT64).summary();
        assertTrue(s.contains("\nTotal params: 79,510 (621.17 KB)\n"), s);
        assertTrue(s.contains("\nPrecision: float64\n"), s);
        assertEquals(s, LectureModels.mnist().precision(Nn.FLOAT64).build().summary());
    }

    @Test
    void batchNormalizationRowsCountMovingStatisticsAsNonTrainable() {
        String s = LectureModels.deepSigmoidBatchNorm().named("deep_bn").summary();
        assertTrue(s.startsWith("Model: \"deep_bn\"\n"), s);
        assertTrue(s.contains("\n batch_normalization (BatchN (None, 30)                120\n ormalization)\n"), s);
        assertTrue(s.contains("\nTotal params: 17,361 (67.82 KB)\nTrainable params: 16,841 (65.79 KB)\n"
                + "Non-trainable params: 520 (2.03 KB)\n"), s);
    }

    @Test
    void regularizedWeightsAreListedBeforeAndAfterBuilding() {
        TrainingStage stage = Nn.input(2).dense(10, Nn.RELU, d -> d.kernelRegularizer(Nn.l2()))
                .batchNormalization(b -> b.betaRegularizer(Nn.l1(0.001)))
                .dense(1, Nn.SIGMOID, d -> d.activityRegularizer(Nn.l2(1e-5))).compile(Nn.adam(), Nn.BINARY_CROSSENTROPY);
        String s = stage.summary();
        assertTrue(s.endsWith("Non-trainable params: 20 (80.00 B)\nPrecision: float32\nRegularizers (added to the loss):\n dense/kernel: L2(l2=0.01)\n"
                + " batch_normalization/beta: L1(l1=0.001)\n dense_1/activity: L2(l2=1.0E-5)\n" + "_".repeat(65) + "\n"), s);
        assertEquals(s, stage.build().summary());
    }
}
