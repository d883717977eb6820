package org.nnlab.dsl;

import org.nnlab.dsl.spec.AdagradSpec;
import org.nnlab.dsl.spec.AdamSpec;
import org.nnlab.dsl.spec.RmspropSpec;
import org.nnlab.dsl.spec.SgdSpec;

/**
 * The optimizers with Keras's defaults, to adjust fluently: {@code Optimizers.adam().learningRate(0.1)}.
 *
 * <p>Each returns an immutable hyperparameter record; its javadoc lists the defaults and the
 * ranges its constructor enforces.
 */
public final class Optimizers {
    private Optimizers() {
    }

    /** Keras's {@code SGD()}: learning rate {@value SgdSpec#DEFAULT_LEARNING_RATE}, no momentum. */
    public static SgdSpec sgd() {
        return SgdSpec.defaults();
    }

    /** Keras's {@code RMSprop()}: learning rate {@value RmspropSpec#DEFAULT_LEARNING_RATE}, rho {@value RmspropSpec#DEFAULT_RHO}. */
    public static RmspropSpec rmsprop() {
        return RmspropSpec.defaults();
    }

    /** Keras's {@code Adagrad()}: learning rate {@value AdagradSpec#DEFAULT_LEARNING_RATE}. */
    public static AdagradSpec adagrad() {
        return AdagradSpec.defaults();
    }

    /**
     * Keras's {@code Adam()}: learning rate {@value AdamSpec#DEFAULT_LEARNING_RATE}, β1
     * {@value AdamSpec#DEFAULT_BETA1}, β2 {@value AdamSpec#DEFAULT_BETA2}, ε {@value AdamSpec#DEFAULT_EPSILON}.
     */
    public static AdamSpec adam() {
        return AdamSpec.defaults();
    }
}
