package org.nnlab.core.layer;

import java.util.Arrays;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.nnlab.core.tensor.Tensor;

/**
 * Flattens each example into one row: {@code (batch, d1, d2, …)} becomes {@code (batch, d1·d2·…)}.
 *
 * <p>Nothing is computed and nothing is copied: the output is a {@link Tensor#reshape reshaped}
 * view of the input's data, and backward reshapes the gradient back the same way. A batch of 32
 * MNIST images {@code [32, 28, 28]} becomes {@code [32, 784]}, ready for a {@link Dense} layer.
 * An input already flat passes through with its shape unchanged; an input of one number per
 * example, {@code (batch)}, becomes {@code (batch, 1)}, as in Keras. The layer has no parameters.
 */
public final class Flatten extends AbstractLayer {
    private int width;
    private int[] inputShapeWithBatch;

    /** A flatten layer the model will name ({@code flatten}, {@code flatten_1}, …). */
    public Flatten() {
        this((String) null);
    }

    /**
     * A flatten layer with a name.
     *
     * @param name null to let the model name it
     */
    public Flatten(String name) {
        this(new Config(name));
    }

    /** A flatten layer with the options of {@code config}. */
    public Flatten(Config config) {
        super(config.name());
    }

    /**
     * A flatten layer's options: Keras's {@code Flatten(name)}.
     *
     * @param name null to let the model name it
     */
    public record Config(String name) implements LayerConfig {
        /** @throws IllegalArgumentException if the name is malformed */
        public Config {
            LayerNames.checkName(name);
        }

        @Override
        public String typeName() {
            return "Flatten";
        }

        /** {@code (d1, d2, …)} becomes {@code (d1·d2·…)}. */
        @Override
        public int[] outputShape(int[] inputShape) {
            return new int[] {Tensor.sizeOf(inputShape)};
        }

        @Override
        public Flatten create() {
            return new Flatten(this);
        }
    }

    @Override
    public Optional<LayerConfig> config() {
        return Optional.of(new Config(name()));
    }

    @Override
    protected int[] buildShape(int[] inputShape, RandomGenerator rng) {
        width = config().orElseThrow().outputShape(inputShape)[0];
        inputShapeWithBatch = new int[inputShape.length + 1];
        System.arraycopy(inputShape, 0, inputShapeWithBatch, 1, inputShape.length);
        return new int[] {width};
    }

    @Override
    public Tensor forward(Tensor x, boolean training) {
        // x:(batch,d1,d2,…) → y:(batch,d1·d2·…);  y is a view of x's data
        return checkInput(x).reshape(x.rows(), width);
    }

    @Override
    public Tensor backward(Tensor gradOutput) {
        // dy:(batch,d1·d2·…) → dx:(batch,d1,d2,…);  dx is a view of dy's data
        requireForward();
        int[] shape = inputShapeWithBatch.clone();
        shape[0] = gradOutput.rows();
        if (gradOutput.rank() != 2 || gradOutput.dim(1) != width) {
            throw new IllegalArgumentException(describe() + " backward expects a gradient of shape "
                    + Tensor.describeShape(new int[] {width}) + " but got "
                    + Arrays.toString(gradOutput.shape())
                    + ". Hint: the gradient must have the shape of the layer's output.");
        }
        return gradOutput.to(precision()).reshape(shape);
    }

    @Override
    public String toString() {
        return "Flatten()" + (isBuilt() ? " on " + Arrays.toString(inputShape()) : "");
    }
}
