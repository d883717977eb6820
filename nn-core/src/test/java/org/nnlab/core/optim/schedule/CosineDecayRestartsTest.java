package org.nnlab.core.optim.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * Keras 3's CosineDecayRestarts, against its learning_rate_schedule_test.py (CosineDecayRestartsTest)
 * and against values computed by hand.
 *
 * <p>The literals were computed in /usr/bin/python3 with plain {@code math} by Keras's test oracle
 * {@code np_cosine_decay_restarts}, which walks the periods one by one (transcribed below as
 * {@link #oracle}): {@code while step >= decay_steps: step -= decay_steps; decay_steps *= t_mul;
 * fac *= m_mul}, then {@code (1 - alpha) * fac * 0.5 * (1 + math.cos(math.pi * step / decay_steps)) + alpha}.
 */
class CosineDecayRestartsTest {
    private static final double TOLERANCE = 1e-15;

    /** Keras's np_cosine_decay_restarts, times the initial rate. */
    private static double oracle(double initial, long step, double decaySteps, double tMul, double mMul,
                                 double alpha) {
        double s = step;
        double fac = 1.0;
        while (s >= decaySteps) {
            s -= decaySteps;
            decaySteps *= tMul;
            fac *= mMul;
        }
        double decay = fac * 0.5 * (1.0 + Math.cos(Math.PI * s / decaySteps));
        return initial * ((1.0 - alpha) * decay + alpha);
    }

    @Test
    void kerasCosineDecayRestartsTestValues() {
        // test_decay, test_alpha, test_mmul, test_tmul: CosineDecayRestarts(1.0, 1000[, …]) for steps 0, 250, …, 1250
        for (long step = 0; step < 1500; step += 250) {
            assertEquals(oracle(1, step, 1000, 2, 1, 0), new CosineDecayRestarts(1.0, 1000).at(step), 1e-6);
            assertEquals(oracle(1, step, 1000, 2, 1, 0.1), new CosineDecayRestarts(1.0, 1000).alpha(0.1).at(step), 1e-6);
            assertEquals(oracle(1, step, 1000, 2, 0.9, 0), new CosineDecayRestarts(1.0, 1000).mMul(0.9).at(step), 1e-6);
            assertEquals(oracle(1, step, 1000, 1, 1, 0), new CosineDecayRestarts(1.0, 1000).tMul(1.0).at(step), 1e-6);
        }
    }

    @Test
    void kerasDefaultsRestartAtFullHeightAfterOneThreeAndSevenPeriods() {
        // python3: np_cosine_decay_restarts(step, 1000) at steps 0, 250, 500, 999, 1000, 1500, 2999, 3000, 7000
        CosineDecayRestarts schedule = new CosineDecayRestarts(1.0, 1000);
        assertEquals(new CosineDecayRestarts(1.0, 1000, 2.0, 1.0, 0.0), schedule);
        long[] steps = {0, 250, 500, 999, 1000, 1500, 2999, 3000, 7000};
        double[] expected = {1.0, 0.8535533905932737, 0.5, 2.467399070893439e-06, 1.0, 0.8535533905932737,
            6.168501482384237e-07, 1.0, 1.0};
        for (int i = 0; i < steps.length; i++) {
            assertEquals(expected[i], schedule.at(steps[i]), TOLERANCE, "step " + steps[i]);
        }
    }

    @Test
    void geometricRestartsWithLowerPeaksAndAFloor() {
        // python3: 0.2 * np_cosine_decay_restarts(step, 10, t_mul=2, m_mul=0.5, alpha=0.1): periods of 10, 20, 40,
        // 80 steps starting at 0, 10, 30, 70 with peaks 0.2, 0.11, 0.065, 0.0425 (the floor 0.02 is not halved).
        CosineDecayRestarts schedule = new CosineDecayRestarts(0.2, 10).mMul(0.5).alpha(0.1);
        long[] steps = {0, 5, 9, 10, 15, 29, 30, 45, 69, 70, 71, 150};
        double[] expected = {0.2, 0.11000000000000001, 0.024404913533436184, 0.11000000000000001, 0.09681980515339464,
            0.020554024673218808, 0.065, 0.05111037722821452, 0.02006935999100462, 0.04250000000000001,
            0.04249132665770814, 0.03125};
        for (int i = 0; i < steps.length; i++) {
            assertEquals(expected[i], schedule.at(steps[i]), 1e-16, "step " + steps[i]);
        }
    }

    @Test
    void equalPeriodsWhenTMulIsOne() {
        // python3: 0.1 * np_cosine_decay_restarts(step, 4, t_mul=1, m_mul=0.8): a restart every 4 steps, peaks ×0.8.
        CosineDecayRestarts schedule = new CosineDecayRestarts(0.1, 4, 1.0, 0.8, 0.0);
        long[] steps = {0, 1, 2, 3, 4, 5, 8, 9, 12, 14};
        double[] expected = {0.1, 0.08535533905932738, 0.05, 0.014644660940672627, 0.08000000000000002,
            0.0682842712474619, 0.06400000000000002, 0.054627416997969525, 0.051200000000000016, 0.025600000000000008};
        for (int i = 0; i < steps.length; i++) {
            assertEquals(expected[i], schedule.at(steps[i]), 1e-16, "step " + steps[i]);
        }
    }

    @Test
    void aRestartThatTheLogarithmRoundsDownStartsAtItsPeak() {
        // With tMul 3 and firstDecaySteps 1, period 5 starts at step 1 + 3 + 9 + 27 + 81 = 121, but
        // ln(1 + 2 * 121) / ln 3 is just below 5 in double: without a correction Keras's closed form gives the end
        // of period 4 (rate 0) there. python3 oracle with m_mul 0.5: 2.3501484242811205e-05, 0.03125, 0.031248694216491207.
        CosineDecayRestarts schedule = new CosineDecayRestarts(1.0, 1, 3.0, 0.5, 0.0);
        assertEquals(2.3501484242811205e-05, schedule.at(120), 1e-15);
        assertEquals(0.03125, schedule.at(121), 1e-15);
        assertEquals(0.031248694216491207, schedule.at(122), 1e-15);
    }

    @Test
    void theClosedFormAgreesWithKerasOracleAtEveryStep() {
        for (double tMul : new double[] {1.0, 1.5, 2.0, 3.0, 10.0}) {
            for (long first : new long[] {1, 3, 10}) {
                CosineDecayRestarts schedule = new CosineDecayRestarts(0.5, first, tMul, 0.7, 0.05);
                for (long step = 0; step <= 5000; step++) {
                    double expected = oracle(0.5, step, first, tMul, 0.7, 0.05);
                    assertEquals(expected, schedule.at(step), 1e-12 * expected,
                            "tMul " + tMul + ", firstDecaySteps " + first + ", step " + step);
                }
            }
        }
    }

    @Test
    void copiesChangeOneParameter() {
        CosineDecayRestarts schedule = new CosineDecayRestarts(0.1, 100);
        assertEquals(new CosineDecayRestarts(0.1, 100, 1.5, 1.0, 0.0), schedule.tMul(1.5));
        assertEquals(new CosineDecayRestarts(0.1, 100, 2.0, 0.5, 0.0), schedule.mMul(0.5));
        assertEquals(new CosineDecayRestarts(0.1, 100, 2.0, 1.0, 0.2), schedule.alpha(0.2));
    }

    @Test
    void refusesParametersThatGiveNoSensibleRate() {
        IllegalArgumentException steps = assertThrows(IllegalArgumentException.class,
                () -> new CosineDecayRestarts(0.1, 0));
        assertEquals("CosineDecayRestarts firstDecaySteps (0) must be > 0. Hint: it is the length of the first cosine"
                + " before the first restart, e.g. 1000 steps.", steps.getMessage());
        IllegalArgumentException tMul = assertThrows(IllegalArgumentException.class,
                () -> new CosineDecayRestarts(0.1, 100).tMul(0.5));
        assertEquals("CosineDecayRestarts tMul (0.5) must be >= 1 and finite. Hint: it is each period's length as a"
                + " multiple of the one before: 1 keeps them equal, Keras uses 2.0; below 1 the periods shrink and the"
                + " schedule ends after firstDecaySteps / (1 - tMul) steps.", tMul.getMessage());
        IllegalArgumentException mMul = assertThrows(IllegalArgumentException.class,
                () -> new CosineDecayRestarts(0.1, 100).mMul(0));
        assertEquals("CosineDecayRestarts mMul (0.0) must be > 0. Hint: it is each restart's peak as a multiple of the"
                + " one before: Keras uses 1.0, 0.5 halves every restart.", mMul.getMessage());
        IllegalArgumentException alpha = assertThrows(IllegalArgumentException.class,
                () -> new CosineDecayRestarts(0.1, 100).alpha(1.5));
        assertEquals("CosineDecayRestarts alpha (1.5) must be in [0, 1]. Hint: it is the lowest rate as a fraction of"
                + " initialLearningRate; Keras uses 0.0.", alpha.getMessage());
        IllegalArgumentException initial = assertThrows(IllegalArgumentException.class,
                () -> new CosineDecayRestarts(0.0, 100));
        assertEquals("CosineDecayRestarts initialLearningRate (0.0) must be > 0. Hint: it is the learning rate at"
                + " step 0, e.g. 0.1.", initial.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new CosineDecayRestarts(0.1, 100).tMul(Double.NaN));
        assertThrows(IllegalArgumentException.class,
                () -> new CosineDecayRestarts(0.1, 100).tMul(Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> new CosineDecayRestarts(0.1, 100).mMul(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new CosineDecayRestarts(0.1, 100).alpha(Double.NaN));
    }
}
