package org.nnlab.dsl.spec;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.nnlab.core.optim.SGD;

/**
 * Stochastic gradient descent with optional momentum and Nesterov momentum, as in Keras's {@code SGD}.
 *
 * @param learningRate &gt; 0; Keras's default is {@value #DEFAULT_LEARNING_RATE}
 * @param momentum in [0, 1); 0 (the default) is plain gradient descent
 * @param nesterov whether to use Nesterov momentum; default false
 */
public record SgdSpec(
        @JsonProperty(value = "learning_rate", required = true) double learningRate,
        @JsonProperty(value = "momentum", required = true) double momentum,
        @JsonProperty(value = "nesterov", required = true) boolean nesterov) implements OptimizerSpec {

    /** Keras's default learning rate for SGD. */
    public static final double DEFAULT_LEARNING_RATE = SGD.DEFAULT_LEARNING_RATE;
    /** Keras's default momentum: none. */
    public static final double DEFAULT_MOMENTUM = SGD.DEFAULT_MOMENTUM;

    /**
     * @throws IllegalArgumentException if {@code learningRate ≤ 0} or momentum is outside [0, 1)
     */
    public SgdSpec {
        OptimizerSpec.checkLearningRate(learningRate);
        Bounds.halfOpenUnit("SGD momentum", momentum, "0.9 is a common choice; 0 is plain gradient descent.");
    }

    /** Keras's defaults: learning rate {@value #DEFAULT_LEARNING_RATE}, no momentum. */
    public static SgdSpec defaults() {
        return new SgdSpec(DEFAULT_LEARNING_RATE, DEFAULT_MOMENTUM, false);
    }

    @Override
    public SgdSpec learningRate(double learningRate) {
        return new SgdSpec(learningRate, momentum, nesterov);
    }

    /** A copy with another momentum. */
    public SgdSpec momentum(double momentum) {
        return new SgdSpec(learningRate, momentum, nesterov);
    }

    /** A copy with Nesterov momentum switched on or off. */
    public SgdSpec nesterov(boolean nesterov) {
        return new SgdSpec(learningRate, momentum, nesterov);
    }

    @Override
    public SGD toOptimizer() {
        return new SGD(new SGD.Config(learningRate, momentum, nesterov));
    }

    @Override
    public String kerasName() {
        return "sgd";
    }
}
