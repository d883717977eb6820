package org.nnlab.core.train;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nnlab.core.layer.LayerConfig;
import org.nnlab.core.regularizer.Regularizer;
import org.nnlab.core.tensor.Precision;

/**
 * Renders a model summary in Keras's layout, with shapes and parameter counts.
 *
 * <pre>
 * Model: "sequential"
 * _________________________________________________________________
 *  Layer (type)                Output Shape              Param #
 * =================================================================
 *  flatten (Flatten)           (None, 784)               0
 *
 *  dense (Dense)               (None, 100)               78500
 * …
 * =================================================================
 * Total params: 79,510 (310.59 KB)
 * Trainable params: 79,510 (310.59 KB)
 * Non-trainable params: 0 (0.00 B)
 * Precision: float32
 * _________________________________________________________________
 * </pre>
 * The sizes are the weights' memory in the model's precision, as Keras 3 prints them (1 KB = 1024
 * bytes). When weights are regularized, a list of the penalties follows the totals (Keras's table
 * has no column for them), one weight per line: {@code  dense/kernel: L2(l2=0.01)}, and a penalty on a
 * layer's output as {@code  dense/activity: L2(l2=1e-05)}.
 * Used by {@link Sequential#summary()} and by the DSL's summary of an uncompiled spec.
 */
public final class ModelSummary {
    private static final int LINE = 65;
    private static final int[] COLUMNS = {29, 55, 65};

    private ModelSummary() {
    }

    /**
     * One row: layer name, type, output shape text such as {@code (None, 784)}, parameter count, and
     * the penalty on each regularized weight, keyed by weight name ({@code kernel}).
     */
    public record Row(String name, String type, String outputShape, long params, Map<String, Regularizer> regularizers) {
        /** Keeps an unmodifiable copy of the regularizers, in their order. */
        public Row {
            regularizers = Collections.unmodifiableMap(new LinkedHashMap<>(regularizers));
        }

        /** A row without regularized weights. */
        public Row(String name, String type, String outputShape, long params) {
            this(name, type, outputShape, params, Map.of());
        }
    }

    /**
     * The penalties a summary lists for a layer: its regularized weights by name, then its activity
     * regularizer, if any, as {@code activity}.
     */
    public static Map<String, Regularizer> penalties(LayerConfig config) {
        Map<String, Regularizer> all = new LinkedHashMap<>(config.regularizers());
        config.activityRegularization().ifPresent(r -> all.put("activity", r));
        return all;
    }

    /** The summary table for {@code rows}, with totals and the precision. */
    public static String render(String modelName, List<Row> rows, long totalParams, long trainableParams,
                                Precision precision) {
        StringBuilder sb = new StringBuilder();
        sb.append("Model: \"").append(modelName).append("\"\n");
        sb.append("_".repeat(LINE)).append('\n');
        sb.append(row("Layer (type)", "Output Shape", "Param #")).append('\n');
        sb.append("=".repeat(LINE)).append('\n');
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            sb.append(row(r.name() + " (" + r.type() + ")", r.outputShape(), Long.toString(r.params()))).append('\n');
            if (i < rows.size() - 1) {
                sb.append('\n');
            }
        }
        sb.append("=".repeat(LINE)).append('\n');
        sb.append("Total params: ").append(count(totalParams, precision)).append('\n');
        sb.append("Trainable params: ").append(count(trainableParams, precision)).append('\n');
        sb.append("Non-trainable params: ").append(count(totalParams - trainableParams, precision)).append('\n');
        sb.append("Precision: ").append(precision.kerasName()).append('\n');
        if (rows.stream().anyMatch(r -> !r.regularizers().isEmpty())) {
            sb.append("Regularizers (added to the loss):\n");
            for (Row r : rows) {
                r.regularizers().forEach((weight, penalty) ->
                        sb.append(' ').append(r.name()).append('/').append(weight).append(": ").append(penalty).append('\n'));
            }
        }
        sb.append("_".repeat(LINE)).append('\n');
        return sb.toString();
    }

    /** {@code 79510} float32 values as {@code 79,510 (310.59 KB)}. */
    private static String count(long params, Precision precision) {
        return thousands(params) + " (" + memory(params * precision.bytes()) + ")";
    }

    /** Bytes as Keras 3 writes them: {@code 318040} as {@code 310.59 KB}, two decimals, 1024 per unit. */
    static String memory(long bytes) {
        String[] units = {"B", "KB", "MB", "GB", "TB"};
        double size = bytes;
        int unit = 0;
        while (size >= 1024 && unit < units.length - 1) {
            size /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.2f %s", size, units[unit]);
    }

    /** {@code 79510} as {@code 79,510}. */
    public static String thousands(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /**
     * One table row; a cell wider than its column wraps onto following lines, as Keras does, so
     * the columns stay aligned.
     */
    private static String row(String first, String second, String third) {
        String[] cells = {first, second, third};
        int[] starts = {1, COLUMNS[0], COLUMNS[1]};
        StringBuilder out = new StringBuilder();
        int[] offsets = new int[3];
        boolean more = true;
        while (more) {
            StringBuilder line = new StringBuilder();
            more = false;
            for (int c = 0; c < 3; c++) {
                int width = COLUMNS[c] - starts[c] - 1;
                String cell = cells[c];
                int from = offsets[c];
                int to = Math.min(cell.length(), from + width);
                while (line.length() < starts[c]) {
                    line.append(' ');
                }
                line.append(cell, Math.min(from, cell.length()), to);
                offsets[c] = to;
                more |= to < cell.length();
            }
            if (out.length() > 0) {
                out.append('\n');
            }
            out.append(line.toString().stripTrailing());
        }
        return out.toString();
    }
}
