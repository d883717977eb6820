package org.nnlab.core.layer;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nnlab.core.regularizer.Regularizer;

/**
 * A layer's kind and options as an immutable, validated value: what to build, not the built layer.
 *
 * <p>A config knows its layer's rules without creating any weight: the output shape for an input
 * shape (or why that input does not fit), the parameter counts, and which activation the output
 * has passed through. The layer's own {@code build} applies the same {@link #outputShape} rule, so
 * a model checked from configs (nn-dsl's specs, summaries before training) and a model built in
 * core fail with the same message. The family is closed: {@link Dense.Config},
 * {@link ActivationLayer.Config}, {@link Flatten.Config}, {@link Dropout.Config} and
 * {@link BatchNormalization.Config}; each built-in layer returns its own from {@link Layer#config()}.
 */
public sealed interface LayerConfig
        permits Dense.Config, ActivationLayer.Config, Flatten.Config, Dropout.Config, BatchNormalization.Config {

    /** The layer's own name, or null to let the model name it ({@code dense}, {@code dense_1}, …). */
    String name();

    /** The kind as Keras prints it in a summary, e.g. {@code "Dense"}. */
    String typeName();

    /**
     * The shape of one output example for one input example of shape {@code inputShape}; by
     * default the input's, for layers that keep the shape.
     *
     * @throws IllegalArgumentException if the layer cannot take that shape, saying why and how to fix it
     */
    default int[] outputShape(int[] inputShape) {
        return inputShape.clone();
    }

    /** The number of values the optimizer updates, for input shape {@code inputShape}; none by default. */
    default long trainableParameters(int[] inputShape) {
        return 0;
    }

    /** The number of values kept but never updated by an optimizer (moving statistics). */
    default long nonTrainableParameters(int[] inputShape) {
        return 0;
    }

    /**
     * The names of the weights the layer creates, in Keras's weight order, without the layer's name:
     * {@code [kernel, bias]} for Dense, so the parameters are {@code dense_1/kernel}, …; empty if none.
     */
    default List<String> weightNames() {
        return List.of();
    }

    /**
     * The penalty on each regularized weight, keyed by its name in {@link #weightNames()}, e.g.
     * {@code kernel → L2(l2=0.01)}; empty when nothing is regularized.
     */
    default Map<String, Regularizer> regularizers() {
        return Map.of();
    }

    /**
     * The activation the output has passed through last, given the one the input has: a layer
     * that applies one returns it, batch normalization returns {@link Activation#LINEAR}, and by
     * default a layer that only moves values (dropout, flatten) returns {@code input}.
     */
    default Activation activationAfter(Activation input) {
        return input;
    }

    /** A new, unbuilt layer with this configuration. */
    Layer create();

    /**
     * Checks that backpropagation can train this layer: the activation it applies, if any (the one
     * its output has after a linear input), must have a derivative, so STEP is refused.
     *
     * @param where names the layer for the message, e.g. {@code "Dense layer 1 (dense)"}
     */
    default void checkTrainable(String where) {
        activationAfter(Activation.LINEAR).requireDifferentiable(where);
    }

    /**
     * The penalty on the layer's output added to the loss, Keras's {@code activity_regularizer}
     * (see {@link Dense.Config#activityRegularizer()}); empty when there is none, the default.
     */
    default Optional<Regularizer> activityRegularization() {
        return Optional.empty();
    }

    /**
     * The activation the output of a stack of layers passes through last, starting from the raw input.
     */
    static Activation outputActivation(Iterable<? extends LayerConfig> layers) {
        Activation a = Activation.LINEAR;
        for (LayerConfig layer : layers) {
            a = layer.activationAfter(a);
        }
        return a;
    }
}
