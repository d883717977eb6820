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
}
