package org.nnlab.data.csv;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * How to read a CSV file into features and labels; built with {@link #builder()}.
 *
 * <p>Defaults: delimiter {@code ','}, quote {@code '"'}, a header row ({@value #DEFAULT_HEADER}),
 * no label column, every column (but the label) a feature, labels {@link LabelKind#AUTO}, encoding
 * UTF-8. Blank lines are skipped, spaces around fields are trimmed and a leading byte order mark is
 * dropped.
 */
public final class CsvOptions {
    /** Whether the first row is a header by default. */
    public static final boolean DEFAULT_HEADER = true;
    /** The default field delimiter. */
    public static final char DEFAULT_DELIMITER = ',';
    /** The default quote character. */
    public static final char DEFAULT_QUOTE = '"';
    /** The default encoding of a file. */
    public static final Charset DEFAULT_ENCODING = StandardCharsets.UTF_8;

    private final char delimiter;
    private final char quote;
    private final boolean header;
    private final List<Column> features;
    private final Column label;
    private final LabelKind labelKind;
    private final Charset encoding;

    private CsvOptions(Builder b) {
        this.delimiter = b.delimiter;
        this.quote = b.quote;
        this.header = b.header;
        this.features = b.features;
        this.label = b.label;
        this.labelKind = b.labelKind;
        this.encoding = b.encoding;
    }

    /** A builder with the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** The defaults: header row, comma-separated, all columns features, no label. */
    public static CsvOptions defaults() {
        return builder().build();
    }

    /** The field delimiter. */
    public char delimiter() {
        return delimiter;
    }

    /** The quote character. */
    public char quote() {
        return quote;
    }

    /** Whether the first row holds column names. */
    public boolean header() {
        return header;
    }

    /** The feature columns, or empty for every column but the label. */
    public Optional<List<Column>> features() {
        return Optional.ofNullable(features);
    }

    /** The label column, if any. */
    public Optional<Column> label() {
        return Optional.ofNullable(label);
    }

    /** How label cells are read. */
    public LabelKind labelKind() {
        return labelKind;
    }

    /** The encoding a file is decoded with (bytes it cannot decode are an error, not replaced). */
    public Charset encoding() {
        return encoding;
    }

    /** Builds {@link CsvOptions}; every setter validates its argument. */
    public static final class Builder {
        private char delimiter = DEFAULT_DELIMITER;
        private char quote = DEFAULT_QUOTE;
        private boolean header = DEFAULT_HEADER;
        private List<Column> features;
        private Column label;
        private LabelKind labelKind = LabelKind.AUTO;
        private Charset encoding = DEFAULT_ENCODING;

        private Builder() {
        }

        /** The field delimiter, e.g. {@code ';'} or {@code '\t'}. */
        public Builder delimiter(char delimiter) {
            if (delimiter == '\n' || delimiter == '\r') {
                throw new IllegalArgumentException("The delimiter cannot be a line break");
            }
            this.delimiter = delimiter;
            return this;
        }

        /** The quote character around fields that contain the delimiter. */
        public Builder quote(char quote) {
            this.quote = quote;
            return this;
        }

        /** Whether the first row is a header of column names. */
        public Builder header(boolean header) {
            this.header = header;
            return this;
        }

        /** The feature columns, in the order they become feature values. */
        public Builder features(Column... columns) {
            if (columns.length == 0) {
                throw new IllegalArgumentException("Choose at least one feature column, or leave features() out to use"
                        + " every column but the label");
            }
            this.features = List.of(columns);
            return this;
        }

        /** The feature columns by header name. */
        public Builder features(String... names) {
            Column[] c = new Column[names.length];
            for (int i = 0; i < names.length; i++) {
                c[i] = Column.named(names[i]);
            }
            return features(c);
        }

        /** The feature columns by zero-based position. */
        public Builder features(int... indices) {
            Column[] c = new Column[indices.length];
            for (int i = 0; i < indices.length; i++) {
                c[i] = Column.at(indices[i]);
            }
            return features(c);
        }

        /** The label column. */
        public Builder label(Column column) {
            this.label = java.util.Objects.requireNonNull(column, "label column");
            return this;
        }

        /** The label column by header name. */
        public Builder label(String name) {
            return label(Column.named(name));
        }

        /** The label column by zero-based position. */
        public Builder label(int index) {
            return label(Column.at(index));
        }

        /** How label cells are read; {@link LabelKind#AUTO} by default. */
        public Builder labelKind(LabelKind kind) {
            this.labelKind = java.util.Objects.requireNonNull(kind, "labelKind");
            return this;
        }

        /** The encoding of the file, e.g. {@code StandardCharsets.ISO_8859_1} for an old Excel export; UTF-8 by default. */
        public Builder encoding(Charset encoding) {
            this.encoding = java.util.Objects.requireNonNull(encoding, "encoding");
            return this;
        }

        /**
         * The options.
         *
         * @throws IllegalArgumentException if the delimiter equals the quote
         */
        public CsvOptions build() {
            if (delimiter == quote) {
                throw new IllegalArgumentException("The delimiter and the quote are both '" + delimiter + "'; they must differ");
            }
            if (features != null && label != null && features.contains(label)) {
                throw new IllegalArgumentException("Column " + label + " is both a feature and the label. Hint: a model"
                        + " that sees its label as input learns nothing useful.");
            }
            return new CsvOptions(this);
        }
    }
}
