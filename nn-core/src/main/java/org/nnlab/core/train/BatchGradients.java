package org.nnlab.core.train;

import java.util.LinkedHashMap;
import java.util.Map;
import org.nnlab.core.layer.Dense;
import org.nnlab.core.layer.Layer;

/**
 * The gradients of one batch, seen by {@link Callback#onBatchGradients} before the optimizer step.
 *
 * @param epoch 0-based epoch
 * @param batch 0-based batch within the epoch
 * @param model the model, whose parameters' grads hold this batch's ∂L/∂θ
 */
public record BatchGradients(int epoch, int batch, Sequential model) {

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
