package org.nnlab.core.layer;

import org.nnlab.core.tensor.Tensor;

/**
 * A layer that ends in an activation, so that a loss can read its logits z and hand it ∂L/∂z.
 *
 * <p>Softmax followed by cross-entropy has the gradient ∂L/∂z = (p − y) / batch, and sigmoid
 * followed by binary cross-entropy the same; computing it directly is exact and stable where the
 * chain rule through clipped logarithms would lose precision, and the loss computed from z
 * (log-softmax, log-sigmoid) is never capped. The training loop uses this when the last layer's
 * activation and the loss pair up (see {@code Loss#fusedGradient} and {@code Loss#computeFromLogits}).
 */
public interface FusableOutput extends Layer {

    /** The activation this layer ends with. */
    Activation activation();

    /**
     * z, the input of the activation in the last forward pass: the logits a fused loss reads.
     * Valid until the next forward pass.
     *
     * @throws IllegalStateException before the first forward pass
     */
    Tensor preActivation();

    /**
     * The backward pass starting from ∂L/∂z, the gradient with respect to the pre-activation.
     * {@code gradPreActivation} is the data loss's share; a layer with a penalty on its own output
     * (Dense's activity regularizer) adds that penalty's share itself.
     *
     * @param needInputGradient false for the first layer of a model, which may then skip ∂L/∂input
     * @return ∂L/∂input, or null when not needed
     */
    Tensor backwardFromPreActivation(Tensor gradPreActivation, boolean needInputGradient);
}
