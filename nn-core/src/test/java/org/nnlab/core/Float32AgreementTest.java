package org.nnlab.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.nnlab.core.layer.Activation;
import org.nnlab.core.layer.ActivationLayer;
import org.nnlab.core.layer.BatchNormalization;
import org.nnlab.core.layer.Dense;
import org.nnlab.core.layer.Dropout;
import org.nnlab.core.layer.Flatten;
import org.nnlab.core.layer.Layer;
import org.nnlab.core.layer.Parameter;
import org.nnlab.core.loss.Loss;
import org.nnlab.core.optim.Adagrad;
import org.nnlab.core.optim.Adam;
import org.nnlab.core.optim.AdamW;
import org.nnlab.core.optim.Optimizer;
import org.nnlab.core.optim.RMSprop;
import org.nnlab.core.optim.SGD;
import org.nnlab.core.optim.schedule.CosineDecay;
import org.nnlab.core.optim.schedule.CosineDecayRestarts;
import org.nnlab.core.optim.schedule.ExponentialDecay;
import org.nnlab.core.optim.schedule.PolynomialDecay;
import org.nnlab.core.regularizer.L1;
import org.nnlab.core.regularizer.L1L2;
import org.nnlab.core.regularizer.L2;
import org.nnlab.core.regularizer.Regularizer;
import org.nnlab.core.tensor.Precision;
import org.nnlab.core.tensor.Tensor;
import org.nnlab.core.train.FitOptions;
import org.nnlab.core.train.History;
import org.nnlab.core.train.Metric;
import org.nnlab.core.train.Sequential;
import org.nnlab.core.train.Verbosity;

/**
 * The float32 code, generated from the float64 code, computes what the float64 reference computes,
 * within float32's rounding: layer by layer (forward, input gradient, parameter gradients), loss by
 * loss, regularizer by regularizer and optimizer step by step (with weight decay, each clipping and
 * learning-rate schedules), from the same starting values.
 *
 * <p>Both precisions start from the same numbers: a float32 layer is built from the same seed
 * (its weights are the float64 ones rounded), and every input is a float first, so the float64
 * run sees exactly the float32 run's inputs. The tolerance is PyTorch's {@code assert_close} for
 * float32 loosened for sums of tens of terms: |a₃₂ − a₆₄| ≤ 1e-5 + 1e-5 · |a₆₄|. An index or a term
 * gone wrong is off by orders of magnitude more.
 */
class Float32AgreementTest {
    private static final double RTOL = 1e-5;
    private static final double ATOL = 1e-5;

    @ParameterizedTest
    @EnumSource(value = Activation.class, names = "STEP", mode = EnumSource.Mode.EXCLUDE)
    void denseAgreesInForwardAndBackward(Activation activation) {
        assertLayersAgree("Dense(7, " + activation + ")", () -> new Dense(7, activation), new int[] {11}, true);
    }

    @Test
    void denseWithoutBiasAgreesOnSparseInput() {
        // Most inputs zero: the sparse products, in both precisions.
        assertLayersAgree("Dense(5, relu, no bias) on sparse input",
                () -> new Dense(Dense.Config.of(5, Activation.RELU).noBias()), new int[] {40}, true, 0.8);
    }

    @ParameterizedTest
    @EnumSource(value = Activation.class, names = "STEP", mode = EnumSource.Mode.EXCLUDE)
    void activationLayersAgree(Activation activation) {
        assertLayersAgree("Activation(" + activation + ")", () -> new ActivationLayer(activation), new int[] {3, 4},
                true);
    }

    @Test
    void flattenAgrees() {
        assertLayersAgree("Flatten", Flatten::new, new int[] {3, 4}, true);
    }

    @Test
    void dropoutDropsTheSameValuesAndAgrees() {
        assertLayersAgree("Dropout(0.4)", () -> new Dropout(null, 0.4, () -> new SplittableRandom(9)),
                new int[] {12}, true);
    }

    @Test
    void batchNormalizationAgreesInTrainingAndInference() {
        assertLayersAgree("BatchNormalization, training", BatchNormalization::new, new int[] {6}, true);
        assertLayersAgree("BatchNormalization, inference", BatchNormalization::new, new int[] {6}, false);
    }

    @Test
    void lossesAgreeOnValueAndGradients() {
        SplittableRandom rng = new SplittableRandom(3);
        Tensor logits = floats(rng, 8, 5);
        Tensor p = Tensor.zeros(Precision.FLOAT32, 8, 5);
        Activation.SOFTMAX.apply(logits, p, 8, 5);
        Tensor sig = Tensor.zeros(Precision.FLOAT32, 8, 5);
        Activation.SIGMOID.apply(logits, sig, 8, 5);
        Tensor labels = Tensor.zeros(8);
        Tensor oneHot = Tensor.zeros(8, 5);
        Tensor binary = Tensor.zeros(8, 5);
        for (int r = 0; r < 8; r++) {
            labels.set(r, rng.nextInt(5));
            oneHot.set(r, (int) labels.get(r), 1.0);
            for (int k = 0; k < 5; k++) {
                binary.set(r, k, rng.nextInt(2));
            }
        }
        assertLossAgrees(Loss.SPARSE_CATEGORICAL_CROSSENTROPY, p, logits, labels);
        assertLossAgrees(Loss.CATEGORICAL_CROSSENTROPY, p, logits, oneHot);
        assertLossAgrees(Loss.BINARY_CROSSENTROPY, sig, logits, binary);
        assertLossAgrees(Loss.MEAN_SQUARED_ERROR, logits, null, oneHot);
        assertLossAgrees(Loss.MEAN_ABSOLUTE_ERROR, logits, null, oneHot);
    }

    @Test
    void optimizerStepsAgree() {
        assertStepsAgree("SGD", () -> new SGD(0.1));
        assertStepsAgree("SGD, Nesterov momentum", () -> new SGD(SGD.Config.DEFAULTS.learningRate(0.05)
                .momentum(0.9).nesterov(true)));
        assertStepsAgree("RMSprop, centered, momentum", () -> new RMSprop(RMSprop.Config.DEFAULTS.momentum(0.5)
                .centered(true)));
        assertStepsAgree("Adagrad", () -> new Adagrad(0.05));
        assertStepsAgree("Adam", Adam::new);
        assertStepsAgree("Adam, AMSGrad", () -> new Adam(Adam.Config.DEFAULTS.amsgrad(true)));
    }

    @Test
    void weightDecayClippingAndSchedulesAgree() {
        // Issue 20's paths: decoupled decay (with an exclusion), the three clippings, a schedule.
        assertStepsAgree("AdamW, bias excluded", () -> AdamW.Config.DEFAULTS.learningRate(0.01)
                .excludeFromWeightDecay("bias").create());
        assertStepsAgree("SGD, weight decay 0.1", () -> SGD.Config.DEFAULTS.weightDecay(0.1).create());
        assertStepsAgree("Adam, clipnorm 0.5", () -> Adam.Config.DEFAULTS.clipnorm(0.5).create());
        assertStepsAgree("RMSprop, globalClipnorm 0.3", () -> RMSprop.Config.DEFAULTS.globalClipnorm(0.3).create());
        assertStepsAgree("SGD momentum, clipvalue 0.2", () -> SGD.Config.DEFAULTS.momentum(0.9).clipvalue(0.2).create());
        assertStepsAgree("Adagrad, exponential decay", () -> Adagrad.Config.DEFAULTS
                .learningRate(new ExponentialDecay(0.1, 2, 0.5)).create());
        assertStepsAgree("Adam, cosine decay with warm-up", () -> Adam.Config.DEFAULTS
                .learningRate(new CosineDecay(0.0, 10, 0.01, 2)).weightDecay(0.01).create());
        assertStepsAgree("RMSprop, cycling polynomial decay", () -> RMSprop.Config.DEFAULTS
                .learningRate(new PolynomialDecay(0.01, 1, 0.001, 0.5, true)).create());
        assertStepsAgree("SGD momentum, cosine decay with restarts", () -> SGD.Config.DEFAULTS.momentum(0.9)
                .learningRate(new CosineDecayRestarts(0.1, 1, 3.0, 0.5, 0.1)).weightDecay(0.01).create());
    }

    @Test
    void regularizerPenaltiesAndGradientsAgree() {
        for (Regularizer r : List.of(new L1(0.1), new L2(0.2), new L1L2(0.05, 0.3))) {
            SplittableRandom rng = new SplittableRandom(8);
            Tensor w32 = floats(rng, 6, 5);
            w32.set(3, 0); // L1's gradient at its kink: 0 in both
            Tensor w64 = w32.to(Precision.FLOAT64);
            assertClose(r + " penalty", r.penalty(w64), r.penalty(w32), 1e-12, 0);
            Tensor g32 = floats(rng, 6, 5);
            Tensor g64 = g32.to(Precision.FLOAT64);
            r.addGradient(w32, g32);
            r.addGradient(w64, g64);
            assertEquals(Precision.FLOAT32, g32.precision(), r + ": the gradient stays float32");
            assertTensorsClose(r + " gradient", g64, g32, RTOL, ATOL);
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aFloat32ModelTrainsAlongTheFloat64Model(boolean regularized) {
        SplittableRandom rng = new SplittableRandom(4);
        Tensor x = Tensor.zeros(64, 6);
        Tensor y = Tensor.zeros(64);
        for (int i = 0; i < 64; i++) {
            for (int j = 0; j < 6; j++) {
                x.set(i, j, (float) rng.nextDouble(-1, 1));
            }
            y.set(i, x.get(i, 0) + x.get(i, 1) > 0 ? 1 : 0);
        }
        List<History> runs = new ArrayList<>();
        List<Sequential> models = new ArrayList<>();
        for (Precision precision : Precision.values()) {
            Sequential model;
            if (regularized) {
                // Penalties on kernel, bias, γ, β and the outputs (the softmax's through the fused head), AdamW
                // with an exclusion, global clipping and a schedule.
                model = new Sequential(new int[] {6}, List.of(Dense.Config.of(8, Activation.TANH)
                        .kernelRegularizer(new L1L2(0.01, 0.02)).biasRegularizer(new L2(0.05))
                        .activityRegularizer(new L1L2(0.001, 0.002)).create(),
                        BatchNormalization.Config.DEFAULTS.gammaRegularizer(new L2(0.1)).betaRegularizer(new L1(0.01))
                                .create(), Dense.Config.of(2, Activation.SOFTMAX).kernelRegularizer(new L2(0.01))
                                .activityRegularizer(new L2(0.003)).create()),
                        7, precision);
                model.compile(AdamW.Config.DEFAULTS.learningRate(new ExponentialDecay(0.02, 4, 0.9))
                        .excludeFromWeightDecay("gamma", "beta").globalClipnorm(0.5).create(),
                        Loss.SPARSE_CATEGORICAL_CROSSENTROPY, Metric.ACCURACY);
            } else {
                model = new Sequential(new int[] {6}, List.of(new Dense(8, Activation.TANH),
                        new BatchNormalization(), new Dense(2, Activation.SOFTMAX)), 7, precision);
                model.compile(new Adam(0.01), Loss.SPARSE_CATEGORICAL_CROSSENTROPY, Metric.ACCURACY);
            }
            runs.add(model.fit(x, y, FitOptions.builder().epochs(3).batchSize(16).verbosity(Verbosity.SILENT).build()));
            models.add(model);
        }
        double[] loss32 = runs.get(0).get("loss");
        double[] loss64 = runs.get(1).get("loss");
        for (int e = 0; e < loss64.length; e++) {
            assertClose("loss of epoch " + (e + 1), loss64[e], loss32[e], 1e-4, 1e-4);
        }
        List<Tensor> w32 = models.get(0).getWeights();
        List<Tensor> w64 = models.get(1).getWeights();
        for (int i = 0; i < w64.size(); i++) {
            assertEquals(Precision.FLOAT32, w32.get(i).precision(), "weight " + i + " stays float32");
            assertTensorsClose("weight " + i + " after 12 steps", w64.get(i), w32.get(i), 1e-4, 1e-4);
        }
    }

    private static void assertLayersAgree(String what, Supplier<Layer> make, int[] exampleShape, boolean training) {
        assertLayersAgree(what, make, exampleShape, training, 0.0);
    }

    /** Builds the layer in both precisions from one seed, runs forward and backward on the same floats, compares. */
    private static void assertLayersAgree(String what, Supplier<Layer> make, int[] exampleShape, boolean training,
                                          double zeroFraction) {
        Layer l64 = make.get();
        Layer l32 = make.get();
        l64.build(exampleShape, Precision.FLOAT64, new SplittableRandom(2));
        l32.build(exampleShape, Precision.FLOAT32, new SplittableRandom(2));
        int[] batchShape = new int[exampleShape.length + 1];
        batchShape[0] = 5;
        System.arraycopy(exampleShape, 0, batchShape, 1, exampleShape.length);
        SplittableRandom rng = new SplittableRandom(1);
        Tensor x = Tensor.zeros(Precision.FLOAT32, batchShape);
        for (int i = 0; i < x.size(); i++) {
            x.set(i, rng.nextDouble() < zeroFraction ? 0 : rng.nextDouble(-2, 2));
        }
        for (int i = 0; i < l64.parameters().size(); i++) {
            assertTensorsClose(what + " initial " + l64.parameters().get(i).name(), l64.parameters().get(i).value(),
                    l32.parameters().get(i).value(), 0x1p-24, 0);
        }
        Tensor y64 = l64.forward(x.to(Precision.FLOAT64), training).copy();
        Tensor y32 = l32.forward(x, training).copy();
        assertEquals(Precision.FLOAT32, y32.precision(), what + ": output precision");
        assertTensorsClose(what + " forward", y64, y32, RTOL, ATOL);

        Tensor dy = floats(rng, y32.shape());
        Tensor dx64 = l64.backward(dy.to(Precision.FLOAT64));
        Tensor dx32 = l32.backward(dy);
        assertEquals(Precision.FLOAT32, dx32.precision(), what + ": input gradient precision");
        assertTensorsClose(what + " input gradient", dx64, dx32, RTOL, ATOL);
        for (int i = 0; i < l64.parameters().size(); i++) {
            Parameter p64 = l64.parameters().get(i);
            Parameter p32 = l32.parameters().get(i);
            assertEquals(Precision.FLOAT32, p32.grad().precision(), what + ": " + p32.name() + " grad precision");
            assertTensorsClose(what + " " + p64.name() + " gradient", p64.grad(), p32.grad(), RTOL, ATOL);
            assertTensorsClose(what + " " + p64.name() + " value after the pass", p64.value(), p32.value(), RTOL, ATOL);
        }
    }

    private static void assertLossAgrees(Loss loss, Tensor predictions32, Tensor logits32, Tensor targets) {
        Tensor p64 = predictions32.to(Precision.FLOAT64);
        String what = loss.kerasName();
        assertClose(what + " value", loss.compute(p64, targets), loss.compute(predictions32, targets), RTOL, ATOL);
        Tensor g32 = loss.gradient(predictions32, targets);
        assertEquals(Precision.FLOAT32, g32.precision(), what + " gradient precision");
        assertTensorsClose(what + " gradient", loss.gradient(p64, targets), g32, RTOL, ATOL);
        if (logits32 != null) {
            Tensor z64 = logits32.to(Precision.FLOAT64);
            assertClose(what + " value from logits", loss.computeFromLogits(z64, targets),
                    loss.computeFromLogits(logits32, targets), RTOL, ATOL);
            assertTensorsClose(what + " fused gradient", loss.fusedGradient(p64, targets),
                    loss.fusedGradient(predictions32, targets), RTOL, ATOL);
        }
    }

    /**
     * Three steps of the same optimizer on float32 and float64 copies of the same kernel and bias and
     * the same gradients.
     */
    private static void assertStepsAgree(String what, Supplier<Optimizer<?>> make) {
        SplittableRandom rng = new SplittableRandom(5);
        Tensor w = floats(rng, 4, 3);
        Tensor b = floats(rng, 3);
        List<Parameter> p32 = List.of(new Parameter("dense/kernel", w.copy(), true),
                new Parameter("dense/bias", b.copy(), true));
        List<Parameter> p64 = List.of(new Parameter("dense/kernel", w.to(Precision.FLOAT64), true),
                new Parameter("dense/bias", b.to(Precision.FLOAT64), true));
        Optimizer<?> o32 = make.get();
        Optimizer<?> o64 = make.get();
        for (int step = 1; step <= 3; step++) {
            for (int i = 0; i < p32.size(); i++) {
                Tensor g = floats(rng, p32.get(i).value().shape());
                p32.get(i).grad().copyFrom(g);
                p64.get(i).grad().copyFrom(g);
            }
            o32.step(p32);
            o64.step(p64);
            for (int i = 0; i < p32.size(); i++) {
                assertEquals(Precision.FLOAT32, p32.get(i).value().precision(), what + ": weights stay float32");
                assertTensorsClose(what + ", step " + step + ", " + p64.get(i).name(), p64.get(i).value(),
                        p32.get(i).value(), RTOL, ATOL);
            }
        }
        for (int i = 0; i < p32.size(); i++) {
            Tensor[] state32 = o32.snapshot(p32).slots().get(i);
            Tensor[] state64 = o64.snapshot(p64).slots().get(i);
            assertEquals(state64.length, state32.length, what + ": slots");
            for (int k = 0; k < state64.length; k++) {
                assertEquals(Precision.FLOAT32, state32[k].precision(), what + ": slot " + k + " is float32");
                assertTensorsClose(what + ", slot " + o64.slotNames().get(k) + " of " + p64.get(i).name(), state64[k],
                        state32[k], RTOL, ATOL);
            }
        }
    }

    private static Tensor floats(SplittableRandom rng, int... shape) {
        Tensor t = Tensor.zeros(Precision.FLOAT32, shape);
        for (int i = 0; i < t.size(); i++) {
            t.set(i, rng.nextDouble(-1, 1));
        }
        return t;
    }

    private static void assertTensorsClose(String what, Tensor expected, Tensor actual, double rtol, double atol) {
        assertEquals(expected.size(), actual.size(), what + ": size");
        for (int i = 0; i < expected.size(); i++) {
            assertClose(what + " at " + i, expected.get(i), actual.get(i), rtol, atol);
        }
    }

    private static void assertClose(String what, double expected, double actual, double rtol, double atol) {
        double diff = Math.abs(expected - actual);
        assertTrue(diff <= atol + rtol * Math.abs(expected), () -> what + ": float32 " + actual + ", float64 " + expected
                + ", off by " + diff);
    }
}
