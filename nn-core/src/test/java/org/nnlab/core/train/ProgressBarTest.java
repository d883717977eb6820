package org.nnlab.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ProgressBarTest {

    @Test
    void drawsBarLikeKeras() {
        assertEquals("  32/1875 [..............................]", ProgressBar.bar(32, 1875));
        assertEquals(" 938/1875 [==============>...............]", ProgressBar.bar(938, 1875));
        assertEquals("1875/1875 [==============================]", ProgressBar.bar(1875, 1875));
    }

    @Test
    void formatsTimePerStepInTheLargestFittingUnit() {
        assertEquals("2s/step", ProgressBar.formatPerStep(1.6));
        assertEquals("1ms/step", ProgressBar.formatPerStep(0.0012));
        assertEquals("450us/step", ProgressBar.formatPerStep(0.00045));
    }

    @Test
    void formatsEtaAsMinutesAndSeconds() {
        assertEquals("45s", ProgressBar.formatEta(45));
        assertEquals("1:23", ProgressBar.formatEta(83));
        assertEquals("1:00:05", ProgressBar.formatEta(3605));
    }

    @Test
    void formatsValuesWithFourDecimals() {
        assertEquals("0.2950", ProgressBar.formatValue(0.29501));
        assertEquals("1.2346e-05", ProgressBar.formatValue(0.0000123456));
    }
}
