package org.nnlab.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ProgressBarTest {

    private static final java.util.Map<String, Double> LOGS = new java.util.LinkedHashMap<>(java.util.Map.of(
            "loss", 0.2950));

    static {
        LOGS.put("accuracy", 0.9147);
        LOGS.put("val_loss", 0.3012);
        LOGS.put("val_accuracy", 0.9111);
    }

    @Test
    void keepsKerasLineWhenItFits() {
        String line = ProgressBar.fit(1875, 1875, " - 3s 1ms/step", java.util.Map.of("loss", 0.2950), 200);
        assertEquals("1875/1875 [==============================] - 3s 1ms/step - loss: 0.2950", line);
    }

    @Test
    void onEightyColumnsEveryLineStaysOnOneLine() {
        for (int step : new int[] {1, 938, 1874}) {
            String line = ProgressBar.fit(step, 1875, " - ETA: 1:23", LOGS, 80);
            org.junit.jupiter.api.Assertions.assertTrue(line.length() <= 79, line.length() + ": " + line);
            org.junit.jupiter.api.Assertions.assertTrue(line.contains("loss: 0.2950"), line);
        }
        String end = ProgressBar.fit(1875, 1875, " - 3s 1ms/step", LOGS, 80);
        assertEquals("1875/1875 [===================] - 3s 1ms/step - loss: 0.2950 - accuracy: 0.9147", end,
                "the val_ metrics are dropped from the end and the bar takes the room left");
    }

    @Test
    void aNarrowTerminalShortensTheBarBeforeDroppingMetrics() {
        String line = ProgressBar.fit(938, 1875, " - ETA: 2s", java.util.Map.of("loss", 0.2950), 60);
        assertEquals(" 938/1875 [==========>...........] - ETA: 2s - loss: 0.2950", line);
    }

    @Test
    void widthComesFromColumnsOrDefaultsToEighty() {
        assertEquals(120, TerminalWidth.fromColumns("120"));
        assertEquals(80, TerminalWidth.fromColumns(null));
        assertEquals(80, TerminalWidth.fromColumns("wide"));
        assertEquals(20, TerminalWidth.fromColumns("5"), "never narrower than a counter and a short bar");
    }

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
