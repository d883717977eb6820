package org.nnlab.core.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AdagradTest {

    @Test
    void defaultsAreKeras() {
        Adagrad adagrad = new Adagrad();
        assertEquals(0.001, adagrad.learningRate());
        assertEquals(0.1, adagrad.config().initialAccumulatorValue());
        assertEquals(1e-7, adagrad.config().epsilon());
        assertEquals("adagrad", adagrad.kerasName());
    }

    @Test
    void accumulatorStartsAtInitialValueAndGrowsBySquaredGradients() {
        // a ← a + g², w ← w − 0.1·g/√(a + ε). Step 1, first weight: a = 0.1 + 0.25 = 0.35,
        // w = 1 − 0.05/√0.3500001 = 0.91548458…
        ThreeSteps.assertSteps(new Adagrad(0.1), new double[][] {
                {0.9154845866007779, -1.9046537454093613},
                {0.8834589599456097, -1.9402885762502706},
                {0.9267602256242834, -1.9491621409950788}});
    }

    @Test
    void firstStepMatchesTheRuleWrittenOut() {
        double a = 0.1 + 0.5 * 0.5;
        double expected = 1.0 - 0.1 * 0.5 / Math.sqrt(a + 1e-7);
        ThreeSteps.assertSteps(new Adagrad(0.1), new double[][] {
                {expected, -2.0 + 0.1 * 1.0 / Math.sqrt(0.1 + 1.0 + 1e-7)},
                {0.8834589599456097, -1.9402885762502706},
                {0.9267602256242834, -1.9491621409950788}});
    }

    @Test
    void rejectsNegativeInitialAccumulator() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Adagrad.Config(0.1, -1, 1e-7));
        assertEquals("Adagrad initialAccumulatorValue (-1.0) must be >= 0. Hint: it is where the sum of squared"
                + " gradients starts; Keras uses 0.1.", e.getMessage());
    }

    @Test
    void rejectsZeroEpsilon() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Adagrad.Config(0.1, 0.1, 0));
        assertTrue(e.getMessage().startsWith("Adagrad epsilon (0.0) must be > 0"), e.getMessage());
    }

    @Test
    void rejectsZeroLearningRate() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Adagrad(0));
        assertTrue(e.getMessage().startsWith("Adagrad learningRate (0.0) must be > 0. Hint: the learning rate scales"
                + " every step; Keras uses 0.001 for Adagrad"), e.getMessage());
    }
}
