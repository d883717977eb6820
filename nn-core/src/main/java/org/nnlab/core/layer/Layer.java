package org.nnlab.core.layer;

import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.nnlab.core.tensor.Precision;
import org.nnlab.core.tensor.Tensor;

/**
 * One step of a sequential network, with its forward pass and its derivative beside it.
 *
 * <p>The backprop contract:
 * <ul>
 *   <li>{@link #build} fixes the input shape (without the batch axis) and the {@link Precision} the
 *       layer computes in, and creates the parameters in that precision.
 *   <li>{@link #forward} computes the output and keeps what {@code backward} needs. The returned
 *       tensor may be a buffer the layer reuses: it stays valid until the next {@code forward}.
 *   <li>{@link #backward} takes ∂L/∂output, <em>adds</em> ∂L/∂θ into each parameter's grad, and
 *       returns ∂L/∂input. Only {@link Parameter#zeroGrad()} clears gradients.
 *   <li>Calling {@code backward} before {@code forward}, or {@code forward} before {@code build},
 *       is an {@link IllegalStateException}.
 * </ul>
 * Shapes include the batch axis first: {@code forward} takes {@code (batch, ...inputShape)}.
 */
public interface Layer {

    /** The layer's name, unique within a model, e.g. {@code "dense_1"}; null until named. */
    String name();

    /**
     * Names the layer. A model names each unnamed layer as Keras does ({@code dense},
     * {@code dense_1}, …) when the layer joins it.
     *
     * @throws IllegalStateException if the layer already has a different name
     */
    void setName(String name);

    /** The kind of layer as Keras prints it in a summary, e.g. {@code "Dense"}. */
    String typeName();

    /**
     * The options this layer was made with, with its current name, like Keras's {@code get_config()};
     * every built-in layer has one, a custom layer may have none.
     */
    default Optional<LayerConfig> config() {
        return Optional.empty();
    }

    /**
     * Fixes the input shape and the precision, and creates the parameters in that precision,
     * drawing initial values from {@code rng}. The draws do not depend on the precision: a float32
     * layer starts from its float64 twin's weights, rounded.
     *
     * @param inputShape the shape of one example, without the batch axis
     * @return the shape of one output example
     * @throws IllegalArgumentException if this layer cannot take that shape (the message says why)
     */
    int[] build(int[] inputShape, Precision precision, RandomGenerator rng);

    /** {@link #build(int[], Precision, RandomGenerator)} in {@link Precision#DEFAULT}, float32 as Keras's floatx. */
    default int[] build(int[] inputShape, RandomGenerator rng) {
        return build(inputShape, Precision.DEFAULT, rng);
    }

    /** Whether {@link #build} has run. */
    boolean isBuilt();

    /**
     * The precision this layer computes in, fixed by {@link #build}: its parameters, outputs and
     * gradients are tensors of it.
     *
     * @throws IllegalStateException before build
     */
    Precision precision();

    /** The output shape of one example; only after {@link #build}. */
    int[] outputShape();

    /**
     * The forward pass.
     *
     * @param input {@code (batch, ...inputShape)}, in any precision: it is converted to the layer's
     *     first, as Keras casts inputs to a layer's dtype
     * @param training true while fitting (dropout drops, batch normalization uses batch statistics)
     */
    Tensor forward(Tensor input, boolean training);

    /**
     * The backward pass of the last {@link #forward}: adds into parameter grads, returns ∂L/∂input.
     *
     * @param gradOutput ∂L/∂output, shaped like the last output
     */
    Tensor backward(Tensor gradOutput);

    /**
     * Like {@link #backward} but the caller does not need ∂L/∂input (the first layer of a model),
     * so layers may skip computing it. Returns nothing.
     */
    default void backwardParametersOnly(Tensor gradOutput) {
        backward(gradOutput);
    }

    /**
     * The penalty this layer adds to the loss for its output of the last {@link #forward}, Keras's
     * {@code activity_regularizer}; its gradient is added by {@link #backward} itself. 0, the
     * default, for layers without one.
     */
    default double activityPenalty() {
        return 0;
    }

    /** Trainable and non-trainable parameters, in Keras's weight order; empty if none. */
    List<Parameter> parameters();

    /** The number of values in all parameters. */
    default int parameterCount() {
        int n = 0;
        for (Parameter p : parameters()) {
            n += p.size();
        }
        return n;
    }
}
