package org.nnlab.dsl.spec;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.nnlab.core.optim.Adagrad;

/**
 * Adagrad (Duchi et al., 2011), as in Keras's {@code Adagrad}: steps divided by the root of the sum
 * of all past squared gradients.
 *
 * @param learningRate &gt; 0; Keras's default is {@value #DEFAULT_LEARNING_RATE}
 * @param initialAccumulatorValue the starting sum, ≥ 0; default {@value #DEFAULT_INITIAL_ACCUMULATOR_VALUE}
 * @param epsilon &gt; 0; default {@value #DEFAULT_EPSILON}
 */
public record AdagradSpec(
        @JsonProperty(value = "learning_rate", required = true) double learningRate,
        @JsonProperty(value = "initial_accumulator_value", required = true) double initialAccumulatorValue,
        @JsonProperty(value = "epsilon", required = true) double epsilon) implements OptimizerSpec {

    /** Keras's default learning rate for Adagrad. */
    public static final double DEFAULT_LEARNING_RATE = Adagrad.DEFAULT_LEARNING_RATE;
    /** Keras's default starting value of the accumulated squares. */
    public static final double DEFAULT_INITIAL_ACCUMULATOR_VALUE = Adagrad.DEFAULT_INITIAL_ACCUMULATOR_VALUE;
    /** Keras's default epsilon. */
    public static final double DEFAULT_EPSILON = Adagrad.DEFAULT_EPSILON;

    /**
     * @throws IllegalArgumentException if a hyperparameter is outside its range
     */
    public AdagradSpec {
        OptimizerSpec.checkLearningRate(learningRate);
        Bounds.nonNegative("Adagrad initialAccumulatorValue", initialAccumulatorValue,
                "Keras uses " + DEFAULT_INITIAL_ACCUMULATOR_VALUE + ".");
        Bounds.positive("Adagrad epsilon", epsilon, "Keras uses " + DEFAULT_EPSILON + ".");
    }

    /** Keras's defaults. */
    public static AdagradSpec defaults() {
        return new AdagradSpec(DEFAULT_LEARNING_RATE, DEFAULT_INITIAL_ACCUMULATOR_VALUE, DEFAULT_EPSILON);
    }

    @Override
    public AdagradSpec learningRate(double learningRate) {
        return new AdagradSpec(learningRate, initialAccumulatorValue, epsilon);
    }

    @Override
    public Adagrad toOptimizer() {
        return new Adagrad(new Adagrad.Config(learningRate, initialAccumulatorValue, epsilon));
    }

    @Override
    public String kerasName() {
        return "adagrad";
    }
}
