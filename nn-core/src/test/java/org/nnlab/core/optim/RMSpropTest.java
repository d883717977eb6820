package org.nnlab.core.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nnlab.core.layer.Parameter;
import org.nnlab.core.tensor.Tensor;

class RMSpropTest {

    @Test
    void defaultsAreKeras() {
        RMSprop rmsprop = new RMSprop();
        assertEquals(0.001, rmsprop.learningRate());
        assertEquals(0.9, rmsprop.config().rho());
        assertEquals(0.0, rmsprop.config().momentum());
        assertEquals(1e-7, rmsprop.config().epsilon());
        assertFalse(rmsprop.config().centered());
        assertEquals("rmsprop", rmsprop.kerasName());
    }

    @Test
    void reproducesTheKerasDocumentationExample() {
        // keras.optimizers.RMSprop(learning_rate=0.1) on loss w²/2 from w = 10 gives 9.683772.
        Parameter w = new Parameter("w", Tensor.vector(10.0), true);
        w.grad().data()[0] = 10.0;
        new RMSprop(0.1).step(List.of(w));
        assertEquals(9.683772, w.value().get(0), 5e-7);
    }

    @Test
    void plainStepDividesByRootMeanSquare() {
        // v ← 0.9v + 0.1g²; w ← w − 0.001·g/√(v + ε). Step 1: v = 0.025, w = 1 − 0.0005/√0.0250001.
        ThreeSteps.assertSteps(new RMSprop(), new double[][] {
                {0.9968377286643679, -1.9968377239209694},
                {0.9956091407487883, -1.998066313575114},
                {0.9972643500066505, -1.9983883917212615}});
    }

    @Test
    void momentumAccumulatesIncrements() {
        ThreeSteps.assertSteps(new RMSprop(RMSprop.Config.DEFAULTS.learningRate(0.01).momentum(0.5)), new double[][] {
                {0.9683772866436797, -1.9683772392096925},
                {0.9402800508097228, -1.964851755355985},
                {0.942783525471367, -1.966309794890606}});
    }

    @Test
    void centeredSubtractsTheSquaredMeanGradient() {
        ThreeSteps.assertSteps(new RMSprop(RMSprop.Config.DEFAULTS.learningRate(0.01).centered(true)), new double[][] {
                {0.9666667407404939, -1.9666666851851697},
                {0.9532662666166316, -1.979100076621906},
                {0.9700268670534009, -1.9823415191745297}});
    }

    @Test
    void centeredWithMomentumKeepsBothSlots() {
        ThreeSteps.assertSteps(new RMSprop(new RMSprop.Config(0.01, 0.8, 0.5, 1e-7, true)), new double[][] {
                {0.9750000312499414, -1.9750000078124963},
                {0.9515891685995264, -1.9717847761263139},
                {0.9526636914891925, -1.9727281798613219}});
    }

    @Test
    void rejectsRhoOutsideUnitInterval() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RMSprop.Config.DEFAULTS.rho(1.5));
        assertEquals("RMSprop rho (1.5) must be in [0, 1). Hint: rho is the decay of the running mean square; Keras"
                + " uses 0.9.", e.getMessage());
    }

    @Test
    void rejectsNegativeEpsilon() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RMSprop.Config.DEFAULTS.epsilon(-1e-7));
        assertTrue(e.getMessage().startsWith("RMSprop epsilon (-1.0E-7) must be > 0"), e.getMessage());
    }

    @Test
    void rejectsMomentumOfOne() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RMSprop.Config(0.001, 0.9, 1.0, 1e-7, false));
        assertEquals("RMSprop momentum (1.0) must be in [0, 1). Hint: 0 means no momentum; 0.9 is usual.",
                e.getMessage());
    }
}
