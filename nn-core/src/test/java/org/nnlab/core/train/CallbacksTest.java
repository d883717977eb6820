package org.nnlab.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;
import org.nnlab.core.layer.Activation;
import org.nnlab.core.layer.Dense;
import org.nnlab.core.loss.Loss;
import org.nnlab.core.optim.SGD;
import org.nnlab.core.tensor.Precision;
import org.nnlab.core.tensor.Tensor;

/** What fit tells its callbacks, and in which order, checked with Mockito instead of hand-made spies. */
class CallbacksTest {
    private static final Tensor X = Tensor.of(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}, {0.5, 0.5}});
    private static final Tensor Y = Tensor.of(new double[][] {{0}, {1}, {1}, {0}, {1}});

    private static Sequential model() {
        Sequential m = new Sequential(new int[] {2}, List.of(new Dense(3, Activation.TANH),
                new Dense(1, Activation.SIGMOID)), 3);
        m.compile(new SGD(0.1), Loss.BINARY_CROSSENTROPY, Metric.ACCURACY);
        return m;
    }

    private static Map<String, Double> logsWith(String... keys) {
        return argThat(logs -> logs.keySet().equals(java.util.Set.of(keys)));
    }

    @Test
    void callbacksSeeEpochsAndBatchesInOrderWithTheirLogs() {
        Sequential model = model();
        Callback callback = mock(Callback.class);
        // 4 training examples in batches of 2 (the fifth is the validation split), 2 epochs.
        History history = model.fit(X, Y, FitOptions.builder().epochs(2).batchSize(2).validationSplit(0.2).verbose(0)
                .callbacks(callback).build());

        InOrder order = inOrder(callback);
        order.verify(callback).onTrainBegin(model);
        for (int epoch = 0; epoch < 2; epoch++) {
            order.verify(callback).onEpochBegin(epoch);
            for (int batch = 0; batch < 2; batch++) {
                int e = epoch;
                int b = batch;
                order.verify(callback).onBatchGradients(argThat(g -> g.epoch() == e && g.batch() == b));
                order.verify(callback).onBatchEnd(eq(epoch), eq(batch), logsWith("loss", "accuracy"));
            }
            order.verify(callback).onEpochEnd(eq(epoch), logsWith("loss", "accuracy", "val_loss", "val_accuracy"));
        }
        order.verify(callback).onTrainEnd(history);
        verifyNoMoreInteractions(callback);
    }

    @Test
    void epochLogsAreWhatTheHistoryRecords() {
        Callback callback = mock(Callback.class);
        History history = model().fit(X, Y, FitOptions.builder().epochs(3).verbose(0).callbacks(callback).build());
        @SuppressWarnings("unchecked")
        ArgumentCaptor<Map<String, Double>> logs = ArgumentCaptor.forClass(Map.class);
        ArgumentCaptor<Integer> epochs = ArgumentCaptor.forClass(Integer.class);
        verify(callback, org.mockito.Mockito.times(3)).onEpochEnd(epochs.capture(), logs.capture());
        assertEquals(List.of(0, 1, 2), epochs.getAllValues());
        for (int epoch = 0; epoch < 3; epoch++) {
            assertEquals(history.get("loss")[epoch], logs.getAllValues().get(epoch).get("loss"));
        }
    }

    @Test
    void aDivergedStepReachesNoCallbackButTheEnd() {
        // float64: inputs of 1e308 are finite there, and only the step overflows.
        Sequential model = new Sequential(new int[] {2}, List.of(new Dense(3, Activation.TANH),
                new Dense(1, Activation.SIGMOID)), 3, Precision.FLOAT64);
        model.compile(new SGD(0.1), Loss.BINARY_CROSSENTROPY, Metric.ACCURACY);
        Callback callback = mock(Callback.class);
        Tensor huge = Tensor.of(new double[][] {{1e308, 1e308}, {1e308, 1e308}});
        model.setWeights(List.of(Tensor.filled(1e308, 2, 3), Tensor.zeros(3), Tensor.filled(1e308, 3, 1),
                Tensor.zeros(1)));
        History history = model.fit(huge, Tensor.of(new double[][] {{0}, {1}}), FitOptions.builder().epochs(2)
                .verbose(0).callbacks(callback).build());
        verify(callback).onTrainBegin(model);
        verify(callback).onEpochBegin(0);
        verify(callback, never()).onBatchEnd(any(Integer.class), any(Integer.class), any());
        verify(callback, never()).onEpochEnd(any(Integer.class), any());
        verify(callback).onTrainEnd(history);
        assertEquals(0, history.epochs());
    }
}
