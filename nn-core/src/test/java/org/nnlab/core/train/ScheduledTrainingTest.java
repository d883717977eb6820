package org.nnlab.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.nnlab.core.init.Initializer;
import org.nnlab.core.layer.Activation;
import org.nnlab.core.layer.Dense;
import org.nnlab.core.loss.Loss;
import org.nnlab.core.optim.Adam;
import org.nnlab.core.optim.AdamW;
import org.nnlab.core.optim.SGD;
import org.nnlab.core.optim.schedule.CosineDecayRestarts;
import org.nnlab.core.optim.schedule.ExponentialDecay;
import org.nnlab.core.optim.schedule.LearningRate;
import org.nnlab.core.optim.schedule.PolynomialDecay;
import org.nnlab.core.tensor.Precision;
import org.nnlab.core.tensor.Tensor;

/** Schedules and weight-decay exclusions as a model trains, against Keras's published fit values. */
class ScheduledTrainingTest {

    @Test
    void exponentialDecayFitMatchesKerasPublishedLosses() {
        // learning_rate_schedule_test.py test_fit_lr_correctness: Dense(2, kernel and bias "ones"), Adam with
        // ExponentialDecay(0.05, decay_steps=1, decay_rate=0.9), mse, x = y = arange(32).reshape(16, 2),
        // epochs 3, batch 4, no shuffling: loss [230.79457092285156, 128.30319213867188, 79.33648681640625], rtol 5e-5.
        Sequential model = new Sequential(new int[] {2}, List.of(Dense.Config.of(2, Activation.LINEAR)
                .kernelInitializer(Initializer.ONES).biasInitializer(Initializer.ONES).create()), 1);
        Adam adam = new Adam(Adam.Config.DEFAULTS.learningRate(new ExponentialDecay(0.05, 1, 0.9)));
        model.compile(adam, Loss.MEAN_SQUARED_ERROR);
        double[][] rows = new double[16][2];
        for (int i = 0; i < 32; i++) {
            rows[i / 2][i % 2] = i;
        }
        Tensor x = Tensor.matrix(rows);
        History h = model.fit(x, x, FitOptions.builder().epochs(3).batchSize(4).shuffle(false)
                .verbosity(Verbosity.SILENT).build());
        double[] keras = {230.79457092285156, 128.30319213867188, 79.33648681640625};
        double[] loss = h.get("loss");
        for (int e = 0; e < 3; e++) {
            assertEquals(keras[e], loss[e], 5e-5 * keras[e], "epoch " + (e + 1));
        }
        assertEquals(12, adam.iterations());
        // With a schedule the rate the next step would use is in the logs, as the callbacks log it.
        assertEquals(0.05 * Math.pow(0.9, 12), h.last("learning_rate"), 1e-15);
    }

    /**
     * A bias alone learning 0 from 1 under SGD: x = 0, y = 0, so the loss is b² and b ← b·(1 − 2η) at each
     * step, and after six steps b = Π (1 − 2·at(k)) for k = 0 … 5. The rates and products were computed in
     * /usr/bin/python3 with plain math from Keras's formulas (PolynomialDecay.__call__, and
     * np_cosine_decay_restarts of learning_rate_schedule_test.py).
     */
    static Stream<Arguments> scheduledFits() {
        List<Arguments> fits = new ArrayList<>();
        for (Precision precision : Precision.values()) {
            // PolynomialDecay(0.2, 2, 0.05, power=2, cycle=True): at(0 … 6)
            fits.add(Arguments.of(precision, new PolynomialDecay(0.2, 2, 0.05, 2.0, true), new double[] {0.2,
                0.08750000000000001, 0.05, 0.059375000000000004, 0.05, 0.05416666666666667, 0.05}, 0.31505899218749994));
            // CosineDecayRestarts(0.2, 2, t_mul=2, m_mul=0.5, alpha=0.1): restarts at steps 2 and 6
            fits.add(Arguments.of(precision, new CosineDecayRestarts(0.2, 2, 2.0, 0.5, 0.1), new double[] {0.2,
                0.11000000000000001, 0.11000000000000001, 0.09681980515339464, 0.065, 0.033180194846605365, 0.065},
                0.23909371668));
        }
        return fits.stream();
    }

    @ParameterizedTest
    @MethodSource("scheduledFits")
    void aFitFollowsTheScheduleAndLogsItsRate(Precision precision, LearningRate schedule, double[] rates,
                                              double bias) {
        Sequential model = new Sequential(new int[] {1}, List.of(Dense.Config.of(1, Activation.LINEAR)
                .kernelInitializer(Initializer.ONES).biasInitializer(Initializer.ONES).create()), 1, precision);
        SGD sgd = new SGD(SGD.Config.DEFAULTS.learningRate(schedule));
        model.compile(sgd, Loss.MEAN_SQUARED_ERROR);
        History h = model.fit(Tensor.matrix(new double[][] {{0}}), Tensor.matrix(new double[][] {{0}}),
                FitOptions.builder().epochs(6).batchSize(1).verbosity(Verbosity.SILENT).build());
        assertEquals(6, sgd.iterations());
        // One step per epoch: each epoch logs the rate of the step after it, at(1) … at(6).
        assertArrayEquals(Arrays.copyOfRange(rates, 1, 7), h.get("learning_rate"), 1e-17);
        for (int k = 0; k < rates.length; k++) {
            assertEquals(rates[k], schedule.at(k), 1e-17, "at(" + k + ")");
        }
        Dense dense = (Dense) model.layers().get(0);
        // float32 steps with the rate rounded to float, as a float32 Keras variable holds it.
        assertEquals(bias, dense.bias().value().get(0), precision == Precision.FLOAT64 ? 1e-15 : 1e-6);
        assertEquals(1.0, dense.kernel().value().get(0), 0.0, "x = 0 gives the kernel no gradient");
    }

    @Test
    void compileRefusesAnExclusionThatNamesNoParameter() {
        Sequential model = new Sequential(new int[] {2}, List.of(new Dense(1, Activation.SIGMOID)), 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> model.compile(
                AdamW.Config.DEFAULTS.excludeFromWeightDecay("bais").create(), Loss.BINARY_CROSSENTROPY));
        assertEquals("AdamW excludeFromWeightDecay 'bais' matches no parameter of the model; its parameters are"
                + " [dense/kernel, dense/bias]. Hint: a pattern is searched in each name, as Keras does: \"bias\""
                + " exempts every bias, \"gamma\" and \"beta\" batch normalization, \"dense_1/\" one layer.",
                e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(Precision.class)
    void excludedBiasesDoNotDecay(Precision precision) {
        Sequential model = new Sequential(new int[] {1}, List.of(Dense.Config.of(1, Activation.LINEAR)
                .kernelInitializer(Initializer.ONES).biasInitializer(Initializer.ONES).create()), 1, precision);
        model.compile(AdamW.Config.DEFAULTS.learningRate(0.1).weightDecay(0.5).excludeFromWeightDecay("bias").create(),
                Loss.MEAN_SQUARED_ERROR);
        // x = 0, y = 1 = prediction: zero gradients, so only the decay moves anything.
        model.fit(Tensor.matrix(new double[][] {{0}}), Tensor.matrix(new double[][] {{1}}),
                FitOptions.builder().epochs(2).verbosity(Verbosity.SILENT).build());
        Dense dense = (Dense) model.layers().get(0);
        // float32 decays in float, as Keras does in a float32 variable's dtype: within its rounding.
        assertEquals(0.95 * 0.95, dense.kernel().value().get(0), precision == Precision.FLOAT64 ? 1e-15 : 1e-7);
        assertEquals(1.0, dense.bias().value().get(0), 0.0);
    }
}
