package org.nnlab.core.optim.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * Keras 3's PolynomialDecay, against its learning_rate_schedule_test.py (LinearDecayTest,
 * SqrtDecayTest) and against values of its formula computed by hand.
 *
 * <p>The literals were computed in /usr/bin/python3 with plain {@code math}, transcribing
 * keras/src/optimizers/schedules/learning_rate_schedule.py's {@code PolynomialDecay.__call__}:
 * {@code d = decay_steps * (1 if step == 0 else math.ceil(step / decay_steps))} with cycle,
 * else {@code step = min(step, decay_steps)}; {@code (lr - end) * (1 - step / d) ** power + end}.
 */
class PolynomialDecayTest {
    private static final double TOLERANCE = 1e-15;

    @Test
    void kerasLinearAndSqrtDecayTestValues() {
        // LinearDecayTest: PolynomialDecay(0.05, 10, end) halfway, at the end, beyond it, beyond it with cycle.
        assertEquals(0.05 * 0.5, new PolynomialDecay(0.05, 10, 0.0).at(5), 1e-6);
        assertEquals(0.001, new PolynomialDecay(0.05, 10, 0.001).at(10), 1e-6);
        assertEquals((0.05 + 0.001) * 0.5, new PolynomialDecay(0.05, 10, 0.001).at(5), 1e-6);
        assertEquals(0.001, new PolynomialDecay(0.05, 10, 0.001).at(15), 1e-6);
        assertEquals((0.05 - 0.001) * 0.25 + 0.001, new PolynomialDecay(0.05, 10, 0.001).cycle(true).at(15), 1e-6);
        // SqrtDecayTest: the same with power 0.5, and step 0 with cycle (the multiplier is 1, not ceil(0) = 0).
        PolynomialDecay sqrt = new PolynomialDecay(0.05, 10, 0.001).power(0.5);
        assertEquals(0.05 * Math.sqrt(0.5), sqrt.endLearningRate(0.0).at(5), 1e-6);
        assertEquals(0.001, sqrt.at(10), 1e-6);
        assertEquals((0.05 - 0.001) * Math.sqrt(0.5) + 0.001, sqrt.at(5), 1e-6);
        assertEquals(0.001, sqrt.at(15), 1e-6);
        assertEquals((0.05 - 0.001) * Math.sqrt(0.25) + 0.001, sqrt.cycle(true).at(15), 1e-6);
        assertEquals(0.001, new PolynomialDecay(0.001, 10).cycle(true).at(0), 1e-6);
    }

    @Test
    void kerasDefaultsDecayLinearlyToOneTenThousandth() {
        PolynomialDecay decay = new PolynomialDecay(0.1, 100);
        assertEquals(new PolynomialDecay(0.1, 100, 0.0001, 1.0, false), decay);
        // python3: PolynomialDecay(0.1, 100) at steps 0, 25, 50, 100, 250
        long[] steps = {0, 25, 50, 100, 250};
        double[] expected = {0.1, 0.07502500000000001, 0.050050000000000004, 0.0001, 0.0001};
        for (int i = 0; i < steps.length; i++) {
            assertEquals(expected[i], decay.at(steps[i]), TOLERANCE, "step " + steps[i]);
        }
    }

    @Test
    void withoutCycleTheStepIsClampedToDecaySteps() {
        // python3: PolynomialDecay(0.1, 10, 0.01, power=0.5) at steps 0, 3, 5, 9, 10, 15, 1000
        PolynomialDecay decay = new PolynomialDecay(0.1, 10, 0.01).power(0.5);
        long[] steps = {0, 3, 5, 9, 10, 15, 1000};
        double[] expected = {0.1, 0.08529940238806681, 0.07363961030678928, 0.03846049894151541, 0.01, 0.01, 0.01};
        for (int i = 0; i < steps.length; i++) {
            assertEquals(expected[i], decay.at(steps[i]), TOLERANCE, "step " + steps[i]);
        }
    }

    @Test
    void withCycleEachCycleRunsOverTheNextMultipleOfDecaySteps() {
        // python3: PolynomialDecay(0.1, 10, 0.01, power=2, cycle=True) across four cycles: at each multiple of 10
        // the rate is the end rate, one step later it jumps back up, each cycle lower (d = 20, 30, 40, 50).
        PolynomialDecay decay = new PolynomialDecay(0.1, 10, 0.01, 2.0, true);
        long[] steps = {0, 1, 5, 10, 11, 15, 20, 21, 25, 30, 31, 45};
        double[] expected = {0.1, 0.0829, 0.0325, 0.01, 0.028225, 0.015625, 0.01, 0.018100000000000005,
            0.012499999999999999, 0.01, 0.01455625, 0.0109};
        for (int i = 0; i < steps.length; i++) {
            assertEquals(expected[i], decay.at(steps[i]), TOLERANCE, "step " + steps[i]);
        }
    }

    @Test
    void anEndRateAboveTheInitialOneRises() {
        // (0.01 - 0.1) * (1 - 5/10) + 0.1 = 0.055, as Keras's formula gives for any end rate.
        assertEquals(0.055, new PolynomialDecay(0.01, 10, 0.1).at(5), TOLERANCE);
        assertEquals(0.1, new PolynomialDecay(0.01, 10, 0.1).at(50), TOLERANCE);
    }

    @Test
    void aDecayToZeroEndsAtZero() {
        assertEquals(0.0, new PolynomialDecay(0.1, 10, 0.0).at(10), 0.0);
        assertEquals(0.0, new PolynomialDecay(0.1, 10, 0.0).cycle(true).at(30), 0.0);
    }

    @Test
    void copiesChangeOneParameter() {
        PolynomialDecay decay = new PolynomialDecay(0.1, 10);
        assertEquals(new PolynomialDecay(0.1, 10, 0.5, 1.0, false), decay.endLearningRate(0.5));
        assertEquals(new PolynomialDecay(0.1, 10, 0.0001, 3.0, false), decay.power(3.0));
        assertEquals(new PolynomialDecay(0.1, 10, 0.0001, 1.0, true), decay.cycle(true));
    }

    @Test
    void refusesParametersThatGiveNoSensibleRate() {
        IllegalArgumentException steps = assertThrows(IllegalArgumentException.class,
                () -> new PolynomialDecay(0.1, 0));
        assertEquals("PolynomialDecay decaySteps (0) must be > 0. Hint: the rate reaches endLearningRate after"
                + " decaySteps steps, e.g. 10000.", steps.getMessage());
        IllegalArgumentException initial = assertThrows(IllegalArgumentException.class,
                () -> new PolynomialDecay(-0.1, 10));
        assertEquals("PolynomialDecay initialLearningRate (-0.1) must be > 0. Hint: it is the learning rate at step 0,"
                + " e.g. 0.1.", initial.getMessage());
        IllegalArgumentException end = assertThrows(IllegalArgumentException.class,
                () -> new PolynomialDecay(0.1, 10, -0.001));
        assertEquals("PolynomialDecay endLearningRate (-0.001) must be >= 0. Hint: it is the rate the decay ends at;"
                + " Keras uses 0.0001.", end.getMessage());
        IllegalArgumentException power = assertThrows(IllegalArgumentException.class,
                () -> new PolynomialDecay(0.1, 10).power(0));
        assertEquals("PolynomialDecay power (0.0) must be > 0. Hint: it is the power of (1 - step / decaySteps); 1"
                + " decays linearly, 0.5 as a square root; a power of 0 would never decay.", power.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new PolynomialDecay(0.1, 10).power(-1));
        assertThrows(IllegalArgumentException.class, () -> new PolynomialDecay(0.1, 10).power(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new PolynomialDecay(0.1, 10, Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> new PolynomialDecay(Double.NaN, 10));
    }
}
