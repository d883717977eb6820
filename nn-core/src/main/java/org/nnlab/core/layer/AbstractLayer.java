package org.nnlab.core.layer;

import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;
import org.nnlab.core.tensor.Precision;
import org.nnlab.core.tensor.Tensor;

/**
 * The bookkeeping every layer shares: its name, whether it is built, and lifecycle checks.
 *
 * <p>Subclasses implement {@link #buildShape} and the passes; they call {@link #checkInput} at the
 * start of {@code forward}, which also gives the input in the layer's {@link #precision()}, and
 * {@link #requireForward} at the start of {@code backward}.
 */
public abstract class AbstractLayer implements Layer {
    private String name;
    private int[] inputShape;
    private int[] outputShape;
    private Precision precision;
    private boolean forwardDone;

    /**
     * Starts a layer with the given name, or with none (null) until the model assigns Keras's automatic one.
     *
     * @throws IllegalArgumentException if the name is not letters, digits, '_', '.' or '-'
     */
    protected AbstractLayer(String name) {
        this.name = LayerNames.checkName(name);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final void setName(String newName) {
        if (name != null && !name.equals(newName)) {
            throw new IllegalStateException("Layer '" + name + "' already has a name; cannot rename it to '"
                    + newName + "'");
        }
        name = LayerNames.checkName(newName);
    }

    @Override
    public String typeName() {
        return getClass().getSimpleName();
    }

    @Override
    public final int[] build(int[] inputShape, Precision precision, RandomGenerator rng) {
        java.util.Objects.requireNonNull(precision, "precision");
        if (this.inputShape != null) {
            if (Arrays.equals(this.inputShape, inputShape) && this.precision == precision) {
                return outputShape.clone();
            }
            throw new IllegalStateException(describe() + " was built for input " + Arrays.toString(this.inputShape)
                    + " in " + this.precision.kerasName() + " and cannot be rebuilt for " + Arrays.toString(inputShape)
                    + " in " + precision.kerasName() + ". Hint: a layer instance belongs to one model; create a new"
                    + " layer.");
        }
        this.precision = precision;
        int[] out = buildShape(inputShape.clone(), rng);
        this.inputShape = inputShape.clone();
        this.outputShape = out.clone();
        return out;
    }

    /**
     * Checks {@code inputShape}, creates parameters in {@link #precision()}, and returns the output shape.
     *
     * @throws IllegalArgumentException if the shape does not fit this layer
     */
    protected abstract int[] buildShape(int[] inputShape, RandomGenerator rng);

    @Override
    public final boolean isBuilt() {
        return inputShape != null;
    }

    @Override
    public final Precision precision() {
        if (precision == null) {
            throw new IllegalStateException("Cannot call precision on " + describe() + " before it is built."
                    + " Hint: add it to a Sequential model, or call build(inputShape, precision, rng).");
        }
        return precision;
    }

    /** A tensor of zeros in this layer's precision; for parameters and buffers. */
    protected final Tensor zeros(int... shape) {
        return Tensor.zeros(precision(), shape);
    }

    @Override
    public final int[] outputShape() {
        requireBuilt("outputShape");
        return outputShape.clone();
    }

    /** The input shape of one example; only after build. */
    public final int[] inputShape() {
        requireBuilt("inputShape");
        return inputShape.clone();
    }

    @Override
    public List<Parameter> parameters() {
        return List.of();
    }

    /** e.g. {@code Dense layer 'dense_1'}, for messages. */
    protected final String describe() {
        return typeName() + " layer" + (name == null ? "" : " '" + name + "'");
    }

    /** Throws unless built; call at the start of forward. */
    protected final void requireBuilt(String operation) {
        if (inputShape == null) {
            throw new IllegalStateException("Cannot call " + operation + " on " + describe()
                    + " before it is built. Hint: add it to a Sequential model, or call build(inputShape, rng).");
        }
    }

    /**
     * Checks the batch's per-example shape against the built input shape and returns the input in
     * this layer's precision (itself, or a converted copy); call at the start of forward. Allocates
     * nothing unless the shape or the precision differ.
     *
     * @throws IllegalStateException before build
     * @throws IllegalArgumentException naming both shapes, with {@link #inputHint}
     */
    protected final Tensor checkInput(Tensor input) {
        requireBuilt("forward");
        if (!input.isBatchOf(inputShape)) {
            throw new IllegalArgumentException(describe() + " expects input of shape "
                    + Tensor.describeShape(inputShape) + " but got " + Arrays.toString(input.shape()) + ". "
                    + inputHint(input));
        }
        forwardDone = true;
        return input.to(precision);
    }

    /** The hint when {@code input} has the wrong shape; subclasses may say more. */
    protected String inputHint(Tensor input) {
        return "Hint: the first axis is the batch; the rest must match the shape the layer was built for.";
    }

    /**
     * Checks that a gradient arriving in backward has the shape of the output it belongs to, and
     * returns it in this layer's precision (itself, or a converted copy). Allocates nothing unless
     * the shapes or the precisions differ.
     *
     * @throws IllegalArgumentException naming both shapes
     */
    protected final Tensor requireGradientShape(Tensor output, Tensor gradient) {
        if (!output.sameShape(gradient)) {
            throw new IllegalArgumentException(describe() + " backward expects a gradient shaped like its output "
                    + Arrays.toString(output.shape()) + " but got " + Arrays.toString(gradient.shape())
                    + ". Hint: the gradient must have the shape of the layer's last output.");
        }
        return gradient.to(precision);
    }

    /** Throws unless a forward pass has run; call at the start of backward. */
    protected final void requireForward() {
        if (!forwardDone) {
            throw new IllegalStateException("Cannot call backward on " + describe()
                    + " before forward: backward uses the values the forward pass keeps.");
        }
    }
}
