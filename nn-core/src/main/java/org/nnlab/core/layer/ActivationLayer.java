package org.nnlab.core.layer;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.nnlab.core.tensor.Tensor;

/**
 * An activation function as a layer of its own, Keras's {@code Activation} layer: y = f(x).
 *
 * <p>{@code Dense(10, SOFTMAX)} and {@code Dense(10, LINEAR)} followed by
 * {@code ActivationLayer(SOFTMAX)} compute the same thing; the separate layer lets a model put
 * something (batch normalization, say) between the affine map and the non-linearity. The input
 * may have any rank and keeps its shape. Element-wise functions act on every value;
 * {@link Activation#SOFTMAX} normalizes over the last axis, treating the input as a block of
 * {@code (values / lastDim, lastDim)} rows (an input of one number per example is one column).
 * The derivative is written with the output, as {@link Activation#backward} explains, so the
 * input is not kept. {@link Activation#STEP} runs forward but refuses backward: train step units
 * with {@link org.nnlab.core.train.PerceptronRule}. The layer has no parameters.
 */
public final class ActivationLayer extends AbstractLayer implements FusableOutput {
    private final Activation activation;
    private int cols;

    // Kept by forward for backward; reallocated only when the batch size changes.
    private Tensor input;
    private Tensor output;
    private Tensor gradInput;

    /** A layer applying {@code activation}, named by the model ({@code activation}, …). */
    public ActivationLayer(Activation activation) {
        this(null, activation);
    }

    /**
     * A layer applying {@code activation}, with a name.
     *
     * @param name null to let the model name it
     */
    public ActivationLayer(String name, Activation activation) {
        this(new Config(activation, name));
    }

    /** A layer with the options of {@code config}. */
    public ActivationLayer(Config config) {
        super(config.name());
        this.activation = config.activation();
    }

    /**
     * An activation layer's options: Keras's {@code Activation(activation, name)}.
     *
     * @param name null to let the model name it
     */
    public record Config(Activation activation, String name) implements LayerConfig {
        /** @throws IllegalArgumentException if the name is malformed */
        public Config {
            Objects.requireNonNull(activation, "activation");
            LayerNames.checkName(name);
        }

        @Override
        public String typeName() {
            return "Activation";
        }

        @Override
        public Activation activationAfter(Activation input) {
            return activation;
        }

        @Override
        public ActivationLayer create() {
            return new ActivationLayer(this);
        }
    }

    @Override
    public Optional<LayerConfig> config() {
        return Optional.of(new Config(activation, name()));
    }

    /** Keras prints this layer as {@code Activation}. */
    @Override
    public String typeName() {
        return "Activation";
    }

    @Override
    protected int[] buildShape(int[] inputShape, RandomGenerator rng) {
        cols = inputShape.length == 0 ? 1 : inputShape[inputShape.length - 1];
        return inputShape;
    }

    @Override
    public Tensor forward(Tensor input, boolean training) {
        // x:(batch,…,cols) → y:(batch,…,cols);  y = f(x), softmax over the last axis
        Tensor x = checkInput(input);
        if (output == null || output.rows() != x.rows()) {
            output = zeros(x.shape());
            gradInput = zeros(x.shape());
        }
        activation.apply(x, output, rows(x), cols);
        this.input = x;
        return output;
    }

    @Override
    public Tensor backward(Tensor gradOutput) {
        // dy:(batch,…,cols) → dx:(batch,…,cols);  dx = dy ⊙ f'(x), written with y = f(x)
        requireForward();
        Tensor dy = requireGradientShape(output, gradOutput);
        activation.backward(output, dy, gradInput, rows(output), cols);
        return gradInput;
    }

    /**
     * The backward pass starting from the gradient with respect to this layer's input.
     *
     * <p>This layer's pre-activation <em>is</em> its input, so ∂L/∂input = {@code gradPreActivation}
     * and is returned as it is (not copied).
     */
    @Override
    public Tensor backwardFromPreActivation(Tensor gradPreActivation, boolean needInputGradient) {
        // dz:(batch,…,cols) → dx:(batch,…,cols);  dx = dz (the input is the pre-activation)
        requireForward();
        Tensor dz = requireGradientShape(output, gradPreActivation);
        return needInputGradient ? dz : null;
    }

    @Override
    public Activation activation() {
        return activation;
    }

    /** This layer's input, which is its pre-activation. */
    @Override
    public Tensor preActivation() {
        requireForward();
        return input;
    }

    private int rows(Tensor t) {
        return cols == 0 ? 0 : t.size() / cols;
    }

    @Override
    public String toString() {
        return "Activation(" + activation.kerasName() + ")"
                + (isBuilt() ? " on " + Arrays.toString(inputShape()) : "");
    }
}
