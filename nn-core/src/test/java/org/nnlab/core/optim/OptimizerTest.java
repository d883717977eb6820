package org.nnlab.core.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nnlab.core.layer.Parameter;
import org.nnlab.core.tensor.Tensor;

/** The contract every optimizer shares: state per parameter, snapshots, frozen parameters. */
class OptimizerTest {

    static List<Supplier<Optimizer<?>>> optimizers() {
        return List.of(SGD::new, () -> new SGD(new SGD.Config(0.1, 0.9, true)), RMSprop::new,
                () -> new RMSprop(new RMSprop.Config(0.01, 0.8, 0.5, 1e-7, true)), Adagrad::new, Adam::new,
                () -> new Adam(Adam.Config.DEFAULTS.amsgrad(true).beta2(0.5)));
    }

    @ParameterizedTest
    @MethodSource("optimizers")
    void snapshotAndRestoreResumeIdentically(Supplier<Optimizer<?>> make) {
        List<Parameter> original = parameters();
        Optimizer<?> running = make.get();
        SplittableRandom rng = new SplittableRandom(7);
        for (int step = 0; step < 2; step++) {
            setGradients(original, rng);
            running.step(original);
        }
        Optimizer.Snapshot snapshot = running.snapshot(original);

        List<Parameter> copy = List.of(
                new Parameter("a", original.get(0).value().copy(), true),
                new Parameter("b", original.get(1).value().copy(), true));
        Optimizer<?> resumed = make.get();
        resumed.restore(copy, snapshot);
        assertEquals(2, resumed.iterations());
        for (int step = 0; step < 3; step++) {
            setGradients(original, rng);
            copyGradients(original, copy);
            running.step(original);
            resumed.step(copy);
        }
        for (int i = 0; i < original.size(); i++) {
            assertArrayEquals(original.get(i).value().data(), copy.get(i).value().data(), 0.0, running.toString());
        }
    }

    @ParameterizedTest
    @MethodSource("optimizers")
    void leavesNonTrainableParametersUntouched(Supplier<Optimizer<?>> make) {
        Parameter frozen = new Parameter("moving_mean", Tensor.vector(0.5, -0.5), false);
        frozen.grad().data()[0] = 3.0;
        Optimizer<?> optimizer = make.get();
        optimizer.step(List.of(frozen));
        optimizer.step(List.of(frozen));
        assertArrayEquals(new double[] {0.5, -0.5}, frozen.value().data(), 0.0);
        assertEquals(2, optimizer.iterations());
    }

    @Test
    void keepsSeparateStateForEachParameter() {
        // Two parameters with the same gradient history must follow identical paths; a shared
        // velocity would make the second one move twice as fast.
        Parameter a = new Parameter("a", Tensor.vector(1.0), true);
        Parameter b = new Parameter("b", Tensor.vector(1.0), true);
        SGD sgd = new SGD(new SGD.Config(0.1, 0.9, false));
        for (int step = 0; step < 3; step++) {
            a.grad().data()[0] = 1.0;
            b.grad().data()[0] = 1.0;
            sgd.step(List.of(a, b));
        }
        // v: −0.1, −0.19, −0.271 → w = 1 − 0.561
        assertEquals(0.439, a.value().get(0), 1e-12);
        assertEquals(0.439, b.value().get(0), 1e-12);
    }

    @Test
    void restoreRejectsAStateOfAnotherModel() {
        List<Parameter> parameters = parameters();
        Adam adam = new Adam();
        adam.step(parameters);
        Optimizer.Snapshot snapshot = adam.snapshot(parameters);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Adam().restore(List.of(parameters.get(0)), snapshot));
        assertEquals("Optimizer state holds 2 parameters but the model has 1. Hint: restore a snapshot taken from the"
                + " same model (same layers, same optimizer and options).", e.getMessage());
    }

    @Test
    void restoreRejectsAStateOfAnotherOptimizer() {
        List<Parameter> parameters = parameters();
        Adam adam = new Adam();
        adam.step(parameters);
        Optimizer.Snapshot snapshot = adam.snapshot(parameters);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Adagrad().restore(parameters, snapshot));
        assertEquals("Optimizer state of adam cannot be restored into adagrad. Hint: restore a snapshot taken from the"
                + " same model (same layers, same optimizer and options).", e.getMessage());
    }

    @Test
    void restoreNamesTheSlotsAnOptimizerKeeps() {
        List<Parameter> parameters = parameters();
        Adam adam = new Adam();
        adam.step(parameters);
        Optimizer.Snapshot snapshot = adam.snapshot(parameters);
        Adam amsgrad = new Adam(Adam.Config.DEFAULTS.amsgrad(true));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> amsgrad.restore(parameters, snapshot));
        assertEquals("Optimizer state for a has 2 slots but adam keeps 3 [momentum, velocity, velocity_hat]. Hint:"
                + " restore a snapshot taken from the same model (same layers, same optimizer and options).",
                e.getMessage());
        assertEquals(0, amsgrad.iterations(), "a refused restore leaves the optimizer as it was");
    }

    @Test
    void aScheduleIsReadAtTheStepCountBeforeEachStep() {
        Parameter w = new Parameter("w", Tensor.vector(0.0), true);
        SGD sgd = new SGD(SGD.Config.DEFAULTS.learningRate(
                new org.nnlab.core.optim.schedule.ExponentialDecay(1.0, 1, 0.5)));
        for (int step = 0; step < 3; step++) {
            assertEquals(Math.pow(0.5, step), sgd.learningRate(), 0.0);
            w.grad().data()[0] = 1.0;
            sgd.step(List.of(w));
        }
        // w = −(1 + 0.5 + 0.25)
        assertEquals(-1.75, w.value().get(0), 0.0);
    }

    @Test
    void anAssignedLearningRateIsUsedAndSaved() {
        List<Parameter> parameters = parameters();
        Adam adam = new Adam(0.1);
        adam.setLearningRate(0.01);
        assertEquals(0.01, adam.learningRate());
        adam.step(parameters);
        Optimizer.Snapshot snapshot = adam.snapshot(parameters);
        assertEquals(0.01, snapshot.learningRate());
        Adam resumed = new Adam(0.1);
        resumed.restore(parameters, snapshot);
        assertEquals(0.01, resumed.learningRate());
        assertEquals(Double.NaN, new Adam(0.1).snapshot(parameters).learningRate(), "NaN: the config's rate holds");
    }

    @Test
    void aScheduledLearningRateCannotBeAssigned() {
        Adam adam = new Adam(Adam.Config.DEFAULTS.learningRate(
                new org.nnlab.core.optim.schedule.InverseTimeDecay(0.1, 10, 0.5)));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> adam.setLearningRate(0.01));
        assertEquals("adam was created with the learning rate schedule InverseTimeDecay[initialLearningRate=0.1,"
                + " decaySteps=10, decayRate=0.5, staircase=false], so its learning rate is not settable, as in Keras."
                + " Hint: give the optimizer a constant learning rate to change it from a callback, or use the schedule"
                + " alone.", e.getMessage());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> new Adam().setLearningRate(-0.5));
        assertEquals("adam learningRate (-0.5) must be > 0. Hint: a learning rate scales every step and must stay > 0.",
                bad.getMessage());
    }

    @Test
    void aScheduleThatOverflowsStopsTheStepWithItsValue() {
        Parameter w = new Parameter("w", Tensor.vector(1.0), true);
        SGD sgd = new SGD(SGD.Config.DEFAULTS.learningRate(
                new org.nnlab.core.optim.schedule.ExponentialDecay(0.1, 1, 1e200)));
        sgd.step(List.of(w));
        sgd.step(List.of(w));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> sgd.step(List.of(w)));
        assertTrue(e.getMessage().startsWith("sgd's learning rate ExponentialDecay[initialLearningRate=0.1, decaySteps=1,"
                + " decayRate=1.0E200, staircase=false] gives Infinity at step 2; a learning rate must be finite and"
                + " >= 0."), e.getMessage());
    }

    @Test
    void restartsThatGrowWithoutBoundStopTheStepWithAHint() {
        Parameter w = new Parameter("w", Tensor.vector(1.0), true);
        SGD sgd = new SGD(SGD.Config.DEFAULTS.learningRate(
                new org.nnlab.core.optim.schedule.CosineDecayRestarts(0.1, 1, 1.0, 1e200, 0.0)));
        sgd.step(List.of(w));
        sgd.step(List.of(w));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> sgd.step(List.of(w)));
        assertEquals("sgd's learning rate CosineDecayRestarts[initialLearningRate=0.1, firstDecaySteps=1, tMul=1.0,"
                + " mMul=1.0E200, alpha=0.0] gives Infinity at step 2; a learning rate must be finite and >= 0. Hint: a"
                + " decayRate above 1 (ExponentialDecay) or an mMul above 1 (CosineDecayRestarts) makes the rate grow"
                + " without bound; use a value <= 1 or fewer steps.", e.getMessage());
    }

    private static List<Parameter> parameters() {
        return List.of(new Parameter("a", Tensor.matrix(new double[][] {{1, 2, 3}, {4, 5, 6}}), true),
                new Parameter("b", Tensor.vector(0.1, -0.2, 0.3), true));
    }

    private static void setGradients(List<Parameter> parameters, SplittableRandom rng) {
        for (Parameter p : parameters) {
            double[] g = p.grad().data();
            for (int i = 0; i < g.length; i++) {
                g[i] = rng.nextDouble(-1, 1);
            }
        }
    }

    private static void copyGradients(List<Parameter> from, List<Parameter> to) {
        for (int i = 0; i < from.size(); i++) {
            to.get(i).grad().copyFrom(from.get(i).grad());
        }
    }
}
