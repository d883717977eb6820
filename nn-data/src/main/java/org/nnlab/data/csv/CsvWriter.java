package org.nnlab.data.csv;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.nnlab.core.io.AtomicFile;
import org.nnlab.core.tensor.Precision;
import org.nnlab.core.tensor.Tensor;
import org.nnlab.core.train.History;

/**
 * Writes predictions and training histories as CSV (comma-separated, a header row, {@code \n}
 * line ends, UTF-8), atomically: to a temporary file first, then moved over the target.
 *
 * <p>Numbers are written with {@link Double#toString}, the shortest text that reads back to the
 * same double.
 */
public final class CsvWriter {
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get();

    private CsvWriter() {
    }

    /**
     * Writes class predictions: columns {@code index, predicted}, then {@code predicted_name} if
     * {@code classNames} is given, then {@code actual} (and {@code actual_name}) and {@code correct}
     * (1 or 0) if {@code actual} is given.
     *
     * @param actual the true classes, or null
     * @param classNames the class names, index = class, or null
     */
    public static void writeClassPredictions(Path file, int[] predicted, int[] actual, List<String> classNames)
            throws IOException {
        if (actual != null && actual.length != predicted.length) {
            throw new IllegalArgumentException(predicted.length + " predictions but " + actual.length
                    + " true labels; there must be one true label per prediction");
        }
        List<String> head = new ArrayList<>(List.of("index", "predicted"));
        if (classNames != null) {
            head.add("predicted_name");
        }
        if (actual != null) {
            head.add("actual");
            if (classNames != null) {
                head.add("actual_name");
            }
            head.add("correct");
        }
        atomically(file, out -> {
            out.printRecord(head);
            for (int i = 0; i < predicted.length; i++) {
                List<Object> row = new ArrayList<>(List.of(i, predicted[i]));
                if (classNames != null) {
                    row.add(name(classNames, predicted[i]));
                }
                if (actual != null) {
                    row.add(actual[i]);
                    if (classNames != null) {
                        row.add(name(classNames, actual[i]));
                    }
                    row.add(predicted[i] == actual[i] ? 1 : 0);
                }
                out.printRecord(row);
            }
        });
    }

    /**
     * Writes model outputs row by row: columns {@code index}, then {@code prediction} for one value
     * per row or {@code prediction_0 … prediction_k} for {@code k + 1}, then the same with
     * {@code actual} if {@code actual} is given.
     *
     * @param actual the targets, same shape as {@code predictions}, or null
     */
    public static void writePredictions(Path file, Tensor predictions, Tensor actual) throws IOException {
        if (actual != null && (actual.rows() != predictions.rows() || actual.rowSize() != predictions.rowSize())) {
            throw new IllegalArgumentException("predictions " + Arrays.toString(predictions.shape()) + " and actual "
                    + Arrays.toString(actual.shape()) + " must have the same rows and values per row");
        }
        int w = predictions.rowSize();
        List<String> head = new ArrayList<>(List.of("index"));
        for (String prefix : actual == null ? List.of("prediction") : List.of("prediction", "actual")) {
            for (int j = 0; j < w; j++) {
                head.add(w == 1 ? prefix : prefix + "_" + j);
            }
        }
        atomically(file, out -> {
            out.printRecord(head);
            for (int i = 0; i < predictions.rows(); i++) {
                List<Object> row = new ArrayList<>();
                row.add(i);
                for (Tensor t : actual == null ? List.of(predictions) : List.of(predictions, actual)) {
                    for (int j = 0; j < w; j++) {
                        double v = t.get(i * w + j);
                        // A float32 value in its shortest form: 0.1, not 0.10000000149011612.
                        row.add(t.precision() == Precision.FLOAT32 ? Float.toString((float) v) : Double.toString(v));
                    }
                }
                out.printRecord(row);
            }
        });
    }

    /**
     * Writes a training history: column {@code epoch} (1-based), then one column per key in
     * {@link History#keys()} order; a key with fewer epochs than others leaves its cells empty.
     */
    public static void writeHistory(Path file, History history) throws IOException {
        List<String> keys = history.keys();
        double[][] columns = new double[keys.size()][];
        int epochs = 0;
        for (int k = 0; k < keys.size(); k++) {
            columns[k] = history.get(keys.get(k));
            epochs = Math.max(epochs, columns[k].length);
        }
        List<String> head = new ArrayList<>(List.of("epoch"));
        head.addAll(keys);
        int rows = epochs;
        atomically(file, out -> {
            out.printRecord(head);
            for (int e = 0; e < rows; e++) {
                List<Object> row = new ArrayList<>();
                row.add(e + 1);
                for (double[] c : columns) {
                    row.add(e < c.length ? Double.toString(c[e]) : "");
                }
                out.printRecord(row);
            }
        });
    }

    private static String name(List<String> classNames, int c) {
        if (c < 0 || c >= classNames.size()) {
            throw new IllegalArgumentException("Class " + c + " has no name in " + classNames);
        }
        return classNames.get(c);
    }

    /** What to print into the temporary file. */
    private interface Body {
        void print(CSVPrinter out) throws IOException;
    }

    private static void atomically(Path file, Body body) throws IOException {
        AtomicFile.write(file, raw -> {
            Writer w = new OutputStreamWriter(raw, StandardCharsets.UTF_8);
            CSVPrinter out = new CSVPrinter(w, FORMAT);
            body.print(out);
            out.flush();
        });
    }
}
