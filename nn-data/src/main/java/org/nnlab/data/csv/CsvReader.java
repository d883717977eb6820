package org.nnlab.data.csv;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.nnlab.core.tensor.Tensor;

/**
 * Reads a CSV file (UTF-8) into a {@link CsvTable} of numeric features and optional labels, with
 * Apache Commons CSV.
 *
 * <p>Every feature cell must be a number ({@link Double#parseDouble} syntax after trimming, so
 * {@code NaN} and {@code Infinity} are accepted). A problem is a {@link CsvFormatException} naming
 * the file, the line (where the record ends), the column and the text found:
 * <ul>
 *   <li>{@code data.csv line 7, column 'x2' (index 1): expected a number but found 'abc'. Hint: …}
 *   <li>{@code data.csv line 7, column 'x2' (index 1): empty cell where a number was expected. Hint: …}
 *   <li>{@code data.csv line 7, column 'y' (index 2) is missing: the row has 2 fields …}
 * </ul>
 * Labels are read as {@link CsvOptions#labelKind()} says; string labels become class indices in
 * the sorted order of {@link ClassEncoding}.
 */
public final class CsvReader {
    private CsvReader() {
    }

    /** Reads {@code file} with {@code options}. */
    public static CsvTable read(Path file, CsvOptions options) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(r, file.toString(), options);
        }
    }

    /**
     * Reads CSV text from {@code reader}.
     *
     * @param source names the input in error messages
     */
    public static CsvTable read(Reader reader, String source, CsvOptions options) throws IOException {
        CSVFormat.Builder format = CSVFormat.DEFAULT.builder().setDelimiter(options.delimiter())
                .setQuote(options.quote()).setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true)
                .setAllowMissingColumnNames(true);
        if (options.header()) {
            format.setHeader().setSkipHeaderRecord(true);
        }
        try (CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format.get()).get()) {
            return new Parse(parser, source, options).run();
        }
    }

    /** The state of one read: chosen columns, values so far. */
    private static final class Parse {
        private final CSVParser parser;
        private final String source;
        private final CsvOptions options;
        private final List<String> header;
        private int[] featureCols;
        private int labelCol = -1;
        private double[] values = new double[1024];
        private int count;
        private final List<String> labelTexts = new ArrayList<>();
        private final List<Long> labelLines = new ArrayList<>();

        Parse(CSVParser parser, String source, CsvOptions options) {
            this.parser = parser;
            this.source = source;
            this.options = options;
            this.header = options.header() ? parser.getHeaderNames() : List.of();
        }

        CsvTable run() throws IOException {
            Iterator<CSVRecord> it = parser.iterator();
            int rows = 0;
            while (hasNext(it)) {
                CSVRecord record = it.next();
                long line = parser.getCurrentLineNumber();
                if (featureCols == null) {
                    chooseColumns(record.size());
                }
                for (int c : featureCols) {
                    append(number(record, c, line));
                }
                if (labelCol >= 0) {
                    labelTexts.add(cell(record, labelCol, line));
                    labelLines.add(line);
                }
                rows++;
            }
            if (featureCols == null) {
                chooseColumns(header.size());
            }
            Tensor x = Tensor.wrap(Arrays.copyOf(values, count), rows, featureCols.length);
            List<String> names = new ArrayList<>();
            for (int c : featureCols) {
                names.add(name(c));
            }
            if (labelCol < 0) {
                return new CsvTable(x, names, null, null, null);
            }
            return labels(x, names, rows);
        }

        /** Commons CSV reports malformed input (an unclosed quote) as an unchecked exception. */
        private boolean hasNext(Iterator<CSVRecord> it) throws CsvFormatException {
            try {
                return it.hasNext();
            } catch (UncheckedIOException e) {
                throw new CsvFormatException(source, parser.getCurrentLineNumber(), "not readable as CSV: "
                        + e.getCause().getMessage() + ". Hint: check that every opening quote "
                        + options.quote() + " is closed and that the delimiter is right.", e.getCause());
            }
        }

        private void chooseColumns(int width) {
            int w = header.isEmpty() ? width : header.size();
            labelCol = options.label().map(c -> c.resolve(header, w, source)).orElse(-1);
            if (options.features().isPresent()) {
                featureCols = options.features().get().stream().mapToInt(c -> c.resolve(header, w, source)).toArray();
            } else {
                featureCols = java.util.stream.IntStream.range(0, w).filter(c -> c != labelCol).toArray();
            }
        }

        private CsvTable labels(Tensor x, List<String> names, int rows) throws CsvFormatException {
            boolean numeric = options.labelKind() == LabelKind.NUMERIC
                    || (options.labelKind() == LabelKind.AUTO && labelTexts.stream().allMatch(CsvReader::isNumber));
            double[] y = new double[rows];
            ClassEncoding classes = null;
            if (numeric) {
                for (int i = 0; i < rows; i++) {
                    y[i] = parse(labelTexts.get(i), labelCol, labelLines.get(i));
                }
            } else {
                classes = ClassEncoding.of(labelTexts);
                for (int i = 0; i < rows; i++) {
                    y[i] = classes.indexOf(labelTexts.get(i));
                }
            }
            return new CsvTable(x, names, Tensor.wrap(y, rows, 1), name(labelCol), classes);
        }

        private double number(CSVRecord record, int col, long line) throws CsvFormatException {
            return parse(cell(record, col, line), col, line);
        }

        private String cell(CSVRecord record, int col, long line) throws CsvFormatException {
            if (col >= record.size()) {
                throw new CsvFormatException(source, line, describe(col) + " is missing: the row has " + record.size()
                        + " fields but column index " + col + " was asked for (" + (header.isEmpty() ? "" : "the header has "
                        + header.size() + " columns; ") + "found " + record.toList() + "). Hint: a field or delimiter"
                        + " is missing in that row, or the row is cut short.", null);
            }
            return record.get(col);
        }

        private double parse(String text, int col, long line) throws CsvFormatException {
            if (text.isBlank()) {
                throw new CsvFormatException(source, line, describe(col) + ": empty cell where a number was expected."
                        + " Hint: nnlab does not fill in missing values; fill or drop such rows first.", null);
            }
            try {
                return Double.parseDouble(text);
            } catch (NumberFormatException e) {
                throw new CsvFormatException(source, line, describe(col) + ": expected a number but found '" + text
                        + "'. Hint: " + hint(text), e);
            }
        }

        private String hint(String text) {
            if (text.matches("-?\\d+,\\d+")) {
                return "decimal commas are not supported; write 1.5, not 1,5 (and choose another delimiter).";
            }
            for (char d : new char[] {';', '\t', ','}) {
                if (d != options.delimiter() && text.indexOf(d) >= 0) {
                    return "the cell contains '" + (d == '\t' ? "\\t" : String.valueOf(d)) + "'; is that the delimiter?"
                            + " Set it with CsvOptions.builder().delimiter(...).";
                }
            }
            return "if this column holds class names, choose it as the label with CsvOptions.builder().label(...);"
                    + " otherwise leave it out of the features.";
        }

        private String describe(int col) {
            return "column '" + name(col) + "'" + (header.isEmpty() ? "" : " (index " + col + ")");
        }

        private String name(int col) {
            return header.isEmpty() || col >= header.size() ? Integer.toString(col) : header.get(col);
        }

        private void append(double v) {
            if (count == values.length) {
                values = Arrays.copyOf(values, values.length * 2);
            }
            values[count++] = v;
        }
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s);
            return !s.isBlank();
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
