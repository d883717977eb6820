package org.nnlab.core.optim;

/**
 * An optimizer's kind and hyperparameters as an immutable, validated value: what to build, not the
 * optimizer with its state.
 *
 * <p>Each optimizer has its record ({@link SGD.Config}, {@link RMSprop.Config},
 * {@link Adagrad.Config}, {@link Adam.Config}); its constructor checks every range with a message
 * that names the hyperparameter, and withers return copies, so
 * {@code Adam.Config.DEFAULTS.learningRate(0.1).amsgrad(true)} reads as Keras's
 * {@code Adam(learning_rate=0.1, amsgrad=True)}. nn-dsl writes these records into model specs, so
 * the DSL and model files can express every option an optimizer has.
 */
public sealed interface OptimizerConfig permits SGD.Config, RMSprop.Config, Adagrad.Config, Adam.Config {

    /** The step size η, &gt; 0. */
    double learningRate();

    /** A copy with another learning rate. */
    OptimizerConfig learningRate(double learningRate);

    /** A new optimizer with these hyperparameters and no state. */
    Optimizer<?> create();

    /** The Keras name, e.g. {@code "adam"}; also the kind of state the optimizer saves. */
    String kerasName();
}
