package org.nnlab.core.train;

import java.util.LinkedHashMap;
import java.util.Map;
import org.nnlab.core.layer.Dense;
import org.nnlab.core.layer.Layer;
import org.nnlab.core.tensor.Tensor;

/**
 * The gradients of one batch, seen by {@link Callback#onBatchGradients} before the optimizer step.
 *
 * <p>The tensors are fit's reused buffers, valid only during the call: read them, do not keep them.
 * Each layer's forward values of this batch (a {@code FusableOutput}'s pre-activation, say) are still
 * in place too.
 *
 * @param epoch 0-based epoch
 * @param batch 0-based batch within the epoch
 * @param model the model, whose parameters' grads hold this batch's ∂L/∂θ
 * @param inputs the batch's features, shape (batch, input shape…)
 * @param targets the batch's targets, shape (batch, target shape…)
 */
public record BatchGradients(int epoch, int batch, Sequential model, Tensor inputs, Tensor targets) {

    /**
     * The L2 norm of ∂L/∂W for each Dense layer's kernel, keyed by layer name in model order;
     * other layers (batch normalization, dropout, …) are left out.
     */
    public Map<String, Double> kernelGradientNorms() {
        Map<String, Double> norms = new LinkedHashMap<>();
        for (Layer layer : model.layers()) {
            if (layer instanceof Dense dense) {
                norms.put(layer.name(), dense.kernel().grad().norm());
            }
        }
        return norms;
    }
}
