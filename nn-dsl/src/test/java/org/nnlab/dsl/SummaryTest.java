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
                Total params: 79,510
                Trainable params: 79,510
                Non-trainable params: 0
                _________________________________________________________________
                """;
        assertEquals(expected, LectureModels.mnist().summary());
    }

    @Test
    void batchNormalizationRowsCountMovingStatisticsAsNonTrainable() {
        String s = LectureModels.deepSigmoidBatchNorm().named("deep_bn").summary();
        assertTrue(s.startsWith("Model: \"deep_bn\"\n"), s);
        assertTrue(s.contains("\n batch_normalization (BatchN (None, 30)                120\n ormalization)\n"), s);
        assertTrue(s.contains("\nTotal params: 17,361\nTrainable params: 16,841\nNon-trainable params: 520\n"), s);
    }

    @Test
    void regularizedWeightsAreListedBeforeAndAfterBuilding() {
        TrainingStage stage = Nn.input(2).dense(10, Nn.RELU, d -> d.kernelRegularizer(Nn.l2()))
                .batchNormalization(b -> b.betaRegularizer(Nn.l1(0.001)))
                .dense(1, Nn.SIGMOID).compile(Nn.adam(), Nn.BINARY_CROSSENTROPY);
        String s = stage.summary();
        assertTrue(s.endsWith("Non-trainable params: 20\nRegularizers (added to the loss):\n dense/kernel: L2(l2=0.01)\n"
                + " batch_normalization/beta: L1(l1=0.001)\n" + "_".repeat(65) + "\n"), s);
        assertEquals(s, stage.build().summary());
    }
}
