package org.nnlab.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nnlab.dsl.Nn.MEAN_SQUARED_ERROR;
import static org.nnlab.dsl.Nn.MSE;
import static org.nnlab.dsl.Nn.RELU;
import static org.nnlab.dsl.Nn.VAL_LOSS;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnlab.core.optim.schedule.CosineDecayRestarts;
import org.nnlab.core.optim.schedule.LearningRate;
import org.nnlab.core.optim.schedule.PolynomialDecay;
import org.nnlab.core.tensor.Tensor;
import org.nnlab.core.train.FitOptions;
import org.nnlab.core.train.History;
import org.nnlab.core.train.ReduceLROnPlateau;
import org.nnlab.core.train.Verbosity;
import org.nnlab.dsl.spec.ModelSpec;

/**
 * Penalties on weights and outputs, weight decay, clipping, schedules and ReduceLROnPlateau through a save and a load:
 * training resumes exactly, the schedule's step and the plateau's counters included.
 */
class RegularizedResumeTest {
    private static final Tensor X = random(1, 48, 3);
    private static final Tensor Y = random(2, 48, 1);

    private static Tensor random(long seed, int... shape) {
        Tensor t = Tensor.zeros(shape);
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = 0; i < t.size(); i++) {
            t.data()[i] = rng.nextDouble(-1, 1);
        }
        return t;
    }

    private static LayerStage layers() {
        return Nn.input(3)
                .dense(16, RELU, d -> d.kernelRegularizer(Nn.l2(1e-3)).biasRegularizer(Nn.l1(1e-4))
                        .activityRegularizer(Nn.l2(1e-4)))
                .batchNormalization(b -> b.gammaRegularizer(Nn.l2(1e-3)))
                .dropout(0.1)
                .dense(1, d -> d.kernelRegularizer(Nn.l1l2(1e-4, 1e-3)).activityRegularizer(Nn.l1(1e-4)));
    }

    /** A constant rate that ReduceLROnPlateau lowers fast, with AdamW's decay and global clipping. */
    private static ModelSpec plateau() {
        return layers()
                .compile(Nn.adamw().learningRate(0.05).weightDecay(0.01).excludeFromWeightDecay("bias", "beta")
                        .globalClipnorm(1.0), MEAN_SQUARED_ERROR, MSE)
                .fit(f -> f.epochs(4).batchSize(8).validationSplit(0.25).verbosity(Verbosity.SILENT)
                        .callbacks(new ReduceLROnPlateau(ReduceLROnPlateau.Config.DEFAULTS.monitor(VAL_LOSS)
                                .factor(0.5).patience(1).minDelta(0.5).cooldown(1))))
                .seed(3)
                .spec();
    }

    /** A cosine schedule with warm-up under SGD with momentum, decay and clipnorm. */
    private static ModelSpec scheduled() {
        return layers()
                .compile(Nn.sgd().momentum(0.9).learningRate(Nn.cosineDecay(0.0, 30, 0.05, 6))
                        .weightDecay(0.001).clipnorm(0.5), MEAN_SQUARED_ERROR, MSE)
                .fit(f -> f.epochs(4).batchSize(8).verbosity(Verbosity.SILENT))
                .seed(4)
                .spec();
    }

    /**
     * The given schedule under Adam with clipping: 6 steps an epoch, so the 4 + 4 epochs cross the
     * save at step 24 in the middle of a cycle or period.
     */
    private static ModelSpec scheduled(LearningRate schedule) {
        return layers()
                .compile(Nn.adam().learningRate(schedule).clipvalue(1.0), MEAN_SQUARED_ERROR, MSE)
                .fit(f -> f.epochs(4).batchSize(8).verbosity(Verbosity.SILENT))
                .seed(5)
                .spec();
    }

    /** Trains 8 epochs straight and 4 + save + load + 4, and compares weights, rates and losses. */
    private static void assertResumesExactly(ModelSpec spec, Path dir) throws IOException {
        Model straight = Model.compile(spec);
        History a = straight.fit(X, Y);
        History b = straight.fit(X, Y);

        Model first = Model.compile(spec);
        History c = first.fit(X, Y);
        Path file = dir.resolve("checkpoint.nnlab");
        first.save(file);
        Model resumed = Model.load(file);
        assertEquals(spec.training().optimizer().learningRate(), resumed.sequential().optimizer().config().learningRate(),
                "the model file keeps the learning rate or schedule");
        String summary = resumed.sequential().summary();
        assertTrue(summary.contains(" dense/activity: L2(l2=1.0E-4)\n") && summary.contains(" dense_1/activity: L1(l1=1.0E-4)\n"),
                "the model file keeps the activity regularizers: " + summary);
        History d = resumed.fit(X, Y);

        assertEquals(straight.getWeights(), resumed.getWeights());
        assertEquals(a.asMap(), c.asMap());
        assertEquals(b.asMap(), d.asMap());
        assertEquals(straight.sequential().optimizer().learningRate(), resumed.sequential().optimizer().learningRate());
    }

    @Test
    void plateauCountersAndTheLoweredRateResume(@TempDir Path dir) throws IOException {
        assertResumesExactly(plateau(), dir);
        Model m = Model.compile(plateau());
        List<Double> rates = new ArrayList<>(m.fit(X, Y).asMap().get("learning_rate"));
        rates.addAll(m.fit(X, Y).asMap().get("learning_rate"));
        assertTrue(rates.get(rates.size() - 1) < 0.05, "the plateau lowered the rate: " + rates);
    }

    @Test
    void theSchedulesStepResumes(@TempDir Path dir) throws IOException {
        assertResumesExactly(scheduled(), dir);
    }

    @Test
    void aCyclingPolynomialDecayResumesMidCycle(@TempDir Path dir) throws IOException {
        // Cycles of 10, 20, 30 steps: the save at step 24 falls in the third.
        PolynomialDecay schedule = Nn.polynomialDecay(0.05, 10, 0.001).power(2).cycle(true);
        assertResumesExactly(scheduled(schedule), dir);
        assertLogsTheSchedule(schedule);
    }

    @Test
    void cosineDecayRestartsResumeMidPeriod(@TempDir Path dir) throws IOException {
        // Periods of 5, 10, 20, 40 steps starting at 0, 5, 15, 35: the save at step 24 falls in the third.
        CosineDecayRestarts schedule = Nn.cosineDecayRestarts(0.05, 5).mMul(0.5).alpha(0.02);
        assertResumesExactly(scheduled(schedule), dir);
        assertLogsTheSchedule(schedule);
    }

    /** The History's learning_rate is the schedule at the steps after each epoch, across a save and a load. */
    private static void assertLogsTheSchedule(LearningRate schedule) {
        Model m = Model.compile(scheduled(schedule));
        List<Double> logged = new ArrayList<>(m.fit(X, Y).asMap().get("learning_rate"));
        logged.addAll(m.fit(X, Y).asMap().get("learning_rate"));
        List<Double> expected = new ArrayList<>();
        for (int epoch = 1; epoch <= 8; epoch++) {
            expected.add(schedule.at(6L * epoch));
        }
        assertEquals(expected, logged);
    }

    @Test
    void twoModelsFromOneSpecKeepTheirOwnCounters() {
        ModelSpec spec = plateau();
        Model alone = Model.compile(spec);
        History expected = alone.fit(X, Y);
        alone.fit(X, Y);
        History expectedSecond = alone.fit(X, Y);

        Model one = Model.compile(spec);
        Model other = Model.compile(spec);
        assertEquals(expected.asMap(), one.fit(X, Y).asMap());
        other.fit(X, Y);
        one.fit(X, Y);
        other.fit(X, Y);
        assertEquals(expectedSecond.asMap(), one.fit(X, Y).asMap());
    }

    @Test
    void aCallbackGivenAtFitTimeRunsBesideTheSavedOnes() {
        Model m = Model.compile(scheduled());
        List<Double> seen = new ArrayList<>();
        Consumer<FitOptions.Builder> options = f -> f.epochs(2).callbacks(new org.nnlab.core.train.Callback() {
            @Override
            public void onEpochEnd(int epoch, java.util.Map<String, Double> logs) {
                seen.add(logs.get("learning_rate"));
            }
        });
        History h = m.fit(X, Y, options);
        assertEquals(h.asMap().get("learning_rate"), seen);
    }
}
