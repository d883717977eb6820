package org.nnlab.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.nnlab.dsl.Nn.ACCURACY;
import static org.nnlab.dsl.Nn.BINARY_CROSSENTROPY;
import static org.nnlab.dsl.Nn.LINEAR;
import static org.nnlab.dsl.Nn.MEAN_SQUARED_ERROR;
import static org.nnlab.dsl.Nn.SIGMOID;
import static org.nnlab.dsl.Nn.SOFTMAX;
import static org.nnlab.dsl.Nn.SPARSE_CATEGORICAL_CROSSENTROPY;
import static org.nnlab.dsl.Nn.adam;
import static org.nnlab.dsl.Nn.rmsprop;
import static org.nnlab.dsl.Nn.sgd;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.nnlab.core.init.Initializer;
import org.nnlab.core.layer.Dense;
import org.nnlab.core.layer.Layer;
import org.nnlab.core.optim.Adam;
import org.nnlab.core.optim.RMSprop;
import org.nnlab.core.tensor.Tensor;
import org.nnlab.core.train.FitOptions;
import org.nnlab.core.train.Sequential;

/**
 * The DSL and nn-core apply one rule each, with one message: every case here drifted apart once
 * (issue 16), when the DSL kept copies of core's rules.
 */
class CoreAgreementTest {

    private static String message(Executable e) {
        return assertThrows(IllegalArgumentException.class, e).getMessage();
    }

    @Test
    void bothNameAnAutomaticDenseBeforeOneNamedDenseAsKerasDoes() {
        Sequential core = new Sequential(new int[] {2}, List.of(new Dense(3, LINEAR),
                new Dense("dense", 1, LINEAR, true, Initializer.GLOROT_UNIFORM, Initializer.ZEROS)), 42);
        Model dsl = Nn.input(2).dense(3).dense(1, d -> d.named("dense")).build();
        assertEquals(List.of("dense_1", "dense"), core.layers().stream().map(Layer::name).toList());
        assertEquals(List.of("dense_1", "dense"), dsl.sequential().layers().stream().map(Layer::name).toList());
        assertEquals(core.summary(), dsl.spec().summary());
    }

    @Test
    void bothAcceptZeroEpochsAsKerasDoes() {
        Model dsl = Nn.input(2).dense(1).compile(sgd(), MEAN_SQUARED_ERROR).fit(f -> f.epochs(0)).build();
        assertEquals(0, dsl.fit(Tensor.zeros(4, 2), Tensor.zeros(4, 1)).epochs());
        assertEquals(0, FitOptions.epochs(0).epochs());
    }

    @Test
    void bothRefuseSoftmaxWithBinaryCrossentropyWithOneMessage() {
        Sequential core = new Sequential(new int[] {4}, List.of(new Dense(3, SOFTMAX)), 42);
        String fromCore = message(() -> core.compile(new Adam(), BINARY_CROSSENTROPY));
        String fromDsl = message(() -> Nn.input(4).dense(3, SOFTMAX).compile(adam(), BINARY_CROSSENTROPY));
        assertEquals(fromCore, fromDsl);
    }

    @Test
    void aWrongLabelGetsOneMessageThroughTheDslAndThroughCore() {
        Tensor x = Tensor.zeros(2, 2);
        Tensor labels = Tensor.vector(0, 9);
        Model dsl = Nn.input(2).dense(5, SOFTMAX).compile(adam(), SPARSE_CATEGORICAL_CROSSENTROPY, ACCURACY)
                .fit(f -> f.verbose(0)).build();
        Sequential core = new Sequential(new int[] {2}, List.of(new Dense(5, SOFTMAX)), 42);
        core.compile(new Adam(), SPARSE_CATEGORICAL_CROSSENTROPY, org.nnlab.core.train.Metric.ACCURACY);
        String fromDsl = message(() -> dsl.fit(x, labels));
        String fromCore = message(() -> core.fit(x, labels, FitOptions.builder().verbose(0).build()));
        assertEquals(fromCore, fromDsl);
        assertEquals("Label 9 at row 1 is outside [0, 5) for an output layer of 5 units. Hint: the last Dense layer"
                + " needs one unit per class; for labels 0-9 use 10.", fromDsl);
    }

    @Test
    void hyperparametersHaveOneRuleAndOneMessage() {
        String fromCore = message(() -> new Adam(Adam.Config.DEFAULTS.beta1(1.0)));
        String fromDsl = message(() -> Nn.input(2).dense(1, SIGMOID).compile(adam().beta1(1.0), BINARY_CROSSENTROPY));
        assertEquals(fromCore, fromDsl);
        assertEquals("Adam beta1 (1.0) must be in [0, 1). Hint: beta1 is the decay of the mean gradient; Keras uses"
                + " 0.9.", fromDsl);
    }

    @Test
    void theDslExpressesAmsgradAndCenteredRmsprop() {
        Model amsgrad = Nn.input(2).dense(1, SIGMOID).compile(adam().amsgrad(true), BINARY_CROSSENTROPY).build();
        Model centered = Nn.input(2).dense(1).compile(rmsprop().centered(true), MEAN_SQUARED_ERROR).build();
        assertEquals(true, ((Adam) amsgrad.sequential().optimizer()).config().amsgrad());
        assertEquals(true, ((RMSprop) centered.sequential().optimizer()).config().centered());
    }

    @Test
    void aWeightDecayExclusionThatNamesNothingHasOneMessage() {
        Sequential core = new Sequential(new int[] {4}, List.of(new org.nnlab.core.layer.Dense(3, SOFTMAX),
                new org.nnlab.core.layer.BatchNormalization()), 1);
        String fromCore = message(() -> core.compile(org.nnlab.core.optim.AdamW.Config.DEFAULTS
                .excludeFromWeightDecay("bias", "gama").create(), org.nnlab.core.loss.Loss.MEAN_SQUARED_ERROR));
        String fromDsl = message(() -> Nn.input(4).dense(3, SOFTMAX).batchNormalization()
                .compile(Nn.adamw().excludeFromWeightDecay("bias", "gama"), Nn.MEAN_SQUARED_ERROR));
        assertEquals(fromCore, fromDsl);
    }

    @Test
    void aRegularizedModelHasOneSummary() {
        Sequential core = new Sequential(new int[] {4}, List.of(org.nnlab.core.layer.Dense.Config.of(3, SOFTMAX)
                .kernelRegularizer(new org.nnlab.core.regularizer.L2()).create()), 1);
        assertEquals(core.summary(), Nn.input(4).dense(3, SOFTMAX, d -> d.kernelRegularizer(Nn.l2())).summary());
    }
}
