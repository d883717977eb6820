package org.nnlab.dsl.spec;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.nnlab.core.optim.Adam;

/**
 * Adam (Kingma and Ba, 2015), as in Keras's {@code Adam}: steps from bias-corrected moving averages
 * of the gradient and its square.
 *
 * @param learningRate &gt; 0; Keras's default is {@value #DEFAULT_LEARNING_RATE}
 * @param beta1 the decay of the first moment, in [0, 1); default {@value #DEFAULT_BETA1}
 * @param beta2 the decay of the second moment, in [0, 1); default {@value #DEFAULT_BETA2}
 * @param epsilon &gt; 0; default {@value #DEFAULT_EPSILON}
 */
public record AdamSpec(
        @JsonProperty(value = "learning_rate", required = true) double learningRate,
        @JsonProperty(value = "beta_1", required = true) double beta1,
        @JsonProperty(value = "beta_2", required = true) double beta2,
        @JsonProperty(value = "epsilon", required = true) double epsilon) implements OptimizerSpec {

    /** Keras's default learning rate for Adam. */
    public static final double DEFAULT_LEARNING_RATE = Adam.DEFAULT_LEARNING_RATE;
    /** Keras's default decay of the first moment. */
    public static final double DEFAULT_BETA1 = Adam.DEFAULT_BETA_1;
    /** Keras's default decay of the second moment. */
    public static final double DEFAULT_BETA2 = Adam.DEFAULT_BETA_2;
    /** Keras's default epsilon. */
    public static final double DEFAULT_EPSILON = Adam.DEFAULT_EPSILON;

    /**
     * @throws IllegalArgumentException if a hyperparameter is outside its range
     */
    public AdamSpec {
        OptimizerSpec.checkLearningRate(learningRate);
        Bounds.halfOpenUnit("Adam beta1", beta1, "Keras uses " + DEFAULT_BETA1 + ".");
        Bounds.halfOpenUnit("Adam beta2", beta2, "Keras uses " + DEFAULT_BETA2 + ".");
        Bounds.positive("Adam epsilon", epsilon, "Keras uses " + DEFAULT_EPSILON + ".");
    }

    /** Keras's defaults. */
    public static AdamSpec defaults() {
        return new AdamSpec(DEFAULT_LEARNING_RATE, DEFAULT_BETA1, DEFAULT_BETA2, DEFAULT_EPSILON);
    }

    @Override
    public AdamSpec learningRate(double learningRate) {
        return new AdamSpec(learningRate, beta1, beta2, epsilon);
    }

    /** A copy with other moment decays. */
    public AdamSpec betas(double beta1, double beta2) {
        return new AdamSpec(learningRate, beta1, beta2, epsilon);
    }

    /** A copy with another epsilon. */
    public AdamSpec epsilon(double epsilon) {
        return new AdamSpec(learningRate, beta1, beta2, epsilon);
    }

    @Override
    public Adam toOptimizer() {
        return new Adam(new Adam.Config(learningRate, beta1, beta2, epsilon, false));
    }

    @Override
    public String kerasName() {
        return "adam";
    }
}
