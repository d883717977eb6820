package org.nnlab.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nnlab.core.layer.Activation;
import org.nnlab.core.layer.Dense;
import org.nnlab.core.loss.MeanSquaredError;
import org.nnlab.core.optim.SGD;
import org.nnlab.core.tensor.Tensor;

class TrainingMonitorTest {

    @Test
    void aDivergedFitIsALearningRateTooHigh() {
        Sequential model = new Sequential(new int[] {1}, List.of(new Dense(8, Activation.RELU),
                new Dense(1, Activation.LINEAR)), 3);
        model.compile(new SGD(1e6), new MeanSquaredError());
        Tensor x = Tensor.zeros(64, 1);
        Tensor y = Tensor.zeros(64, 1);
        for (int i = 0; i < 64; i++) {
            x.set(i, 0, i / 8.0);
            y.set(i, 0, i);
        }
        History h = model.fit(x, y, FitOptions.builder().epochs(50).verbosity(Verbosity.SILENT).diagnostics(true).build());
        assertTrue(h.stopReason().isPresent(), "the loss overflows: " + h.stopReason());
        assertEquals(1, h.findings().size(), "reported once, though it blew up before it diverged: " + h.findings());
        Finding f = h.findings().get(0);
        assertEquals(Finding.Kind.LEARNING_RATE_TOO_HIGH, f.kind());
        assertTrue(f.observation().startsWith("the loss rose from "), f.observation());
        assertTrue(f.observation().endsWith("(learning rate 1.0e+06)"), f.observation());
        assertTrue(h.toString().contains("1 finding: learning rate too high"), h.toString());
    }

    @Test
    void aFitThatDivergesAtOnceIsReportedAsDiverged() {
        Sequential model = new Sequential(new int[] {1}, List.of(new Dense(1, Activation.LINEAR)), 3);
        model.compile(new SGD(1e300), new MeanSquaredError());
        Tensor x = Tensor.filled(1e10, 4, 1);
        Tensor y = Tensor.zeros(4, 1);
        History h = model.fit(x, y, FitOptions.builder().epochs(3).batchSize(2).verbosity(Verbosity.SILENT)
                .diagnostics(true).build());
        assertTrue(h.stopReason().isPresent(), h.toString());
        List<Finding.Kind> kinds = h.findings().stream().map(Finding::kind).toList();
        assertTrue(kinds.contains(Finding.Kind.INPUT_SCALE), "1e10 inputs: " + h.findings());
        assertTrue(!kinds.contains(Finding.Kind.LEARNING_RATE_TOO_HIGH), "explained by the inputs: " + h.findings());

        Sequential unit = new Sequential(new int[] {1}, List.of(new Dense(1, Activation.LINEAR)), 3);
        unit.compile(new SGD(1e300), new MeanSquaredError());
        History scaled = unit.fit(Tensor.filled(1, 4, 1), Tensor.filled(5, 4, 1), FitOptions.builder().epochs(3)
                .batchSize(2).verbosity(Verbosity.SILENT).diagnostics(true).build());
        assertEquals(1, scaled.findings().size(), scaled.findings().toString());
        assertTrue(scaled.findings().get(0).toString().startsWith("Learning rate too high (§3), epoch 1: training"
                + " diverged: "), scaled.findings().toString());
    }

    @Test
    void theDiagnosticsSwitchSurvivesToBuilderAndDefaultsToWhenVerbose() {
        assertEquals(Diagnostics.WHEN_VERBOSE, FitOptions.defaults().diagnostics());
        assertEquals(Diagnostics.OFF, FitOptions.builder().diagnostics(false).build().toBuilder().build().diagnostics());
        assertEquals(Diagnostics.ON, FitOptions.builder().diagnostics(true).build().withCallbacks(List.of()).diagnostics());
        assertTrue(Diagnostics.WHEN_VERBOSE.enabledAt(Verbosity.EPOCH_LINES));
        assertTrue(!Diagnostics.WHEN_VERBOSE.enabledAt(Verbosity.SILENT) && Diagnostics.ON.enabledAt(Verbosity.SILENT));
    }

    @Test
    void aFindingReadsAsTheLectureWouldSayIt() {
        Finding f = new Finding(Finding.Kind.OVERFITTING, 12, null, "val_loss rose from 0.2 at epoch 4 to 0.3");
        assertEquals("Overfitting (§8.3), epoch 12: val_loss rose from 0.2 at epoch 4 to 0.3. Hint: the model memorises"
                + " the training examples; try dropout or batch normalization (§8.3), a weight penalty such as"
                + " Nn.l2(0.01), more data, or early stopping on val_loss.", f.toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Finding(Finding.Kind.OVERFITTING, 0, null, "x"));
        assertEquals("A finding's epoch is 1-based but got 0", e.getMessage());
    }
}
