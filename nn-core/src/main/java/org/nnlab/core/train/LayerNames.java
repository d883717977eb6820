package org.nnlab.core.train;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nnlab.core.layer.Layer;

/**
 * Names a model's layers as Keras does: {@code dense}, {@code dense_1}, {@code batch_normalization}, …
 *
 * <p>Layers that already have a name keep it; unnamed ones get their type in snake case, numbered
 * from the second one on, skipping names already taken. Two layers with the same name are refused.
 */
final class LayerNames {
    private LayerNames() {
    }

    /** Names every unnamed layer of {@code layers}, in order. */
    static void assign(List<Layer> layers) {
        Map<String, Integer> seen = new HashMap<>();
        for (Layer layer : layers) {
            if (layer.name() != null) {
                if (seen.merge(layer.name(), 1, Integer::sum) > 1) {
                    throw new IllegalArgumentException("Two layers are named '" + layer.name()
                            + "'; layer names must be unique within a model. Hint: leave names out and the model"
                            + " numbers them (dense, dense_1, …).");
                }
            }
        }
        Map<String, Integer> counters = new HashMap<>();
        for (Layer layer : layers) {
            if (layer.name() == null) {
                String base = snakeCase(layer.typeName());
                String candidate;
                do {
                    int k = counters.merge(base, 1, Integer::sum) - 1;
                    candidate = k == 0 ? base : base + "_" + k;
                } while (seen.containsKey(candidate));
                seen.put(candidate, 1);
                layer.setName(candidate);
            }
        }
    }

    /** {@code BatchNormalization} → {@code batch_normalization}. */
    static String snakeCase(String camel) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < camel.length(); i++) {
            char c = camel.charAt(i);
            if (Character.isUpperCase(c) && i > 0) {
                sb.append('_');
            }
            sb.append(Character.toLowerCase(c));
        }
        return sb.toString();
    }
}
