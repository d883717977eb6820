package org.nnlab.dsl.spec;

import java.util.List;
import java.util.Locale;

/**
 * Keras 2's {@code model.summary()} table for a sequential model, printed from specs alone.
 *
 * <p>The layout is Keras's: 65 columns, the fields cut or padded to columns 29, 55 and 65, an
 * underscore rule between layers, and the totals with thousands separators:
 * <pre>
 * Model: "sequential"
 * _________________________________________________________________
 * Layer (type)                 Output Shape              Param #
 * =================================================================
 * flatten (Flatten)            (None, 784)               0
 * _________________________________________________________________
 * dense (Dense)                (None, 100)               78500
 * …
 * Total params: 79,510
 * </pre>
 * Unlike Keras, lines carry no trailing spaces.
 */
public final class SummaryTable {
    private static final int WIDTH = 65;
    private static final int[] COLUMNS = {29, 55, 65};

    private SummaryTable() {
    }

    /** The summary of a model called {@code modelName} with these layers. */
    public static String format(String modelName, LayerTable table) {
        StringBuilder sb = new StringBuilder();
        sb.append("Model: \"").append(modelName).append("\"\n");
        sb.append("_".repeat(WIDTH)).append('\n');
        row(sb, "Layer (type)", "Output Shape", "Param #");
        sb.append("=".repeat(WIDTH)).append('\n');
        List<LayerRow> rows = table.rows();
        for (int i = 0; i < rows.size(); i++) {
            LayerRow r = rows.get(i);
            row(sb, r.name() + " (" + r.spec().typeName() + ")", r.outputShape().toString(), Long.toString(r.params()));
            sb.append((i == rows.size() - 1 ? "=" : "_").repeat(WIDTH)).append('\n');
        }
        sb.append(String.format(Locale.ROOT, "Total params: %,d\n", table.totalParams()));
        sb.append(String.format(Locale.ROOT, "Trainable params: %,d\n", table.trainableParams()));
        sb.append(String.format(Locale.ROOT, "Non-trainable params: %,d\n", table.nonTrainableParams()));
        sb.append("_".repeat(WIDTH)).append('\n');
        return sb.toString();
    }

    /** Keras's print_row: each field cut to its column end, then padded to it. */
    private static void row(StringBuilder sb, String... fields) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                line.setLength(line.length() - 1);
                line.append(' ');
            }
            line.append(fields[i]);
            if (line.length() > COLUMNS[i]) {
                line.setLength(COLUMNS[i]);
            }
            while (line.length() < COLUMNS[i]) {
                line.append(' ');
            }
        }
        sb.append(line.toString().stripTrailing()).append('\n');
    }
}
