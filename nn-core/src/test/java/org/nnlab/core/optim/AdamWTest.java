package org.nnlab.core.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nnlab.core.layer.Parameter;
import org.nnlab.core.tensor.Tensor;

/** Keras 3's AdamW: Adam after decoupled weight decay, against its adamw_test.py values. */
class AdamWTest {

    @Test
    void defaultsAreKeras() {
        AdamW adamw = new AdamW();
        assertEquals(0.001, adamw.learningRate());
        assertEquals(0.004, adamw.config().options().weightDecay());
        assertEquals(0.9, adamw.config().beta1());
        assertEquals(0.999, adamw.config().beta2());
        assertEquals(1e-7, adamw.config().epsilon());
        assertEquals("adamw", adamw.kerasName());
        assertEquals(List.of("momentum", "velocity"), adamw.slotNames());
    }

    @Test
    void singleStepMatchesKeras() {
        // test_single_step: AdamW(learning_rate=0.5), grads [1, 6, 7, 2] on [1, 2, 3, 4]
        Parameter vars = new Parameter("vars", Tensor.vector(1, 2, 3, 4), true);
        System.arraycopy(new double[] {1, 6, 7, 2}, 0, vars.grad().data(), 0, 4);
        new AdamW(AdamW.Config.DEFAULTS.learningRate(0.5)).step(List.of(vars));
        assertArrayEquals(new double[] {0.4980, 1.4960, 2.494, 3.492}, vars.value().data(), 1e-4);
    }

    @Test
    void followsKerasGoldenValues() {
        // test_correctness_with_golden: AdamW(learning_rate=1.0, weight_decay=0.5, epsilon=2)
        double[][] golden = {
            {0.4998, 0.4998, 0.4998, 0.4998, 0.4998, 0.4998, 0.4998, 0.4998, 0.4998, 0.4998},
            {0.2486, 0.2475, 0.2463, 0.2451, 0.244, 0.2428, 0.2417, 0.2405, 0.2394, 0.2382},
            {0.1223, 0.1198, 0.1174, 0.1149, 0.1124, 0.11, 0.1075, 0.1051, 0.1027, 0.1003},
            {0.0586, 0.0549, 0.0512, 0.0475, 0.0439, 0.0402, 0.0366, 0.033, 0.0294, 0.0258},
            {0.0263, 0.0215, 0.0167, 0.012, 0.0073, 0.0026, -0.0021, -0.0067, -0.0113, -0.0159}};
        AdamW adamw = new AdamW(AdamW.Config.DEFAULTS.learningRate(1.0).weightDecay(0.5).epsilon(2));
        Parameter x = new Parameter("x", Tensor.filled(1.0, 10), true);
        java.util.Arrays.fill(x.grad().data(), 0.01);
        adamw.step(List.of(x));
        for (double[] expected : golden) {
            for (int i = 0; i < 10; i++) {
                assertEquals(expected[i], x.value().get(i), 5e-4 + 5e-4 * Math.abs(expected[i]));
            }
            for (int i = 0; i < 10; i++) {
                x.grad().data()[i] = 0.1 * (i + 1);
            }
            adamw.step(List.of(x));
        }
    }

    @Test
    void matchesTheTranscriptionOverThreeSteps() {
        ThreeSteps.assertSteps(new AdamW(AdamW.Config.DEFAULTS.learningRate(0.1)), new double[][] {
                {0.8996006324515321, -1.899200316226766},
                {0.8093837996272933, -1.8638801528258562},
                {0.7795048640203178, -1.8424451449642334}});
    }

    @Test
    void withoutDecayItIsAdam() {
        double[][] adam = new double[3][];
        Adam reference = new Adam(0.1);
        Parameter w = new Parameter("w", Tensor.vector(ThreeSteps.START), true);
        for (int step = 0; step < 3; step++) {
            System.arraycopy(ThreeSteps.GRADIENTS[step], 0, w.grad().data(), 0, 2);
            reference.step(List.of(w));
            adam[step] = w.value().data().clone();
        }
        ThreeSteps.assertSteps(new AdamW(AdamW.Config.DEFAULTS.learningRate(0.1).weightDecay(0)), adam);
    }

    @Test
    void stateOfAdamIsNotRestoredIntoAdamW() {
        Parameter w = new Parameter("w", Tensor.vector(1.0), true);
        Adam adam = new Adam();
        adam.step(List.of(w));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new AdamW().restore(List.of(w), adam.snapshot(List.of(w))));
        assertEquals("Optimizer state of adam cannot be restored into adamw. Hint: restore a snapshot taken from the"
                + " same model (same layers, same optimizer and options).", e.getMessage());
    }

    @Test
    void rejectsBadHyperparametersWithItsOwnName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AdamW.Config.DEFAULTS.beta1(1));
        assertEquals("AdamW beta1 (1.0) must be in [0, 1). Hint: beta1 is the decay of the mean gradient; Keras uses"
                + " 0.9.", e.getMessage());
        IllegalArgumentException lr = assertThrows(IllegalArgumentException.class,
                () -> AdamW.Config.DEFAULTS.learningRate(-1));
        assertEquals("AdamW learningRate (-1.0) must be > 0. Hint: the learning rate scales every step; Keras uses"
                + " 0.001 for AdamW, and 0.01 to 0.1 trains the lecture's small models fast.", lr.getMessage());
    }
}
