package org.nnlab.core.optim.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Keras 3's schedules, against its learning_rate_schedule_test.py and a transcription of each formula. */
class LearningRateTest {
    private static final double TOLERANCE = 1e-12;

    @Test
    void exponentialDecayIsContinuousByDefault() {
        // test_continuous: ExponentialDecay(0.05, 10, 0.96) at step 5 = 0.05 · 0.96^(5/10)
        assertEquals(0.05 * Math.pow(0.96, 5.0 / 10.0), new ExponentialDecay(0.05, 10, 0.96).at(5), TOLERANCE);
        assertEquals(0.05, new ExponentialDecay(0.05, 10, 0.96).at(0), 0.0);
    }

    @Test
    void exponentialDecayStaircaseDropsEveryDecaySteps() {
        // test_staircase: ExponentialDecay(0.1, 3, 0.96, staircase=True): 0.1 at steps 1 and 2, 0.1 · 0.96^(100 // 3) at 100
        ExponentialDecay decay = new ExponentialDecay(0.1, 3, 0.96).staircase(true);
        assertEquals(0.1, decay.at(1), 0.0);
        assertEquals(0.1, decay.at(2), 0.0);
        assertEquals(0.1 * Math.pow(0.96, 33), decay.at(100), TOLERANCE);
    }

    @Test
    void piecewiseConstantDecayFollowsItsBoundaries() {
        // test_piecewise_values: boundaries [100, 110, 120], values [1.0, 0.1, 0.01, 0.001]
        PiecewiseConstantDecay decay = new PiecewiseConstantDecay(List.of(100L, 110L, 120L),
                List.of(1.0, 0.1, 0.01, 0.001));
        assertEquals(1.0, decay.at(0), 0.0);
        assertEquals(1.0, decay.at(100), 0.0);
        assertEquals(0.1, decay.at(105), 0.0);
        assertEquals(0.1, decay.at(110), 0.0);
        assertEquals(0.01, decay.at(120), 0.0);
        assertEquals(0.001, decay.at(999), 0.0);
    }

    @Test
    void piecewiseConstantDecayAtEachBoundaryValue() {
        // test_boundary_values: boundaries [1, 2, 3], values [0.4, 0.5, 0.6, 0.7] at steps 0 … 4
        PiecewiseConstantDecay decay = new PiecewiseConstantDecay(List.of(1L, 2L, 3L), List.of(0.4, 0.5, 0.6, 0.7));
        double[] expected = {0.4, 0.4, 0.5, 0.6, 0.7};
        for (int step = 0; step < expected.length; step++) {
            assertEquals(expected[step], decay.at(step), 0.0, "step " + step);
        }
    }

    @Test
    void inverseTimeDecayIsOneOverT() {
        // test_decay and test_staircase: InverseTimeDecay(0.1, 10, 0.96) for steps 0 … 10
        InverseTimeDecay decay = new InverseTimeDecay(0.1, 10, 0.96);
        InverseTimeDecay stairs = decay.staircase(true);
        for (int i = 0; i <= 10; i++) {
            assertEquals(0.1 / (1 + i / 10.0 * 0.96), decay.at(i), TOLERANCE);
            assertEquals(0.1 / (1 + 0.96 * (i / 10)), stairs.at(i), TOLERANCE);
        }
    }

    /** The test's np_cosine_decay. */
    private static double npCosineDecay(long step, long decaySteps, double alpha) {
        double s = Math.min(step, decaySteps);
        double completedFraction = s / decaySteps;
        double decay = 0.5 * (1.0 + Math.cos(Math.PI * completedFraction));
        return (1.0 - alpha) * decay + alpha;
    }

    @Test
    void cosineDecayFallsAlongAHalfCosine() {
        // test_decay and test_alpha: CosineDecay(1.0, 1000[, alpha 0.1]) for steps 0, 250, …, 1250
        for (long step = 0; step < 1500; step += 250) {
            assertEquals(npCosineDecay(step, 1000, 0), new CosineDecay(1.0, 1000).at(step), 1e-6);
            assertEquals(npCosineDecay(step, 1000, 0.1), new CosineDecay(1.0, 1000).alpha(0.1).at(step), 1e-6);
        }
        assertEquals(0.0, new CosineDecay(1.0, 1000).at(5000), 0.0);
    }

    @Test
    void cosineDecayWarmsUpLinearlyThenDecays() {
        // test_warmup_decay: CosineDecay(0.0, 1000, warmup_target=10.0, warmup_steps=2000) for steps 0, 250, …, 2750
        CosineDecay schedule = new CosineDecay(0.0, 1000, 10.0, 2000);
        for (long step = 0; step < 3000; step += 250) {
            double expected = step < 2000 + 1 ? step / 2000.0 * (10.0 - 0.0)
                    : 10.0 * npCosineDecay(step - 2000, 1000, 0);
            assertEquals(expected, schedule.at(step), 1e-6, "step " + step);
        }
        assertEquals(new CosineDecay(0.0, 1000, CosineDecay.DEFAULT_ALPHA, 10.0, 2000), schedule);
        assertEquals(new CosineDecay(0.5, 1000, 0, 10.0, 2000), new CosineDecay(0.5, 1000).warmup(10.0, 2000));
    }

    @Test
    void aScheduleThatWouldYieldANonPositiveRateIsRefused() {
        IllegalArgumentException rate = assertThrows(IllegalArgumentException.class,
                () -> new ExponentialDecay(0.1, 100, 0));
        assertEquals("ExponentialDecay decayRate (0.0) must be > 0. Hint: the rate is multiplied by it every decaySteps"
                + " steps; 0.96 decays slowly, 0.5 halves it.", rate.getMessage());
        IllegalArgumentException initial = assertThrows(IllegalArgumentException.class,
                () -> new InverseTimeDecay(-0.1, 10, 0.5));
        assertEquals("InverseTimeDecay initialLearningRate (-0.1) must be > 0. Hint: it is the learning rate at step 0,"
                + " e.g. 0.1.", initial.getMessage());
        IllegalArgumentException value = assertThrows(IllegalArgumentException.class,
                () -> new PiecewiseConstantDecay(List.of(10L), List.of(0.1, -0.01)));
        assertEquals("PiecewiseConstantDecay values[1] (-0.01) must be > 0. Hint: each value is the learning rate of one"
                + " interval between boundaries.", value.getMessage());
        IllegalArgumentException alpha = assertThrows(IllegalArgumentException.class,
                () -> new CosineDecay(0.1, 100).alpha(-0.5));
        assertEquals("CosineDecay alpha (-0.5) must be in [0, 1]. Hint: it is the final rate as a fraction of the"
                + " starting one; Keras uses 0.0.", alpha.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new CosineDecay(0.0, 100));
        assertThrows(IllegalArgumentException.class, () -> new CosineDecay(Double.NaN, 100));
        assertThrows(IllegalArgumentException.class, () -> new InverseTimeDecay(0.1, 10, Double.NaN));
    }

    @Test
    void decayStepsMustBePositiveAsInKeras() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ExponentialDecay(0.1, 0, 0.9));
        assertEquals("ExponentialDecay decaySteps (0) must be > 0. Hint: the rate is multiplied by decayRate every"
                + " decaySteps steps, e.g. 1000.", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new CosineDecay(0.1, 0));
        assertThrows(IllegalArgumentException.class, () -> new InverseTimeDecay(0.1, -5, 0.5));
    }

    @Test
    void piecewiseBoundariesMustIncreaseAndFitTheValues() {
        IllegalArgumentException lengths = assertThrows(IllegalArgumentException.class,
                () -> new PiecewiseConstantDecay(List.of(10L, 20L), List.of(0.1, 0.01)));
        assertTrue(lengths.getMessage().startsWith("PiecewiseConstantDecay needs one more value than boundaries, and at"
                + " least one boundary, but got boundaries [10, 20] and values [0.1, 0.01]."), lengths.getMessage());
        IllegalArgumentException order = assertThrows(IllegalArgumentException.class,
                () -> new PiecewiseConstantDecay(List.of(10L, 10L), List.of(0.1, 0.01, 0.001)));
        assertEquals("PiecewiseConstantDecay boundaries[1] (10) must be >= 11. Hint: boundaries are steps in strictly"
                + " increasing order.", order.getMessage());
    }

    @Test
    void warmupStepsWithoutATargetAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new CosineDecay(0.1, 100, 0, null, 10));
        assertEquals("CosineDecay warmupSteps (10) needs a warmupTarget, the rate the warm-up rises to. Hint:"
                + " warmup(0.1, 10) warms up to 0.1.", e.getMessage());
    }
}
