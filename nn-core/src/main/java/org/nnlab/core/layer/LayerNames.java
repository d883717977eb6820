package org.nnlab.core.layer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * How a model names its layers, as Keras does: {@code dense}, {@code dense_1}, {@code batch_normalization}, …
 *
 * <p>This is the one naming rule of nnlab: a core {@code Sequential} and an nn-dsl spec both call
 * {@link #assign}. Layers that have a name keep it; unnamed ones get their type in snake case,
 * numbered from the second one of that type on, skipping names already taken anywhere in the
 * model. So for {@code [Dense(auto), Dense("dense")]} the names are {@code dense_1, dense}. Two
 * layers given the same name are refused, naming both positions. A name is letters, digits,
 * {@code _}, {@code .} or {@code -}, because it becomes part of each weight's name
 * ({@code dense_1/kernel}).
 */
public final class LayerNames {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.\\-]+");

    private LayerNames() {
    }

    /**
     * The names of a model's layers, in order.
     *
     * @param typeNames each layer's kind as Keras prints it, e.g. {@code "BatchNormalization"}
     * @param givenNames each layer's own name, or null where the model should name it
     * @throws IllegalArgumentException if two layers are given the same name
     */
    public static List<String> assign(List<String> typeNames, List<String> givenNames) {
        Map<String, Integer> taken = new HashMap<>();
        for (int i = 0; i < givenNames.size(); i++) {
            String name = givenNames.get(i);
            if (name != null) {
                Integer earlier = taken.putIfAbsent(name, i);
                if (earlier != null) {
                    throw new IllegalArgumentException("Layer " + (i + 1) + " is named '" + name + "', but layer "
                            + (earlier + 1) + " already has that name; names must be unique within a model. Hint: leave"
                            + " names out and the model numbers them (dense, dense_1, …).");
                }
            }
        }
        Map<String, Integer> counters = new HashMap<>();
        List<String> names = new ArrayList<>(givenNames.size());
        for (int i = 0; i < givenNames.size(); i++) {
            String name = givenNames.get(i);
            if (name == null) {
                String base = snakeCase(typeNames.get(i));
                do {
                    int k = counters.merge(base, 1, Integer::sum) - 1;
                    name = k == 0 ? base : base + "_" + k;
                } while (taken.containsKey(name));
                taken.put(name, i);
            }
            names.add(name);
        }
        return names;
    }

    /**
     * Checks the form of a layer's own name; null (let the model name it) passes.
     *
     * @throws IllegalArgumentException if the name is blank or has characters other than letters,
     *     digits, '_', '.' and '-'
     */
    public static String checkName(String name) {
        if (name != null && !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Layer name '" + name + "' must be letters, digits, '_', '.' or '-'."
                    + " Hint: leave it out to get Keras's automatic names (dense, dense_1, …).");
        }
        return name;
    }

    /**
     * {@code e}'s message prefixed with the layer's place, {@code "Layer 2 (dense_1): …"}, as every
     * error about one layer of a model starts.
     */
    public static IllegalArgumentException inLayer(int index, String name, IllegalArgumentException e) {
        return new IllegalArgumentException("Layer " + (index + 1) + " (" + name + "): " + e.getMessage(), e);
    }

    /** A layer's place for messages, e.g. {@code "Dense layer 2 (dense_1)"} for index 1. */
    public static String where(int index, String typeName, String name) {
        return typeName + " layer " + (index + 1) + " (" + name + ")";
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
