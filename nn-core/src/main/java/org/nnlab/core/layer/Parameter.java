package org.nnlab.core.layer;

import java.util.Optional;
import org.nnlab.core.regularizer.Regularizer;
import org.nnlab.core.tensor.Precision;
import org.nnlab.core.tensor.Tensor;

/**
 * A weight of a model: its value and the gradient of the loss with respect to it.
 *
 * <p>Parameter is the unit optimizers work on. {@code grad} always means ∂L/∂θ accumulated since
 * the last {@link #zeroGrad()}; layers add into it during {@code backward} and optimizers subtract
 * (a multiple of) it. Non-trainable parameters, such as batch normalization's moving statistics,
 * are part of the model's weights and files but are never touched by an optimizer. A trainable
 * parameter may carry a {@link Regularizer}, as a Keras variable carries its {@code regularizer}:
 * the training loop adds its penalty to the loss and its gradient to {@code grad}.
 */
public final class Parameter {
    private final String name;
    private final Tensor value;
    private final Tensor grad;
    private final boolean trainable;
    private final Regularizer regularizer;

    /**
     * A parameter holding {@code value} (not copied) with a zero gradient of the same shape and precision.
     *
     * @param name e.g. {@code "dense_1/kernel"}, used in messages and model files
     */
    public Parameter(String name, Tensor value, boolean trainable) {
        this(name, value, trainable, null);
    }

    /**
     * A parameter whose values {@code regularizer} penalizes (null for none), like Keras's
     * {@code add_weight(regularizer=…)}.
     *
     * @throws IllegalArgumentException if a non-trainable parameter is given a regularizer: no
     *     optimizer moves it, so its penalty could only shift the loss
     */
    public Parameter(String name, Tensor value, boolean trainable, Regularizer regularizer) {
        if (regularizer != null && !trainable) {
            throw new IllegalArgumentException("Parameter " + name + " is not trainable, so the regularizer "
                    + regularizer + " cannot shrink it. Hint: regularize trainable weights (kernels, biases, gamma, beta).");
        }
        this.name = name;
        this.value = value;
        this.grad = Tensor.zeros(value.precision(), value.shape());
        this.trainable = trainable;
        this.regularizer = regularizer;
    }

    /** The name, e.g. {@code "dense_1/kernel"}. */
    public String name() {
        return name;
    }

    /** The current value; optimizers update it in place. */
    public Tensor value() {
        return value;
    }

    /** ∂L/∂θ accumulated since the last {@link #zeroGrad()}. */
    public Tensor grad() {
        return grad;
    }

    /** The precision of the value and the gradient. */
    public Precision precision() {
        return value.precision();
    }

    /** Whether optimizers update this parameter. */
    public boolean trainable() {
        return trainable;
    }

    /** The penalty on this parameter's values, if it has one. */
    public Optional<Regularizer> regularizer() {
        return Optional.ofNullable(regularizer);
    }

    /** The number of values. */
    public int size() {
        return value.size();
    }

    /** Clears the accumulated gradient. */
    public void zeroGrad() {
        grad.fillZero();
    }

    @Override
    public String toString() {
        return name + java.util.Arrays.toString(value.shape()) + (trainable ? "" : " (non-trainable)");
    }
}
