package org.nnlab.core.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SGDTest {

    @Test
    void defaultsAreKeras() {
        SGD sgd = new SGD();
        assertEquals(0.01, sgd.learningRate());
        assertEquals(0.0, sgd.config().momentum());
        assertFalse(sgd.config().nesterov());
        assertEquals("sgd", sgd.kerasName());
    }

    @Test
    void plainStepSubtractsLearningRateTimesGradient() {
        // w ← w − 0.01·g: 1 − 0.005 = 0.995, then − 0.002 = 0.993, then + 0.003 = 0.996.
        ThreeSteps.assertSteps(new SGD(), new double[][] {
                {0.995, -1.99}, {0.993, -1.994}, {0.996, -1.995}});
    }

    @Test
    void momentumAccumulatesVelocity() {
        // v ← 0.9v − 0.1g; w ← w + v. Step 1: v = −0.05, w = 0.95. Step 2: v = −0.045 − 0.02 = −0.065,
        // w = 0.885. Step 3: v = −0.0585 + 0.03 = −0.0285, w = 0.8565.
        ThreeSteps.assertSteps(new SGD(new SGD.Config(0.1, 0.9, false)), new double[][] {
                {0.95, -1.9}, {0.885, -1.85}, {0.8565, -1.815}});
    }

    @Test
    void nesterovStepsFromTheLookAheadPoint() {
        // v ← 0.9v − 0.1g; w ← w + 0.9v − 0.1g. Step 1: v = −0.05, w = 1 − 0.045 − 0.05 = 0.905.
        // Step 2: v = −0.065, w = 0.905 − 0.0585 − 0.02 = 0.8265. Step 3: v = −0.0285,
        // w = 0.8265 − 0.02565 + 0.03 = 0.83085.
        ThreeSteps.assertSteps(new SGD(new SGD.Config(0.1, 0.9, true)), new double[][] {
                {0.905, -1.81}, {0.8265, -1.805}, {0.83085, -1.7835}});
    }

    @Test
    void nesterovWithoutMomentumIsPlainDescent() {
        ThreeSteps.assertSteps(new SGD(new SGD.Config(0.01, 0.0, true)), new double[][] {
                {0.995, -1.99}, {0.993, -1.994}, {0.996, -1.995}});
    }

    @Test
    void rejectsNegativeLearningRate() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SGD(-0.01));
        assertTrue(e.getMessage().startsWith("SGD learningRate (-0.01) must be > 0"), e.getMessage());
    }

    @Test
    void rejectsNaNLearningRate() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SGD(Double.NaN));
        assertTrue(e.getMessage().startsWith("SGD learningRate (NaN) must be > 0"), e.getMessage());
    }

    @Test
    void rejectsMomentumOfOne() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SGD(new SGD.Config(0.1, 1.0, false)));
        assertEquals("SGD momentum (1.0) must be in [0, 1). Hint: 0 is plain gradient descent; 0.9 is the usual"
                + " momentum.", e.getMessage());
    }

    @Test
    void rejectsNegativeMomentum() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SGD(new SGD.Config(0.1, -0.5, true)));
        assertTrue(e.getMessage().startsWith("SGD momentum (-0.5) must be in [0, 1)"), e.getMessage());
    }
}
