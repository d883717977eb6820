package org.nnlab.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nnlab.core.layer.Activation;
import org.nnlab.core.layer.Dense;
import org.nnlab.core.loss.Loss;
import org.nnlab.core.optim.Adam;
import org.nnlab.core.optim.SGD;
import org.nnlab.core.optim.schedule.CosineDecay;
import org.nnlab.core.tensor.Tensor;

/**
 * ReduceLROnPlateau and LearningRateScheduler: Keras 3's callbacks, against their tests
 * ({@code reduce_lr_on_plateau_test.py}, {@code learning_rate_scheduler_test.py}) and a transcription
 * of {@code ReduceLROnPlateau.on_epoch_end}.
 */
class LearningRateCallbacksTest {
    private static final Tensor X = random(1, 10, 3);
    private static final Tensor Y = random(2, 10, 2);

    private static Tensor random(long seed, int... shape) {
        Tensor t = Tensor.zeros(shape);
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = 0; i < t.size(); i++) {
            t.data()[i] = rng.nextDouble(-1, 1);
        }
        return t;
    }

    /** Keras's test model: Dense(5), Dense(2), mse, Adam(0.1). */
    private static Sequential model(long seed) {
        Sequential model = new Sequential(new int[] {3}, List.of(new Dense(5, Activation.LINEAR),
                new Dense(2, Activation.LINEAR)), seed);
        model.compile(new Adam(0.1), Loss.MEAN_SQUARED_ERROR);
        return model;
    }

    private static History fit(Sequential model, int epochs, Callback... callbacks) {
        return model.fit(X, Y, FitOptions.builder().epochs(epochs).verbosity(Verbosity.SILENT).validationData(X, Y)
                .callbacks(callbacks).build());
    }

    @Test
    void reducesTheRateAfterPatienceEpochs() {
        // test_reduces_lr_with_model_fit: patience 1, factor 0.1, min_delta 100, 2 epochs → 0.01
        Sequential model = model(1);
        History h = fit(model, 2, new ReduceLROnPlateau(ReduceLROnPlateau.Config.DEFAULTS.patience(1).factor(0.1)
                .minDelta(100)));
        assertEquals(0.01, model.optimizer().learningRate(), 1e-15);
        // The rate each epoch ran with, logged before any reduction, as Keras logs it.
        assertArrayEquals(new double[] {0.1, 0.1}, h.get("learning_rate"), 0.0);
    }

    @Test
    void honorsMinLr() {
        // test_honors_min_lr: min_delta 10, min_lr 0.005, 4 epochs → 0.005
        Sequential model = model(2);
        fit(model, 4, new ReduceLROnPlateau(ReduceLROnPlateau.Config.DEFAULTS.patience(1).minDelta(10).minLr(0.005)));
        assertEquals(0.005, model.optimizer().learningRate(), 0.0);
    }

    @Test
    void cooldownSkipsEpochsAfterAReduction() {
        // test_cooldown: cooldown 2 reduces every other epoch: two reductions in 4 epochs → 0.001
        Sequential model = model(3);
        History h = fit(model, 4, new ReduceLROnPlateau(ReduceLROnPlateau.Config.DEFAULTS.patience(1).minDelta(100)
                .cooldown(2)));
        assertEquals(0.001, model.optimizer().learningRate(), 1e-15);
        assertArrayEquals(new double[] {0.1, 0.1, 0.01, 0.01}, h.get("learning_rate"), 1e-15);
    }

    /** Keras's ReduceLROnPlateau.on_epoch_end for "min" mode, line by line, over a list of monitored values. */
    private static List<Double> kerasRates(double[] values, double lr, double factor, int patience, double minDelta,
                                           int cooldown, double minLr) {
        Double best = null;
        int wait = 0;
        int cooldownCounter = 0;
        List<Double> rates = new ArrayList<>();
        for (double current : values) {
            if (cooldownCounter > 0) {               // if self.in_cooldown(): self.cooldown_counter -= 1; self.wait = 0
                cooldownCounter -= 1;
                wait = 0;
            }
            if (best == null || current + minDelta < best) {   // _is_improvement: less(current - (-min_delta), best)
                best = current;
                wait = 0;
            } else if (!(cooldownCounter > 0)) {
                wait += 1;
                if (wait >= patience && lr > minLr) {          // _reduce_optimizer_lr
                    lr = Math.max(lr * factor, minLr);
                    cooldownCounter = cooldown;
                    wait = 0;
                }
            }
            rates.add(lr);
        }
        return rates;
    }

    @Test
    void followsKerasRuleEpochByEpoch() {
        double[] valLoss = {1.0, 0.9, 0.9, 0.95, 0.85, 0.86, 0.86, 0.86, 0.7, 0.71, 0.72, 0.73, 0.74, 0.75};
        ReduceLROnPlateau.Config config = ReduceLROnPlateau.Config.DEFAULTS.factor(0.5).patience(2).minDelta(0.01)
                .cooldown(1).minLr(0.02);
        Sequential model = new Sequential(new int[] {1}, List.of(new Dense(1, Activation.LINEAR)), 1);
        model.compile(new SGD(0.1), Loss.MEAN_SQUARED_ERROR);
        ReduceLROnPlateau callback = new ReduceLROnPlateau(config);
        callback.onTrainBegin(model);
        List<Double> rates = new ArrayList<>();
        for (int epoch = 0; epoch < valLoss.length; epoch++) {
            Map<String, Double> logs = new LinkedHashMap<>(Map.of("loss", 1.0, "val_loss", valLoss[epoch]));
            callback.onEpochEnd(epoch, logs);
            rates.add(model.optimizer().learningRate());
        }
        assertEquals(kerasRates(valLoss, 0.1, 0.5, 2, 0.01, 1, 0.02), rates);
        assertEquals(0.02, rates.get(rates.size() - 1), "the rate stops at minLr");
    }

    @Test
    void countersFollowTheModelAcrossFitCalls() {
        ReduceLROnPlateau.Config config = ReduceLROnPlateau.Config.DEFAULTS.patience(2).factor(0.5).minDelta(0.05);
        Sequential once = model(4);
        History whole = fit(once, 8, new ReduceLROnPlateau(config));
        Sequential twice = model(4);
        ReduceLROnPlateau callback = new ReduceLROnPlateau(config);
        History first = fit(twice, 5, callback);
        History second = fit(twice, 3, callback);
        List<Double> rates = new ArrayList<>(first.asMap().get("learning_rate"));
        rates.addAll(second.asMap().get("learning_rate"));
        assertEquals(whole.asMap().get("learning_rate"), rates);
        assertEquals(once.getWeights(), twice.getWeights());
    }

    @Test
    void restoredCountersContinueOnAModelAtTheSameEpoch() {
        ReduceLROnPlateau.Config config = ReduceLROnPlateau.Config.DEFAULTS.patience(2).factor(0.5).minDelta(0.05);
        Sequential original = model(5);
        ReduceLROnPlateau callback = new ReduceLROnPlateau(config);
        fit(original, 5, callback);
        ReduceLROnPlateau.State state = callback.state();
        assertEquals(5, state.epochs());

        // What loading a model file does: same weights, optimizer state and progress, counters restored.
        Sequential loaded = model(5);
        loaded.setWeights(original.getWeights());
        loaded.optimizer().restore(loaded.parameters(), original.optimizer().snapshot(original.parameters()));
        loaded.restoreProgress(original.progress());
        ReduceLROnPlateau restored = new ReduceLROnPlateau(config);
        restored.restore(state);
        History a = fit(original, 3, callback);
        History b = fit(loaded, 3, restored);
        assertEquals(a.asMap(), b.asMap());
        assertEquals(original.getWeights(), loaded.getWeights());
    }

    @Test
    void anotherModelStartsAfresh() {
        ReduceLROnPlateau callback = new ReduceLROnPlateau(ReduceLROnPlateau.Config.DEFAULTS.patience(1).minDelta(100));
        fit(model(6), 2, callback);
        assertEquals(2, callback.state().epochs());
        fit(model(7), 1, callback);
        assertEquals(0, callback.state().epochsWaited(), "one epoch of a new model: a first best, no wait");
        assertNull(new ReduceLROnPlateau(ReduceLROnPlateau.Config.DEFAULTS).state());
    }

    @Test
    void refusesAnOptimizerWithASchedule() {
        // test_throws_when_optimizer_has_schedule
        Sequential model = new Sequential(new int[] {3}, List.of(new Dense(2, Activation.LINEAR)), 1);
        model.compile(new Adam(Adam.Config.DEFAULTS.learningRate(new CosineDecay(0.1, 10))), Loss.MEAN_SQUARED_ERROR);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> fit(model, 1, new ReduceLROnPlateau(Monitor.VAL_LOSS, 0.1, 1)));
        assertEquals("ReduceLROnPlateau sets the learning rate, but the optimizer was created with the schedule"
                + " CosineDecay[initialLearningRate=0.1, decaySteps=10, alpha=0.0, warmupTarget=null, warmupSteps=0],"
                + " whose rate is not settable, as in Keras. Hint: give the optimizer a constant learning rate, or drop"
                + " ReduceLROnPlateau.", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> fit(model, 1, new LearningRateScheduler(epoch -> 0.1)));
    }

    @Test
    void badOptionsAreRefusedWithTheRange() {
        IllegalArgumentException factor = assertThrows(IllegalArgumentException.class,
                () -> ReduceLROnPlateau.Config.DEFAULTS.factor(1.0));
        assertEquals("ReduceLROnPlateau factor (1.0) must be in (0, 1). Hint: the new rate is rate * factor; Keras uses"
                + " 0.1, and a factor >= 1 would not reduce it.", factor.getMessage());
        IllegalArgumentException minLr = assertThrows(IllegalArgumentException.class,
                () -> ReduceLROnPlateau.Config.DEFAULTS.minLr(-1e-5));
        assertEquals("ReduceLROnPlateau minLr (-1.0E-5) must be >= 0. Hint: it is the lowest rate; Keras uses 0.",
                minLr.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ReduceLROnPlateau.Config.DEFAULTS.cooldown(-1));
        assertThrows(IllegalArgumentException.class, () -> ReduceLROnPlateau.Config.DEFAULTS.minDelta(Double.NaN));
    }

    @Test
    void aMonitoredMetricMustBeCompiled() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> fit(model(8), 1, new ReduceLROnPlateau(Monitor.VAL_ACCURACY, 0.5, 2)));
        assertTrue(e.getMessage().startsWith("Monitor VAL_ACCURACY ('val_accuracy') needs the ACCURACY metric"),
                e.getMessage());
    }

    @Test
    void theProgressLineShowsTheLearningRate() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        model(9).fit(X, Y, FitOptions.builder().epochs(1).verbosity(Verbosity.EPOCH_LINES)
                .out(new PrintStream(bytes, true, StandardCharsets.UTF_8)).reduceLROnPlateau(Monitor.LOSS, 0.5, 3)
                .build());
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains(" - learning_rate: 0.1000"), out);
    }

    @Test
    void schedulerSetsTheRateFromTheEpoch() {
        // test_updates_learning_rate: lambda step: 1.0 / (2.0 + step), 1 epoch → 0.5; test_learning_rate_in_history
        Sequential model = model(10);
        History h = fit(model, 1, new LearningRateScheduler(epoch -> 1.0 / (2.0 + epoch)));
        assertEquals(0.5, model.optimizer().learningRate(), 0.0);
        assertArrayEquals(new double[] {0.5}, h.get("learning_rate"), 0.0);
    }

    @Test
    void schedulerCanDependOnThePreviousRate() {
        // test_schedule_dependent_on_previous_learning_rate: lr / 2 twice from Adam(0.03) → 0.03 / 4
        Sequential model = new Sequential(new int[] {3}, List.of(new Dense(2, Activation.LINEAR)), 1);
        model.compile(new Adam(0.03), Loss.MEAN_SQUARED_ERROR);
        fit(model, 2, new LearningRateScheduler((epoch, lr) -> lr / 2));
        assertEquals(0.03 / 4.0, model.optimizer().learningRate(), 0.0);
    }

    @Test
    void schedulerEpochsCountOverEveryFit() {
        Sequential model = model(11);
        List<Long> seen = new ArrayList<>();
        LearningRateScheduler scheduler = new LearningRateScheduler((epoch, lr) -> {
            seen.add(epoch);
            return lr;
        });
        fit(model, 2, scheduler);
        fit(model, 2, scheduler);
        assertEquals(List.of(0L, 1L, 2L, 3L), seen);
    }

    @Test
    void schedulerRefusesANonPositiveRate() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> fit(model(12), 3, new LearningRateScheduler(epoch -> 0.1 - 0.1 * epoch)));
        assertEquals("LearningRateScheduler's schedule gave the learning rate 0.0 for epoch 1; a learning rate must be"
                + " finite and > 0. Hint: return a positive rate for every epoch, e.g. (epoch, lr) -> lr * 0.9.",
                e.getMessage());
    }
}
