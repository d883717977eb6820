package org.nnlab.core.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Records, for every batch, the norm of each layer's kernel gradient ∂L/∂W.
 *
 * <p>In a deep sigmoid network these norms shrink layer by layer towards the input, because each
 * layer multiplies the backpropagated gradient by σ'(z) ≤ 1/4: the vanishing-gradient problem.
 * Read the series with {@link #norms()} after {@code fit}; plot them with nn-viz.
 */
public final class GradientNormRecorder implements Callback {
    private final Map<String, List<Double>> series = new LinkedHashMap<>();

    /** A recorder with nothing recorded yet; pass it to {@code fit} as a callback. */
    public GradientNormRecorder() {
    }

    @Override
    public void onBatchGradients(BatchGradients gradients) {
        gradients.kernelGradientNorms()
                .forEach((layer, norm) -> series.computeIfAbsent(layer, k -> new ArrayList<>()).add(norm));
    }

    /** Per layer (in model order), the kernel-gradient norm of every batch seen so far. */
    public Map<String, double[]> norms() {
        Map<String, double[]> out = new LinkedHashMap<>();
        series.forEach((layer, values) -> out.put(layer, values.stream().mapToDouble(Double::doubleValue).toArray()));
        return out;
    }

    /** Per layer, the mean kernel-gradient norm over all recorded batches. */
    public Map<String, Double> meanNorms() {
        Map<String, Double> out = new LinkedHashMap<>();
        series.forEach((layer, values) -> out.put(layer, values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN)));
        return out;
    }
}
