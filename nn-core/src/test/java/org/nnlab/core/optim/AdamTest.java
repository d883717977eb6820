package org.nnlab.core.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class AdamTest {

    @Test
    void defaultsAreKeras() {
        Adam adam = new Adam();
        assertEquals(0.001, adam.learningRate());
        assertEquals(0.9, adam.config().beta1());
        assertEquals(0.999, adam.config().beta2());
        assertEquals(1e-7, adam.config().epsilon());
        assertFalse(adam.config().amsgrad());
        assertEquals("adam", adam.kerasName());
    }

    @Test
    void firstStepMovesAboutOneLearningRateAgainstTheGradient() {
        // t = 1: α = 0.1·√0.001/0.1, m = 0.05, v = 0.00025, w = 1 − α·m/(√v + ε) = 1 − 0.0999994…
        double alpha = 0.1 * Math.sqrt(1 - 0.999) / (1 - 0.9);
        double expected = 1.0 - alpha * 0.05 / (Math.sqrt(0.00025) + 1e-7);
        ThreeSteps.assertSteps(new Adam(0.1), new double[][] {
                {expected, -1.900000316226766},
                {0.8101436398802739, -1.8654398329523467},
                {0.7805884577931493, -1.8447503771518543}});
    }

    @Test
    void biasCorrectionUsesTheStepCount() {
        ThreeSteps.assertSteps(new Adam(Adam.Config.DEFAULTS.learningRate(0.1).beta2(0.5)), new double[][] {
                {0.9000000282842633, -1.9000000141421336},
                {0.7968514463141235, -1.8603274757090567},
                {0.763354910427877, -1.8310267609944388}});
    }

    @Test
    void amsgradNeverLetsTheSecondMomentShrink() {
        // With β2 = 0.5 the first weight's v falls from 0.125 to 0.0825 at step 2; AMSGrad keeps 0.125.
        ThreeSteps.assertSteps(new Adam(Adam.Config.DEFAULTS.learningRate(0.1).beta2(0.5).amsgrad(true)), new double[][] {
                {0.9000000282842633, -1.9000000141421336},
                {0.8162017186802641, -1.867769890505646},
                {0.7883774046441387, -1.8506847829795459}});
    }

    @Test
    void configKeepsDefaultsItWasNotGiven() {
        Adam adam = new Adam(Adam.Config.DEFAULTS.beta1(0.5));
        assertEquals(0.001, adam.learningRate());
        assertEquals(0.5, adam.config().beta1());
        assertEquals(0.999, adam.config().beta2());
        assertEquals(List.of("momentum", "velocity"), adam.slotNames());
        assertEquals(List.of("momentum", "velocity", "velocity_hat"),
                Adam.Config.DEFAULTS.amsgrad(true).create().slotNames());
        assertEquals("Adam[learningRate=0.001, beta1=0.5, beta2=0.999, epsilon=1.0E-7, amsgrad=false, options=none]",
                adam.toString());
    }

    @Test
    void rejectsBetaOfOne() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Adam.Config.DEFAULTS.beta1(1.0));
        assertEquals("Adam beta1 (1.0) must be in [0, 1). Hint: beta1 is the decay of the mean gradient; Keras uses"
                + " 0.9.", e.getMessage());
    }

    @Test
    void rejectsNegativeBeta2() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Adam.Config(0.001, 0.9, -0.1, 1e-7, false));
        assertTrue(e.getMessage().startsWith("Adam beta2 (-0.1) must be in [0, 1)"), e.getMessage());
    }

    @Test
    void rejectsZeroEpsilon() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Adam.Config.DEFAULTS.epsilon(0));
        assertEquals("Adam epsilon (0.0) must be > 0. Hint: epsilon keeps the step finite where v is 0; Keras uses"
                + " 1.0E-7.", e.getMessage());
    }

    @Test
    void rejectsNegativeLearningRate() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Adam(-0.01));
        assertEquals("Adam learningRate (-0.01) must be > 0. Hint: the learning rate scales every step; Keras uses"
                + " 0.001 for Adam, and 0.01 to 0.1 trains the lecture's small models fast.", e.getMessage());
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(org.nnlab.core.tensor.Precision.class)
    void aDecayingMomentumNeverTurnsSubnormal(org.nnlab.core.tensor.Precision precision) {
        org.nnlab.core.layer.Parameter p = new org.nnlab.core.layer.Parameter("w",
                org.nnlab.core.tensor.Tensor.filled(precision, 1.0, 1), true);
        Adam adam = new Adam();
        p.grad().set(0, 1e-3);
        adam.step(List.of(p));
        p.zeroGrad();
        double smallestNormal = precision == org.nnlab.core.tensor.Precision.FLOAT32 ? Float.MIN_NORMAL
                : Double.MIN_NORMAL;
        double m = 1;
        for (int step = 0; step < 8000; step++) {
            adam.step(List.of(p));
            m = adam.snapshot(List.of(p)).slots().get(0)[0].get(0);
            double mm = m;
            int s = step;
            assertTrue(m == 0 || Math.abs(m) >= smallestNormal, () -> precision + ": momentum " + mm + " at step " + s
                    + " is subnormal");
        }
        assertTrue(Math.abs(m) < 1e-30, precision + ": the momentum of a gradient that stays 0 decays (" + m + ")");
    }
}
