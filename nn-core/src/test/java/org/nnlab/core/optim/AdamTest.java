package org.nnlab.core.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AdamTest {

    @Test
    void defaultsAreKeras() {
        Adam adam = new Adam();
        assertEquals(0.001, adam.learningRate());
        assertEquals(0.9, adam.beta1());
        assertEquals(0.999, adam.beta2());
        assertEquals(1e-7, adam.epsilon());
        assertFalse(adam.amsgrad());
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
        ThreeSteps.assertSteps(Adam.builder().learningRate(0.1).beta2(0.5).build(), new double[][] {
                {0.9000000282842633, -1.9000000141421336},
                {0.7968514463141235, -1.8603274757090567},
                {0.763354910427877, -1.8310267609944388}});
    }

    @Test
    void amsgradNeverLetsTheSecondMomentShrink() {
        // With β2 = 0.5 the first weight's v falls from 0.125 to 0.0825 at step 2; AMSGrad keeps 0.125.
        ThreeSteps.assertSteps(Adam.builder().learningRate(0.1).beta2(0.5).amsgrad(true).build(), new double[][] {
                {0.9000000282842633, -1.9000000141421336},
                {0.8162017186802641, -1.867769890505646},
                {0.7883774046441387, -1.8506847829795459}});
    }

    @Test
    void builderKeepsDefaultsItWasNotGiven() {
        Adam adam = Adam.builder().beta1(0.5).build();
        assertEquals(0.001, adam.learningRate());
        assertEquals(0.5, adam.beta1());
        assertEquals(0.999, adam.beta2());
    }

    @Test
    void rejectsBetaOfOne() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Adam.builder().beta1(1.0).build());
        assertEquals("beta1 (1.0) must be in [0, 1). Hint: beta1 is the decay of the mean gradient; 0.9 is usual.",
                e.getMessage());
    }

    @Test
    void rejectsNegativeBeta2() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Adam(0.001, 0.9, -0.1, 1e-7, false));
        assertTrue(e.getMessage().startsWith("beta2 (-0.1) must be in [0, 1)"), e.getMessage());
    }

    @Test
    void rejectsZeroEpsilon() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Adam.builder().epsilon(0).build());
        assertEquals("epsilon (0.0) must be > 0", e.getMessage());
    }

    @Test
    void rejectsNegativeLearningRate() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Adam(-0.01));
        assertEquals("learningRate (-0.01) must be > 0. Hint: typical values are 0.001 for Adam and 0.01 for SGD.",
                e.getMessage());
    }
}
