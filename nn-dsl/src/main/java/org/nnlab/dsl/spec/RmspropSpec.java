package org.nnlab.dsl.spec;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.nnlab.core.optim.RMSprop;

/**
 * RMSprop (Hinton, 2012), as in Keras's {@code RMSprop}: steps divided by a moving root mean square
 * of recent gradients.
 *
 * @param learningRate &gt; 0; Keras's default is {@value #DEFAULT_LEARNING_RATE}
 * @param rho the decay of the moving mean square, in [0, 1); default {@value #DEFAULT_RHO}
 * @param momentum in [0, 1); default {@value #DEFAULT_MOMENTUM}
 * @param epsilon &gt; 0; default {@value #DEFAULT_EPSILON}
 */
public record RmspropSpec(
        @JsonProperty(value = "learning_rate", required = true) double learningRate,
        @JsonProperty(value = "rho", required = true) double rho,
        @JsonProperty(value = "momentum", required = true) double momentum,
        @JsonProperty(value = "epsilon", required = true) double epsilon) implements OptimizerSpec {

    /** Keras's default learning rate for RMSprop. */
    public static final double DEFAULT_LEARNING_RATE = RMSprop.DEFAULT_LEARNING_RATE;
    /** Keras's default decay of the mean square. */
    public static final double DEFAULT_RHO = RMSprop.DEFAULT_RHO;
    /** Keras's default momentum: none. */
    public static final double DEFAULT_MOMENTUM = RMSprop.DEFAULT_MOMENTUM;
    /** Keras's default epsilon. */
    public static final double DEFAULT_EPSILON = RMSprop.DEFAULT_EPSILON;

    /**
     * @throws IllegalArgumentException if a hyperparameter is outside its range
     */
    public RmspropSpec {
        OptimizerSpec.checkLearningRate(learningRate);
        Bounds.halfOpenUnit("RMSprop rho", rho, "rho is the decay of the mean square; Keras uses " + DEFAULT_RHO + ".");
        Bounds.halfOpenUnit("RMSprop momentum", momentum, "Keras uses " + DEFAULT_MOMENTUM + ".");
        Bounds.positive("RMSprop epsilon", epsilon, "Keras uses " + DEFAULT_EPSILON + ".");
    }

    /** Keras's defaults. */
    public static RmspropSpec defaults() {
        return new RmspropSpec(DEFAULT_LEARNING_RATE, DEFAULT_RHO, DEFAULT_MOMENTUM, DEFAULT_EPSILON);
    }

    @Override
    public RmspropSpec learningRate(double learningRate) {
        return new RmspropSpec(learningRate, rho, momentum, epsilon);
    }

    /** A copy with another rho. */
    public RmspropSpec rho(double rho) {
        return new RmspropSpec(learningRate, rho, momentum, epsilon);
    }

    /** A copy with another momentum. */
    public RmspropSpec momentum(double momentum) {
        return new RmspropSpec(learningRate, rho, momentum, epsilon);
    }

    /** A copy with another epsilon. */
    public RmspropSpec epsilon(double epsilon) {
        return new RmspropSpec(learningRate, rho, momentum, epsilon);
    }

    @Override
    public RMSprop toOptimizer() {
        return new RMSprop(new RMSprop.Config(learningRate, rho, momentum, epsilon, false));
    }

    @Override
    public String kerasName() {
        return "rmsprop";
    }
}
