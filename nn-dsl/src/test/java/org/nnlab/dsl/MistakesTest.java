package org.nnlab.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nnlab.dsl.Nn.BINARY_CROSSENTROPY;
import static org.nnlab.dsl.Nn.CATEGORICAL_CROSSENTROPY;
import static org.nnlab.dsl.Nn.MEAN_SQUARED_ERROR;
import static org.nnlab.dsl.Nn.MSE;
import static org.nnlab.dsl.Nn.RELU;
import static org.nnlab.dsl.Nn.SIGMOID;
import static org.nnlab.dsl.Nn.SOFTMAX;
import static org.nnlab.dsl.Nn.SPARSE_CATEGORICAL_CROSSENTROPY;
import static org.nnlab.dsl.Nn.STEP;
import static org.nnlab.dsl.Nn.VAL_ACCURACY;
import static org.nnlab.dsl.Nn.adam;
import static org.nnlab.dsl.Nn.sgd;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Each mistake students make is caught on the line that makes it, with nn-core's message. */
class MistakesTest {

    private static String message(Executable e) {
        return assertThrows(IllegalArgumentException.class, e).getMessage();
    }

    private static void assertContains(String message, String... parts) {
        for (String p : parts) {
            assertTrue(message.contains(p), () -> "expected <" + p + "> in: " + message);
        }
    }

    @Test
    void rejectsZeroUnitsNamingTheLayer() {
        assertEquals("Layer 2 (dense_1): Dense units (0) must be > 0. Hint: units is the number of neurons, e.g. 100"
                + " for a hidden layer or 10 for ten classes.", message(() -> Nn.input(2).dense(3, RELU).dense(0, SIGMOID)));
    }

    @Test
    void rejectsNegativeUnits() {
        assertContains(message(() -> Nn.input(2).dense(-5)), "Layer 1 (dense): Dense units (-5) must be > 0");
    }

    @Test
    void rejectsImageFedToDenseWithoutFlatten() {
        assertEquals("Layer 1 (dense): Dense expects a flat input (features) but got shape (None, 28, 28). Did you"
                + " forget a Flatten layer before it? It turns (None, 28, 28) into (None, 784).",
                message(() -> Nn.input(28, 28).dense(100, RELU)));
    }

    @Test
    void rejectsDropoutRateOfOne() {
        assertContains(message(() -> Nn.input(4).dense(8, RELU).dropout(1.0)),
                "Layer 2 (dropout): Dropout rate (1.0) must be in [0, 1)");
    }

    @Test
    void rejectsNegativeDropoutRate() {
        assertContains(message(() -> Nn.input(4).dropout(-0.1)), "Dropout rate (-0.1) must be in [0, 1)");
    }

    @Test
    void rejectsSoftmaxOutputWithBinaryCrossentropy() {
        String m = message(() -> Nn.input(4).dense(3, SOFTMAX).compile(adam(), BINARY_CROSSENTROPY));
        assertContains(m, "binary_crossentropy expects probabilities from a sigmoid output, but the output layer,"
                + " Dense layer 1 (dense), ends in softmax", "Hint: for a yes/no label use one sigmoid unit");
    }

    @Test
    void rejectsSigmoidOutputWithSparseCategoricalCrossentropy() {
        String m = message(() -> Nn.input(4).dense(5, SIGMOID).compile(adam(), SPARSE_CATEGORICAL_CROSSENTROPY));
        assertContains(m, "sparse_categorical_crossentropy expects a softmax output", "ends in sigmoid",
                "Hint: use Dense(5, SOFTMAX)", "a sigmoid output goes with binary cross-entropy");
    }

    @Test
    void rejectsSingleUnitOutputWithCategoricalLosses() {
        String sparse = message(() -> Nn.input(4).dense(1, SOFTMAX).compile(sgd(), SPARSE_CATEGORICAL_CROSSENTROPY));
        assertContains(sparse, "sparse_categorical_crossentropy needs one output unit per class (at least 2), but the"
                + " output layer, Dense layer 1 (dense), outputs (None, 1)", "softmax over one unit is always 1");
        String oneHot = message(() -> Nn.input(4).dense(1, SIGMOID).compile(sgd(), CATEGORICAL_CROSSENTROPY));
        assertContains(oneHot, "categorical_crossentropy needs one output unit per class");
    }

    @Test
    void rejectsLearningRateNotAboveZero() {
        assertContains(message(() -> adam().learningRate(0)), "Adam learningRate (0.0) must be > 0");
        assertContains(message(() -> sgd().learningRate(-0.01)), "SGD learningRate (-0.01) must be > 0",
                "Hint: the learning rate scales every step");
    }

    @Test
    void rejectsBatchNormMomentumOutsideOpenUnitInterval() {
        assertContains(message(() -> Nn.input(3).batchNormalization(b -> b.momentum(1.0))),
                "Layer 1 (batch_normalization): BatchNormalization momentum (1.0) must be in (0, 1)");
        assertContains(message(() -> Nn.input(3).batchNormalization(b -> b.momentum(0))),
                "BatchNormalization momentum (0.0) must be in (0, 1)");
    }

    @Test
    void rejectsStepActivationWhenTrainingWithBackpropagation() {
        String m = message(() -> Nn.input(2).dense(1, STEP).compile(sgd(), MEAN_SQUARED_ERROR));
        assertContains(m, "Dense layer 1 (dense) uses the STEP activation, which backpropagation cannot train");
    }

    @Test
    void rejectsDuplicateLayerNames() {
        assertEquals("Layer 2 is named 'hidden', but layer 1 already has that name; names must be unique within a"
                + " model. Hint: leave names out and the model numbers them (dense, dense_1, …).",
                message(() -> Nn.input(2).dense(4, d -> d.named("hidden")).dense(1, d -> d.named("hidden"))));
    }

    @Test
    void rejectsAMalformedLayerName() {
        assertContains(message(() -> Nn.input(2).dense(4, d -> d.named("my layer"))),
                "Layer 1 (dense): Layer name 'my layer' must be letters, digits, '_', '.' or '-'.");
    }

    @Test
    void rejectsEarlyStoppingOnAMetricThatIsNotCompiled() {
        String m = message(() -> Nn.input(2).dense(1).compile(sgd(), MEAN_SQUARED_ERROR, MSE)
                .fit(f -> f.earlyStopping(VAL_ACCURACY, 5)));
        assertEquals("Monitor VAL_ACCURACY ('val_accuracy') needs the ACCURACY metric, but the model reports only the"
                + " loss and [MSE]. Hint: add ACCURACY to the metrics in compile, or monitor VAL_LOSS.", m);
    }

    @Test
    void rejectsNonPositiveInputDimension() {
        assertEquals("Input shape [28, 0] has dimension 2 = 0; every dimension must be > 0. Hint: give the size of one"
                + " example, without the batch axis, e.g. 28, 28.", message(() -> Nn.input(28, 0)));
    }

    @Test
    void rejectsNegativeEpochs() {
        assertContains(message(() -> Nn.input(2).dense(1).compile(sgd(), MEAN_SQUARED_ERROR)
                .fit(f -> f.epochs(-3))), "epochs (-3) must be >= 0");
    }

    @Test
    void refusesToSaveWhatIsNotDataInASpec() {
        assertContains(message(() -> Nn.input(2).dense(1).compile(sgd(), MEAN_SQUARED_ERROR)
                        .fit(f -> f.validationData(org.nnlab.core.tensor.Tensor.zeros(1, 2),
                                org.nnlab.core.tensor.Tensor.zeros(1, 1)))),
                "A spec's fit options are saved with the model, and validation data in memory cannot be.",
                "Hint: give it when training instead");
        assertContains(message(() -> Nn.input(2).dense(1).compile(sgd(), MEAN_SQUARED_ERROR)
                        .fit(f -> f.callbacks(new org.nnlab.core.train.GradientNormRecorder()))),
                "is code, not data; only early stopping and ReduceLROnPlateau can be saved.");
    }

    @Test
    void badPenaltiesDecayAndClippingAreRefusedOnTheirLine() {
        assertEquals("Layer 1 (dense): L2 l2 (-0.01) must be >= 0. Hint: it is the factor of sum(w²) in the loss; Keras"
                + " uses 0.01.", message(() -> Nn.input(2).dense(3, RELU, d -> d.kernelRegularizer(Nn.l2(-0.01)))));
        assertContains(message(() -> Nn.adamw().weightDecay(Double.NaN)), "weightDecay (NaN) must be >= 0");
        assertContains(message(() -> sgd().clipvalue(-0.5)), "clipvalue (-0.5) must be > 0");
        assertContains(message(() -> adam().clipnorm(1).globalClipnorm(1)),
                "Only one of clipnorm, clipvalue and globalClipnorm can be set");
    }

    @Test
    void anExclusionThatNamesNoParameterFailsAtCompile() {
        assertContains(message(() -> Nn.input(2).dense(3, RELU).batchNormalization().dense(1)
                        .compile(Nn.adamw().excludeFromWeightDecay("bias", "gama"), MEAN_SQUARED_ERROR)),
                "AdamW excludeFromWeightDecay 'gama' matches no parameter of the model; its parameters are [dense/kernel,"
                        + " dense/bias, batch_normalization/gamma, batch_normalization/beta, batch_normalization/moving_mean,"
                        + " batch_normalization/moving_variance, dense_1/kernel, dense_1/bias].");
    }

    @Test
    void plateauWithAScheduleFailsWhereTheFitOptionsAreSet() {
        TrainingStage scheduled = Nn.input(2).dense(1)
                .compile(adam().learningRate(Nn.exponentialDecay(0.01, 100, 0.9)), MEAN_SQUARED_ERROR);
        assertContains(message(() -> scheduled.fit(f -> f.reduceLROnPlateau(Nn.LOSS, 0.5, 2))),
                "ReduceLROnPlateau sets the learning rate, but the optimizer was created with the schedule"
                        + " ExponentialDecay[initialLearningRate=0.01, decaySteps=100, decayRate=0.9, staircase=false],"
                        + " whose rate is not settable, as in Keras.");
        assertContains(message(() -> Nn.input(2).dense(1).compile(adam(), MEAN_SQUARED_ERROR)
                .fit(f -> f.reduceLROnPlateau(VAL_ACCURACY, 0.5, 2))), "Monitor VAL_ACCURACY ('val_accuracy') needs the"
                + " ACCURACY metric");
    }

    @Test
    void aScheduleThatWouldYieldANonPositiveRateIsRefused() {
        assertEquals("PiecewiseConstantDecay values[2] (0.0) must be > 0. Hint: each value is the learning rate of one"
                + " interval between boundaries.", message(() -> Nn.piecewiseConstantDecay(java.util.List.of(10L, 20L),
                java.util.List.of(0.1, 0.01, 0.0))));
        assertContains(message(() -> Nn.cosineDecay(0.0, 100)), "CosineDecay initialLearningRate (0.0) must be > 0."
                + " Hint: it is the learning rate at step 0, e.g. 0.1; only a warm-up may start from 0, as in new"
                + " CosineDecay(0.0, decaySteps, warmupTarget, warmupSteps).");
        assertContains(message(() -> Nn.cosineDecayRestarts(0.1, 100).tMul(0.5)), "CosineDecayRestarts tMul (0.5)"
                + " must be >= 1 and finite. Hint: it is each period's length as a multiple of the one before: 1 keeps"
                + " them equal, Keras uses 2.0; below 1 the periods shrink");
        assertContains(message(() -> Nn.polynomialDecay(0.1, 1000).power(0)), "PolynomialDecay power (0.0) must be > 0."
                + " Hint: it is the power of (1 - step / decaySteps); 1 decays linearly, 0.5 as a square root; a power"
                + " of 0 would never decay.");
    }

    @Test
    void aLearningRateSchedulerIsCodeAndGoesToFit() {
        assertContains(message(() -> Nn.input(2).dense(1).compile(adam(), MEAN_SQUARED_ERROR)
                        .fit(f -> f.callbacks(new org.nnlab.core.train.LearningRateScheduler(epoch -> 0.01)))),
                "the callback LearningRateScheduler(", "is code, not data; only early stopping and ReduceLROnPlateau"
                        + " can be saved. Hint: give it when training instead");
    }
}
