package org.nnlab.core.optim;

import java.util.List;
import org.nnlab.core.optim.schedule.Constant;
import org.nnlab.core.optim.schedule.LearningRate;

/**
 * An optimizer's kind and hyperparameters as an immutable, validated value: what to build, not the
 * optimizer with its state.
 *
 * <p>Each optimizer has its record ({@link SGD.Config}, {@link RMSprop.Config},
 * {@link Adagrad.Config}, {@link Adam.Config}, {@link AdamW.Config}); its constructor checks every
 * range with a message that names the hyperparameter, and withers return copies, so
 * {@code Adam.Config.DEFAULTS.learningRate(0.1).amsgrad(true).clipnorm(1.0)} reads as Keras's
 * {@code Adam(learning_rate=0.1, amsgrad=True, clipnorm=1.0)}. Every optimizer takes the learning
 * rate as a constant or a schedule ({@link LearningRate}) and the {@link OptimizerOptions} of
 * Keras's base optimizer (weight decay, its exclusions, clipping), set with the withers here.
 * nn-dsl writes these records into model specs, so the DSL and model files can express every
 * option an optimizer has.
 *
 * @param <C> the record's own type, which the withers return
 */
public sealed interface OptimizerConfig<C extends OptimizerConfig<C>>
        permits SGD.Config, RMSprop.Config, Adagrad.Config, Adam.Config, AdamW.Config {

    /** The step size η: a {@link Constant} &gt; 0, or a schedule of the step. */
    LearningRate learningRate();

    /** A copy with another learning rate or schedule, e.g. {@code new ExponentialDecay(0.1, 1000, 0.96)}. */
    C learningRate(LearningRate learningRate);

    /** A copy with the constant learning rate {@code value}, checked by this optimizer's rule. */
    default C learningRate(double value) {
        return learningRate(new Constant(value));
    }

    /** Weight decay and clipping, as Keras's base optimizer takes them. */
    OptimizerOptions options();

    /** A copy with other weight decay and clipping options. */
    C options(OptimizerOptions options);

    /** A copy with decoupled weight decay λ, Keras's {@code weight_decay} (0 for none). */
    default C weightDecay(double value) {
        return options(options().weightDecay(value));
    }

    /**
     * A copy that exempts the parameters whose names match any of {@code patterns} from weight
     * decay, Keras's {@code exclude_from_weight_decay(var_names=…)}, e.g. {@code "bias", "gamma", "beta"}.
     */
    default C excludeFromWeightDecay(String... patterns) {
        return options(options().excludeFromWeightDecay(List.of(patterns)));
    }

    /** A copy clipping each parameter's gradient to L2 norm {@code value}, Keras's {@code clipnorm}. */
    default C clipnorm(double value) {
        return options(options().clipnorm(value));
    }

    /** A copy clipping all gradients together to global norm {@code value}, Keras's {@code global_clipnorm}. */
    default C globalClipnorm(double value) {
        return options(options().globalClipnorm(value));
    }

    /** A copy clipping every gradient value to [−{@code value}, {@code value}], Keras's {@code clipvalue}. */
    default C clipvalue(double value) {
        return options(options().clipvalue(value));
    }

    /**
     * Checks that a callback may set this optimizer's learning rate: it must be a constant, as
     * Keras refuses to assign the rate of an optimizer created with a schedule.
     *
     * @param callback the callback that sets the rate, for the message, e.g. {@code "ReduceLROnPlateau"}
     * @throws IllegalArgumentException if the learning rate is a schedule
     */
    default void requireSettableLearningRate(String callback) {
        if (!(learningRate() instanceof Constant)) {
            throw new IllegalArgumentException(callback + " sets the learning rate, but the optimizer was created with"
                    + " the schedule " + learningRate() + ", whose rate is not settable, as in Keras. Hint: give the"
                    + " optimizer a constant learning rate, or drop " + callback + ".");
        }
    }

    /**
     * Checks that every weight-decay exclusion pattern names one of a model's parameters.
     *
     * @param parameterNames the model's parameter names, e.g. {@code dense/kernel}
     * @throws IllegalArgumentException naming the first pattern that matches nothing
     */
    default void checkExclusions(List<String> parameterNames) {
        options().checkExclusions(getClass().getEnclosingClass().getSimpleName(), parameterNames);
    }

    /** A new optimizer with these hyperparameters and no state. */
    Optimizer<?> create();

    /** The Keras name, e.g. {@code "adam"}; also the kind of state the optimizer saves. */
    String kerasName();
}
