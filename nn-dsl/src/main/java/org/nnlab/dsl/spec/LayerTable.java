package org.nnlab.dsl.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.nnlab.core.layer.Activation;
import org.nnlab.core.layer.LayerConfig;
import org.nnlab.core.layer.LayerNames;

/**
 * The inferred names, shapes and parameter counts of a stack of layer configs, without weights.
 *
 * <p>Every rule is nn-core's: the names come from {@link LayerNames#assign}, each shape from the
 * layer config's own {@link LayerConfig#outputShape} (the rule the layer's build applies), and the
 * first layer that does not fit fails with core's message prefixed by its place, "Layer 2
 * (dense_1): …", exactly as a core {@code Sequential} built from the same layers would.
 */
final class LayerTable {
    private final Shape input;
    private final List<LayerRow> rows;

    private LayerTable(Shape input, List<LayerRow> rows) {
        this.input = input;
        this.rows = List.copyOf(rows);
    }

    /**
     * Infers every layer of {@code layers} in order.
     *
     * @throws IllegalArgumentException at the first layer that does not fit, or if two are given the same name
     */
    static LayerTable of(Shape input, List<LayerConfig> layers) {
        List<String> names = names(layers);
        List<LayerRow> rows = new ArrayList<>();
        int[] shape = input.dims();
        for (int i = 0; i < layers.size(); i++) {
            LayerConfig layer = layers.get(i);
            int[] out = outputShape(layer, shape, i, names::get);
            rows.add(new LayerRow(i, names.get(i), layer, Shape.of(out), layer.trainableParameters(shape),
                    layer.nonTrainableParameters(shape)));
            shape = out;
        }
        return new LayerTable(input, rows);
    }

    /**
     * The names of {@code layers} by core's rule.
     *
     * @throws IllegalArgumentException if two are given the same name
     */
    static List<String> names(List<LayerConfig> layers) {
        return LayerNames.assign(layers.stream().map(LayerConfig::typeName).toList(),
                layers.stream().map(LayerConfig::name).toList());
    }

    /**
     * The output shape of {@code layer}, the layer at {@code index}, after {@code shape}, by the layer
     * config's own rule; an error is prefixed with the layer's place, its name looked up only then.
     */
    static int[] outputShape(LayerConfig layer, int[] shape, int index, IntFunction<String> nameAt) {
        try {
            return layer.outputShape(shape);
        } catch (IllegalArgumentException e) {
            throw LayerNames.inLayer(index, nameAt.apply(index), e);
        }
    }

    /** The shape of one input example. */
    Shape input() {
        return input;
    }

    /** One row per layer, in order. */
    List<LayerRow> rows() {
        return rows;
    }

    /** The last row; a model has at least one layer. */
    LayerRow last() {
        return rows.get(rows.size() - 1);
    }

    /** The activation the model's output passes through last, by core's rule. */
    Activation outputActivation() {
        return LayerConfig.outputActivation(rows.stream().map(LayerRow::config).toList());
    }

    /** Every parameter's name, as the built model names them: {@code dense/kernel}, {@code dense/bias}, …. */
    List<String> parameterNames() {
        List<String> names = new ArrayList<>();
        for (LayerRow r : rows) {
            for (String weight : r.config().weightNames()) {
                names.add(r.name() + "/" + weight);
            }
        }
        return names;
    }

    /** The sum of every layer's trainable parameters, saturating at {@code Long.MAX_VALUE}. */
    long trainableParams() {
        long sum = 0;
        for (LayerRow r : rows) {
            sum = saturatedAdd(sum, r.trainableParams());
        }
        return sum;
    }

    /** All parameters, trainable or not, saturating at {@code Long.MAX_VALUE} (a spec of absurd sizes). */
    long totalParams() {
        long sum = 0;
        for (LayerRow r : rows) {
            sum = saturatedAdd(saturatedAdd(sum, r.trainableParams()), r.nonTrainableParams());
        }
        return sum;
    }

    private static long saturatedAdd(long a, long b) {
        long s = a + b;
        return s < 0 ? Long.MAX_VALUE : s;
    }
}
