package org.nnlab.core.loss;

import org.nnlab.core.layer.Activation;
import org.nnlab.core.tensor.Tensor;

/**
 * A training objective: a scalar measuring how far predictions are from targets, and its gradient.
 *
 * <p>Predictions are {@code (batch, units)}. Targets have the same shape, except for
 * {@link SparseCategoricalCrossentropy}, whose targets are class indices {@code (batch)} or
 * {@code (batch, 1)}. The value is the mean over the batch of a per-example loss (itself a mean
 * over units where Keras takes one), so {@link #gradient} is already divided by the batch size.
 *
 * <p>The five losses of the lecture are shared, immutable instances here ({@link #MEAN_SQUARED_ERROR},
 * {@link #SPARSE_CATEGORICAL_CROSSENTROPY}, …); each is also a class with a public constructor.
 */
public interface Loss {

    /** Keras's fuzz factor: cross-entropies clip probabilities to [ε, 1 − ε] so logarithms stay finite. */
    double EPSILON = 1e-7;

    /** Mean of (p − y)²; for regression. */
    MeanSquaredError MEAN_SQUARED_ERROR = new MeanSquaredError();
    /** Mean of |p − y|; for regression that is robust to outliers. */
    MeanAbsoluteError MEAN_ABSOLUTE_ERROR = new MeanAbsoluteError();
    /** Cross-entropy of independent yes/no outputs; pairs with a sigmoid output. */
    BinaryCrossentropy BINARY_CROSSENTROPY = new BinaryCrossentropy();
    /** Cross-entropy against one-hot (or soft) target rows; pairs with a softmax output. */
    CategoricalCrossentropy CATEGORICAL_CROSSENTROPY = new CategoricalCrossentropy();
    /** Cross-entropy against integer class labels; pairs with a softmax output. */
    SparseCategoricalCrossentropy SPARSE_CATEGORICAL_CROSSENTROPY = new SparseCategoricalCrossentropy();

    /** The name Keras uses, e.g. {@code "sparse_categorical_crossentropy"}. */
    String kerasName();

    /** The mean loss over the batch. */
    double compute(Tensor predictions, Tensor targets);

    /** ∂L/∂predictions for {@link #compute}'s L, as a new tensor shaped like {@code predictions}. */
    Tensor gradient(Tensor predictions, Tensor targets);

    /**
     * Whether this loss has a fused, stable gradient with respect to the pre-activation of a final
     * layer with activation {@code a} (softmax with categorical cross-entropy, sigmoid with binary).
     */
    default boolean fusesWith(Activation a) {
        return false;
    }

    /**
     * ∂L/∂z where predictions = a(z) and {@link #fusesWith}(a), as a new tensor: (p − y) / batch
     * for the categorical losses, (p − y) / (batch · units) for binary cross-entropy.
     *
     * @throws UnsupportedOperationException if this loss fuses with nothing
     */
    default Tensor fusedGradient(Tensor predictions, Tensor targets) {
        throw new UnsupportedOperationException(kerasName() + " has no fused gradient");
    }

    /**
     * Checks targets against the model's output shape (one example, without batch) before training.
     *
     * @throws IllegalArgumentException saying which row and value is wrong, what was expected, and a hint
     */
    void validateTargets(Tensor targets, int[] outputShape);
}
