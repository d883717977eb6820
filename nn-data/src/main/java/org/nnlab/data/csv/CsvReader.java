package org.nnlab.data.csv;

import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;
import org.nnlab.core.tensor.Tensor;

/**
 * Reads a CSV file into a {@link CsvTable} of numeric features and optional labels, with Apache
 * Commons CSV.
 *
 * <p>The file is decoded strictly in {@link CsvOptions#encoding()} (UTF-8 by default) and a leading
 * byte order mark is dropped. A header's names must be distinct, and every row must have as many
 * fields as the header (or, without one, as the first row): nothing is dropped or padded. A feature
 * cell must be a decimal number ({@code 1}, {@code -2.5}, {@code .5}, {@code 1e-3}; spaces around it
 * are trimmed), or {@code NaN} or {@code Infinity} spelt so; a number too large for a double
 * ({@code 1e400}) is an error, not Infinity. Every row needs a label, and a numeric label must be
 * finite. Labels are read as {@link CsvOptions#labelKind()} says: with {@link LabelKind#AUTO} a
 * column of numbers stays numeric and a column of names becomes class indices in the order of
 * {@link ClassEncoding}; a column mixing both is an error, since it is a typo or a missing-value
 * marker far more often than a class name.
 *
 * <p>Every problem with the file is a {@link CsvFormatException} naming the file, the line (where the
 * record ends), the column and the text found, with a hint:
 * <ul>
 *   <li>{@code data.csv line 7, column 'x2' (index 1): expected a number but found 'abc'. Hint: …}
 *   <li>{@code data.csv line 7, column 'x2' (index 1): empty cell where a number was expected. Hint: …}
 *   <li>{@code data.csv line 7, the row has 4 fields but the header has 3 columns …}
 *   <li>{@code data.csv line 1, the header names column 'y' twice …}
 *   <li>{@code data.csv line 3, byte offset 57: bytes 0xE9 are not valid UTF-8. Hint: …}
 *   <li>{@code data: is a directory, not a CSV file. Hint: …}
 * </ul>
 */
public final class CsvReader {
    private CsvReader() {
    }

    /** Reads {@code file} with {@code options}. */
    public static CsvTable read(Path file, CsvOptions options) throws IOException {
        String source = file.toString();
        if (Files.isDirectory(file)) {
            throw new CsvFormatException(source, "is a directory, not a CSV file. Hint: pass the path of a file inside"
                    + " it" + csvFilesIn(file) + ".");
        }
        try (Reader r = new DecodingReader(Files.newInputStream(file), options.encoding(), source)) {
            return parse(r, source, options);
        }
    }

    /**
     * Reads CSV text from {@code reader}; a leading byte order mark is dropped.
     *
     * @param source names the input in error messages
     */
    public static CsvTable read(Reader reader, String source, CsvOptions options) throws IOException {
        PushbackReader in = new PushbackReader(reader);
        int first = in.read();
        if (first >= 0 && first != '\uFEFF') {
            in.unread(first);
        }
        return parse(in, source, options);
    }

    private static CsvTable parse(Reader reader, String source, CsvOptions options) throws IOException {
        CSVFormat.Builder format = CSVFormat.DEFAULT.builder().setDelimiter(options.delimiter())
                .setQuote(options.quote()).setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true)
                .setAllowMissingColumnNames(true).setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_ALL);
        if (options.header()) {
            format.setHeader().setSkipHeaderRecord(true);
        }
        CSVParser parser;
        try {
            // Reads the header row, if any.
            parser = CSVParser.builder().setReader(reader).setFormat(format.get()).get();
        } catch (CsvFormatException e) {
            throw e;
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw unreadable(source, 1, e, options);
        }
        try (parser) {
            return new Parse(parser, source, options).run();
        }
    }

    /** Commons CSV's report of malformed input (an unclosed quote), or the decoder's, as a CsvFormatException. */
    private static CsvFormatException unreadable(String source, long line, Exception e, CsvOptions options) {
        Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
        if (cause instanceof CsvFormatException c) {
            return c;
        }
        return new CsvFormatException(source, line, "not readable as CSV: " + cause.getMessage() + ". Hint: check that"
                + " every opening quote " + options.quote() + " is closed and that the delimiter is right.", cause);
    }

    private static String csvFilesIn(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            List<String> names = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".csv")).sorted()
                    .limit(5).toList();
            return names.isEmpty() ? " (it holds no .csv file)" : ", e.g. " + folder.resolve(names.get(0))
                    + " (it holds " + String.join(", ", names) + ")";
        } catch (IOException e) {
            return "";
        }
    }

    /** The state of one read: chosen columns, values so far. */
    private static final class Parse {
        private final CSVParser parser;
        private final String source;
        private final CsvOptions options;
        private final List<String> header;
        private int width = -1;
        private int[] featureCols;
        private int labelCol = -1;
        private double[] values = new double[1024];
        private int count;
        private final List<String> labelTexts = new ArrayList<>();
        private final List<Long> labelLines = new ArrayList<>();

        Parse(CSVParser parser, String source, CsvOptions options) throws CsvFormatException {
            this.parser = parser;
            this.source = source;
            this.options = options;
            this.header = options.header() ? parser.getHeaderNames() : List.of();
            requireDistinctNames();
        }

        CsvTable run() throws IOException {
            Iterator<CSVRecord> it = parser.iterator();
            int rows = 0;
            while (hasNext(it)) {
                CSVRecord record = it.next();
                long line = parser.getCurrentLineNumber();
                if (width < 0) {
                    chooseColumns(header.isEmpty() ? record.size() : header.size(), line);
                }
                requireWidth(record, line);
                for (int c : featureCols) {
                    append(CsvNumber.parse(record.get(c), false, source, line, describe(c), options.delimiter()));
                }
                if (labelCol >= 0) {
                    String text = record.get(labelCol);
                    if (text.isBlank()) {
                        throw new CsvFormatException(source, line, describe(labelCol) + ": empty label cell; every row"
                                + " needs a label. Hint: fill in the label or drop the row; nnlab does not guess"
                                + " missing labels.", null);
                    }
                    labelTexts.add(text);
                    labelLines.add(line);
                }
                rows++;
            }
            if (width < 0) {
                if (header.isEmpty()) {
                    throw new CsvFormatException(source, "is empty: it has no header and no rows. Hint: is it the"
                            + " right file (a download that failed, an export that wrote nothing)?");
                }
                chooseColumns(header.size(), 1);
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

        private boolean hasNext(Iterator<CSVRecord> it) throws CsvFormatException {
            try {
                return it.hasNext();
            } catch (UncheckedIOException | IllegalStateException e) {
                throw unreadable(source, parser.getCurrentLineNumber(), e, options);
            }
        }

        private void requireDistinctNames() throws CsvFormatException {
            Map<String, Integer> seen = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                String n = header.get(i);
                Integer before = n == null || n.isEmpty() ? null : seen.putIfAbsent(n, i);
                if (before != null) {
                    throw new CsvFormatException(source, 1, "the header names column '" + n + "' twice (indices " + before
                            + " and " + i + ") in " + header + ". Hint: rename one of them; nnlab does not guess which"
                            + " one you mean.", null);
                }
            }
        }

        private void chooseColumns(int w, long line) throws CsvFormatException {
            width = w;
            labelCol = options.label().isPresent() ? options.label().get().resolve(header, w, source, line) : -1;
            if (options.features().isPresent()) {
                List<Column> chosen = options.features().get();
                featureCols = new int[chosen.size()];
                for (int i = 0; i < featureCols.length; i++) {
                    featureCols[i] = chosen.get(i).resolve(header, w, source, line);
                }
            } else {
                featureCols = IntStream.range(0, w).filter(c -> c != labelCol).toArray();
            }
        }

        private void requireWidth(CSVRecord record, long line) throws CsvFormatException {
            if (record.size() == width) {
                return;
            }
            List<String> fields = record.toList();
            String found = fields.size() <= 12 ? fields.toString() : fields.subList(0, 12) + " (and " + (fields.size() - 12)
                    + " more)";
            String hint = record.size() > width
                    ? "a field holds an unquoted '" + options.delimiter() + "'" + (options.delimiter() == ','
                    ? " (a decimal comma such as 1,5?)" : "") + ", or the row has a field too many; quote such fields"
                    : "a field or a delimiter is missing, or the row is cut short";
            throw new CsvFormatException(source, line, "the row has " + record.size() + " fields but "
                    + (header.isEmpty() ? "the first row has " + width : "the header has " + width + " columns " + header)
                    + "; found " + found + ". Hint: " + hint + ". nnlab reads no row with fields missing or extra.", null);
        }

        private CsvTable labels(Tensor x, List<String> names, int rows) throws CsvFormatException {
            LabelKind kind = options.labelKind();
            if (kind == LabelKind.AUTO) {
                kind = autoKind();
            }
            double[] y = new double[rows];
            ClassEncoding classes = null;
            if (kind == LabelKind.NUMERIC) {
                for (int i = 0; i < rows; i++) {
                    y[i] = CsvNumber.parse(labelTexts.get(i), true, source, labelLines.get(i), describe(labelCol),
                            options.delimiter());
                }
            } else {
                classes = ClassEncoding.of(labelTexts);
                for (int i = 0; i < rows; i++) {
                    y[i] = classes.indexOf(labelTexts.get(i));
                }
            }
            return new CsvTable(x, names, Tensor.wrap(y, rows, 1), name(labelCol), classes);
        }

        /** Numeric if every label is a number, categorical if none is; a mix is an error. */
        private LabelKind autoKind() throws CsvFormatException {
            if (labelTexts.isEmpty()) {
                return LabelKind.NUMERIC;
            }
            boolean numeric = CsvNumber.isNumber(labelTexts.get(0));
            for (int i = 1; i < labelTexts.size(); i++) {
                if (CsvNumber.isNumber(labelTexts.get(i)) != numeric) {
                    throw new CsvFormatException(source, labelLines.get(i), describe(labelCol) + ": the label '"
                            + labelTexts.get(i) + "' is " + (numeric ? "not a number" : "a number") + " but the first"
                            + " label (line " + labelLines.get(0) + ", '" + labelTexts.get(0) + "') is " + (numeric
                            ? "one" : "not") + "; a label column holds numbers or class names, not both. Hint: fix that"
                            + " cell, or say how to read the labels with CsvOptions.builder().labelKind(...): CATEGORICAL"
                            + " for class names, NUMERIC for numbers.", null);
                }
            }
            return numeric ? LabelKind.NUMERIC : LabelKind.CATEGORICAL;
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
}
