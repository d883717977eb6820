package org.nnlab.dsl.spec;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.nnlab.core.optim.Optimizer;

/**
 * An optimizer and its hyperparameters, as an immutable value.
 *
 * <p>Each record's constructor checks its ranges and its javadoc gives Keras's defaults; the
 * update rules themselves live in nn-core's optimizers. {@code learningRate(x)} returns a copy with
 * another learning rate, so {@code Optimizers.adam().learningRate(0.1)} reads as in Keras. In JSON
 * the kind is the {@code "type"} field: {@code "sgd"}, {@code "rmsprop"}, {@code "adagrad"},
 * {@code "adam"}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = SgdSpec.class, name = "sgd"),
    @JsonSubTypes.Type(value = RmspropSpec.class, name = "rmsprop"),
    @JsonSubTypes.Type(value = AdagradSpec.class, name = "adagrad"),
    @JsonSubTypes.Type(value = AdamSpec.class, name = "adam")
})
public sealed interface OptimizerSpec permits SgdSpec, RmspropSpec, AdagradSpec, AdamSpec {

    /** The step size, &gt; 0. */
    double learningRate();

    /** A copy with another learning rate. */
    OptimizerSpec learningRate(double learningRate);

    /** A new nn-core optimizer with these hyperparameters and no state. */
    Optimizer<?> toOptimizer();

    /** The Keras name, e.g. {@code "adam"}. */
    String kerasName();

    /** Checks a learning rate, with the message every optimizer shares. */
    static double checkLearningRate(double learningRate) {
        return Bounds.positive("learningRate", learningRate,
                "the learning rate scales each step; typical values are 0.001 for Adam and 0.01 for SGD.");
    }
}
