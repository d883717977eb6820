package org.nnlab.core.loss;

import org.nnlab.core.layer.Activation;
import org.nnlab.core.tensor.Tensor;

/**
 * A training objective: a scalar measuring how far predictions are from targets, and its gradient.
 *
 * <p>Predictions are {@code (batch, units)}. Targets have the same shape, except for
 * {@link SparseCategoricalCrossentropy}, whose targets are class indices {@code (batch)} or
 * {@code (batch, 1)}; {@link #targets()} says which. The value is the mean over the batch of a
 * per-example loss (itself a mean over units where Keras takes one), so {@link #gradient} is
 * already divided by the batch size.
 *
 * <p>The family is closed: the five losses of the lecture, each a class with a public constructor
 * and a shared, immutable instance here ({@link #MEAN_SQUARED_ERROR},
 * {@link #SPARSE_CATEGORICAL_CROSSENTROPY}, …). Two instances of the same loss are equal.
 *
 * <p>Which Keras backend the numbers match: {@link #compute} takes probabilities, clipped to
 * [ε, 1 − ε], as Keras 3 computes a cross-entropy on the JAX and PyTorch backends (and on any
 * backend when the probabilities did not come from a softmax or sigmoid). After a softmax or sigmoid
 * output, tf.keras and Keras 3 on TensorFlow compute the loss from the logits behind it instead
 * (log-softmax, log-sigmoid), so nothing is capped at −log ε ≈ 16.1; {@link #computeFromLogits} is
 * that number, and the training loop reports it whenever the output layer and the loss are fused
 * ({@link #fusesWith}). The gradients are the same either way.
 */
public sealed interface Loss permits ElementwiseLoss, CategoricalCrossentropy, SparseCategoricalCrossentropy {

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

    /** What a loss's targets are; it decides their shape and which accuracy Keras reports. */
    enum TargetKind {
        /** One real number per output unit, shaped like the outputs (regression). */
        VALUES,
        /** One probability per output unit, usually a 0/1 label: independent yes/no questions. */
        PROBABILITIES,
        /** One row of class probabilities per example, usually one-hot. */
        CLASS_PROBABILITIES,
        /** One whole class index per example, shaped {@code (batch)} or {@code (batch, 1)}. */
        CLASS_INDICES
    }

    /** The name Keras uses, e.g. {@code "sparse_categorical_crossentropy"}. */
    String kerasName();

    /** What this loss's targets are. */
    TargetKind targets();

    /** The mean loss over the batch, from the predictions (probabilities for the cross-entropies). */
    double compute(Tensor predictions, Tensor targets);

    /** ∂L/∂predictions for {@link #compute}'s L, as a new tensor shaped like {@code predictions}. */
    Tensor gradient(Tensor predictions, Tensor targets);

    /**
     * Whether this loss has a fused, stable form with respect to the pre-activation z of a final
     * layer with activation {@code a}: softmax with the categorical cross-entropies, sigmoid with
     * binary cross-entropy.
     */
    default boolean fusesWith(Activation a) {
        return false;
    }

    /**
     * The mean loss over the batch from the logits z, where the predictions are a(z) and
     * {@link #fusesWith}(a): log-softmax or log-sigmoid, as TensorFlow's
     * {@code softmax_cross_entropy_with_logits} and {@code sigmoid_cross_entropy_with_logits}
     * compute it, with no clipping.
     *
     * @throws UnsupportedOperationException if this loss fuses with nothing
     */
    default double computeFromLogits(Tensor logits, Tensor targets) {
        throw new UnsupportedOperationException(kerasName() + " has no form on logits");
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
     * Checks that a model's output suits this loss, before training.
     *
     * @param outputActivation the activation the output passes through last
     * @param outputShape one example's output shape
     * @param where names the output layer for the message, e.g. {@code "Dense layer 2 (dense_1)"}
     * @throws IllegalArgumentException naming the output layer, what it has, what the loss needs,
     *     and a fix (softmax with binary cross-entropy, one unit for a categorical loss, …)
     */
    void checkOutput(Activation outputActivation, int[] outputShape, String where);

    /**
     * Checks targets against the model's output shape (one example, without batch) before training.
     *
     * @throws IllegalArgumentException saying which row and value is wrong, what was expected, and a hint
     */
    void validateTargets(Tensor targets, int[] outputShape);
}
