package org.nnlab.core.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nnlab.core.layer.Parameter;
import org.nnlab.core.optim.schedule.CosineDecayRestarts;
import org.nnlab.core.optim.schedule.ExponentialDecay;
import org.nnlab.core.optim.schedule.PolynomialDecay;
import org.nnlab.core.tensor.Tensor;

/**
 * Weight decay and clipping, Keras 3's {@code base_optimizer.py}: the values of its
 * {@code optimizer_test.py} and three steps against {@code keras3_reference.py}'s transcription of
 * {@code apply} (clip, decay with this step's learning rate, then the optimizer's update).
 */
class OptimizerOptionsTest {

    private static double[] clipped(OptimizerConfig<?> config, double... gradient) {
        Parameter p = new Parameter("w", Tensor.vector(new double[gradient.length]), true);
        System.arraycopy(gradient, 0, p.grad().data(), 0, gradient.length);
        // The step clips the grad in place before the update; read it back.
        config.create().step(List.of(p));
        return p.grad().data();
    }

    @Test
    void clipnormScalesAGradientDownToTheNorm() {
        // optimizer_test.py test_clip_norm: SGD(clipnorm=1) on [100, 100] → [√2/2, √2/2]
        assertArrayEquals(new double[] {Math.sqrt(2) / 2, Math.sqrt(2) / 2},
                clipped(SGD.Config.DEFAULTS.clipnorm(1), 100, 100), 1e-15);
    }

    @Test
    void clipnormLeavesASmallGradientAlone() {
        assertArrayEquals(new double[] {0.3, -0.4}, clipped(SGD.Config.DEFAULTS.clipnorm(1), 0.3, -0.4), 0.0);
        assertArrayEquals(new double[] {0.0, 0.0}, clipped(SGD.Config.DEFAULTS.clipnorm(1), 0, 0), 0.0);
    }

    @Test
    void clipvalueClipsEachValue() {
        // test_clip_value: SGD(clipvalue=1) on [100, 100] → [1, 1]
        assertArrayEquals(new double[] {1, 1}, clipped(SGD.Config.DEFAULTS.clipvalue(1), 100, 100), 0.0);
        assertArrayEquals(new double[] {-0.5, 0.2}, clipped(SGD.Config.DEFAULTS.clipvalue(0.5), -3, 0.2), 0.0);
    }

    @Test
    void globalClipnormScalesAllGradientsByOneFactor() {
        // test_global_clip_norm: SGD(global_clipnorm=1) on [50, 100] → grad / ‖grad‖
        double norm = Math.sqrt(50 * 50 + 100 * 100);
        assertArrayEquals(new double[] {50 / norm, 100 / norm}, clipped(SGD.Config.DEFAULTS.globalClipnorm(1), 50, 100),
                1e-15);
    }

    @Test
    void globalClipnormSpansEveryTrainableParameterAndSkipsFrozenOnes() {
        Parameter a = new Parameter("a", Tensor.vector(0, 0), true);
        Parameter b = new Parameter("b", Tensor.vector(0), true);
        Parameter frozen = new Parameter("frozen", Tensor.vector(0), false);
        a.grad().data()[0] = 3;
        b.grad().data()[0] = 4;
        frozen.grad().data()[0] = 100;
        new SGD(SGD.Config.DEFAULTS.globalClipnorm(1)).step(List.of(a, b, frozen));
        // N = ‖(3, 0, 4)‖ = 5, so every gradient is divided by 5; the frozen one is not counted or touched.
        assertArrayEquals(new double[] {0.6, 0}, a.grad().data(), 1e-15);
        assertArrayEquals(new double[] {0.8}, b.grad().data(), 1e-15);
        assertArrayEquals(new double[] {100}, frozen.grad().data(), 0.0);
    }

    @Test
    void globalClipnormOfAnInfiniteGradientIsNaNAsInKeras() {
        double[] g = clipped(SGD.Config.DEFAULTS.globalClipnorm(1), Double.POSITIVE_INFINITY, 1);
        assertTrue(Double.isNaN(g[0]) && Double.isNaN(g[1]), java.util.Arrays.toString(g));
    }

    @Test
    void weightDecayUsesTheStepsLearningRateAndKeepsExcludedWeights() {
        // adamw_test.py test_weight_decay: three AdamW(learning_rate=1, weight_decay=0.004) steps on var1 = 2 with
        // zero gradients give 1.9760959; var2 excluded by name and var3 by variable stay 2.0.
        Parameter var1 = new Parameter("var1", Tensor.vector(2.0), true);
        Parameter var2 = new Parameter("exclude", Tensor.vector(2.0), true);
        Parameter var3 = new Parameter("var3", Tensor.vector(2.0), true);
        AdamW.Config config = AdamW.Config.DEFAULTS.learningRate(1.0).weightDecay(0.004);
        config.create().step(List.of(var1));
        config.excludeFromWeightDecay("exclude").create().step(List.of(var1, var2));
        AdamW third = config.create();
        third.excludeFromWeightDecay(List.of(var3));
        third.step(List.of(var1, var3));
        assertEquals(1.9760959, var1.value().get(0), 1e-6);
        assertEquals(2.0, var2.value().get(0), 0.0);
        assertEquals(2.0, var3.value().get(0), 0.0);
    }

    @Test
    void decayedSgdMatchesTheTranscription() {
        ThreeSteps.assertSteps(new SGD(SGD.Config.DEFAULTS.learningRate(0.5).weightDecay(0.1)), new double[][] {
                {0.7, -1.4}, {0.565, -1.5299999999999998}, {0.68675, -1.5034999999999998}});
    }

    @Test
    void clippedMomentumSgdMatchesTheTranscription() {
        ThreeSteps.assertSteps(new SGD(new SGD.Config(0.1, 0.9, false).clipnorm(0.5)), new double[][] {
                {0.9776393202250021, -1.9552786404500042},
                {0.937514708427504, -1.955029416855008},
                {0.9314025578097557, -1.9648051156195114}});
    }

    @Test
    void adamWithGlobalClippingAndDecayMatchesTheTranscription() {
        ThreeSteps.assertSteps(new Adam(Adam.Config.DEFAULTS.learningRate(0.1).globalClipnorm(0.3).weightDecay(0.05)),
                new double[][] {
                        {0.8950023569670498, -1.8900011784974133},
                        {0.7905290122379137, -1.8858142866294105},
                        {0.7968848288405834, -1.8958362965740723}});
    }

    @Test
    void clippedRmspropMatchesTheTranscription() {
        ThreeSteps.assertSteps(new RMSprop(RMSprop.Config.DEFAULTS.learningRate(0.01).clipvalue(0.25)), new double[][] {
                {0.9683774763774933, -1.9683774763774933},
                {0.9479916946198782, -1.9913189531690612},
                {0.9684638384549172, -2.000568859398612}});
    }

    @Test
    void decayedAdagradMatchesTheTranscription() {
        ThreeSteps.assertSteps(new Adagrad(Adagrad.Config.DEFAULTS.learningRate(0.1).weightDecay(0.2)), new double[][] {
                {0.8954845866007779, -1.8646537454093612},
                {0.8455492682135942, -1.8629955013420834},
                {0.8719395485279959, -1.83460915606005}});
    }

    @Test
    void decayFollowsTheScheduledRateOfEachStep() {
        // ExponentialDecay(0.1, 2, 0.5, staircase): η = 0.1, 0.1, 0.05 for steps 0, 1, 2; the decay uses the same η.
        ThreeSteps.assertSteps(new Adam(Adam.Config.DEFAULTS.learningRate(new ExponentialDecay(0.1, 2, 0.5, true))
                .weightDecay(0.01)), new double[][] {
                        {0.8990006324515321, -1.898000316226766},
                        {0.8082446392478224, -1.86154183263612},
                        {0.7930629258846361, -1.8502663338195557}});
    }

    @Test
    void sgdStepsWithAPolynomialDecayThatCycles() {
        // PolynomialDecay(0.1, 2, 0.01, power 2, cycle): η = 0.1, 0.09 · 0.5² + 0.01 = 0.0325, 0.01 for steps 0, 1, 2.
        // w ← w − η·g: [1 − 0.05, −2 + 0.1], then − 0.0325 · [0.2, 0.4], then − 0.01 · [−0.3, 0.1].
        ThreeSteps.assertSteps(new SGD(SGD.Config.DEFAULTS.learningRate(new PolynomialDecay(0.1, 2, 0.01, 2.0, true))),
                new double[][] {{0.95, -1.9}, {0.9435, -1.913}, {0.9465, -1.914}});
    }

    @Test
    void sgdStepsWithCosineDecayRestarts() {
        // CosineDecayRestarts(0.1, 2, mMul 0.5): η = 0.1, 0.1 · ½(1 + cos(π/2)) = 0.05, and at step 2 the first
        // restart at half height, 0.05. w ← w − η·g: [0.95, −1.9], [0.94, −1.92], [0.955, −1.925].
        ThreeSteps.assertSteps(new SGD(SGD.Config.DEFAULTS.learningRate(new CosineDecayRestarts(0.1, 2).mMul(0.5))),
                new double[][] {{0.95, -1.9}, {0.94, -1.92}, {0.955, -1.925}});
    }

    @Test
    void onlyOneClippingAtATime() {
        // test_clip_args: "Only one of `clipnorm`, `clipvalue` and `global_clipnorm` can be set."
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SGD.Config.DEFAULTS.clipnorm(0.1).clipvalue(0.1));
        assertEquals("Only one of clipnorm, clipvalue and globalClipnorm can be set, as in Keras, but got clipnorm=0.1,"
                + " clipvalue=0.1, globalClipnorm=null. Hint: keep one.", e.getMessage());
        assertFalse(SGD.Config.DEFAULTS.clipnorm(0.1).options().withoutClipping().clips());
    }

    @Test
    void negativeNaNOrZeroClippingIsRefusedWithTheRange() {
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                () -> Adam.Config.DEFAULTS.clipnorm(-1));
        assertEquals("clipnorm (-1.0) must be > 0. Hint: leave it out for no clipping; 1.0 is a common choice.",
                negative.getMessage());
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> Adam.Config.DEFAULTS.clipvalue(Double.NaN));
        assertEquals("clipvalue (NaN) must be > 0. Hint: leave it out for no clipping; 1.0 is a common choice.",
                nan.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Adam.Config.DEFAULTS.globalClipnorm(0));
    }

    @Test
    void negativeOrNaNWeightDecayIsRefusedWithTheRange() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SGD.Config.DEFAULTS.weightDecay(-0.004));
        assertEquals("weightDecay (-0.004) must be >= 0. Hint: each step multiplies the weights by (1 - weightDecay *"
                + " learningRate); AdamW uses 0.004, 0 turns it off.", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> AdamW.Config.DEFAULTS.weightDecay(Double.NaN));
    }

    @Test
    void exclusionPatternsAreCheckedAsRegularExpressions() {
        IllegalArgumentException blank = assertThrows(IllegalArgumentException.class,
                () -> AdamW.Config.DEFAULTS.excludeFromWeightDecay(" "));
        assertEquals("excludeFromWeightDecay has a blank pattern, which would match every parameter. Hint: name what"
                + " to exempt, e.g. \"bias\", or set weightDecay to 0.", blank.getMessage());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> AdamW.Config.DEFAULTS.excludeFromWeightDecay("dense_1/(bias"));
        assertTrue(bad.getMessage().startsWith("excludeFromWeightDecay pattern 'dense_1/(bias' is not a regular"
                + " expression: Unclosed group."), bad.getMessage());
    }

    @Test
    void anExclusionThatMatchesNoParameterIsNamed() {
        List<Parameter> model = List.of(new Parameter("dense/kernel", Tensor.vector(1), true),
                new Parameter("dense/bias", Tensor.vector(1), true));
        AdamW adamw = AdamW.Config.DEFAULTS.excludeFromWeightDecay("bias", "gama").create();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> adamw.checkExclusions(model));
        assertEquals("AdamW excludeFromWeightDecay 'gama' matches no parameter of the model; its parameters are"
                + " [dense/kernel, dense/bias]. Hint: a pattern is searched in each name, as Keras does: \"bias\""
                + " exempts every bias, \"gamma\" and \"beta\" batch normalization, \"dense_1/\" one layer.",
                e.getMessage());
        AdamW byParameter = new AdamW();
        byParameter.excludeFromWeightDecay(List.of(new Parameter("other/bias", Tensor.vector(1), true)));
        IllegalArgumentException foreign = assertThrows(IllegalArgumentException.class,
                () -> byParameter.checkExclusions(model));
        assertTrue(foreign.getMessage().startsWith("AdamW excludes other/bias from weight decay, but it is not a"
                + " parameter of this model"), foreign.getMessage());
    }

    @Test
    void exclusionsByParameterAreFixedBeforeTheFirstStep() {
        Parameter w = new Parameter("w", Tensor.vector(1), true);
        AdamW adamw = new AdamW();
        adamw.step(List.of(w));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> adamw.excludeFromWeightDecay(List.of(w)));
        assertEquals("excludeFromWeightDecay can only be configured before adamw takes its first step, as in Keras."
                + " Hint: call it right after creating the optimizer.", e.getMessage());
    }

    @Test
    void optionsPrintOnlyWhatIsSet() {
        assertEquals("none", OptimizerOptions.NONE.toString());
        assertEquals("weightDecay=0.004, excludeFromWeightDecay=[bias], clipnorm=1.0",
                AdamW.Config.DEFAULTS.excludeFromWeightDecay("bias").clipnorm(1).options().toString());
    }
}
