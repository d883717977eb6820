package org.nnlab.data.csv;

import java.util.List;

/**
 * A CSV column chosen by header name or by zero-based position.
 *
 * <p>{@code Column.named("species")} needs a file with a header row; {@code Column.at(4)} works with
 * or without one.
 */
public final class Column {
    private final String name;
    private final int index;

    private Column(String name, int index) {
        this.name = name;
        this.index = index;
    }

    /** The column whose header is {@code name} (exact, case-sensitive match). */
    public static Column named(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("A column name must not be empty; use Column.at(index) for position");
        }
        return new Column(name, -1);
    }

    /** The column at zero-based position {@code index}. */
    public static Column at(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("Column index (" + index + ") must be >= 0; the first column is 0");
        }
        return new Column(null, index);
    }

    /**
     * The position of this column in a file with header {@code header} (empty if the file has none)
     * whose rows have {@code width} fields; {@code line} is the first row's, for the message.
     *
     * @throws CsvFormatException naming the columns that exist, if it has no such column
     */
    int resolve(List<String> header, int width, String source, long line) throws CsvFormatException {
        if (name != null) {
            if (header.isEmpty()) {
                throw new CsvFormatException(source, line, "column '" + name + "' was chosen by name but the file is"
                        + " read without a header row. Hint: use header(true), or choose it with Column.at(index).", null);
            }
            int i = header.indexOf(name);
            if (i < 0) {
                throw new CsvFormatException(source, line, "no column named '" + name + "'; the header has " + header
                        + ". Hint: names are case-sensitive; check the delimiter if the header looks like one column.",
                        null);
            }
            return i;
        }
        if (index >= width) {
            throw new CsvFormatException(source, line, "column index " + index + " is past the last column (the rows"
                    + " have " + width + " columns, indices 0.." + (width - 1) + "). Hint: indices start at 0.", null);
        }
        return index;
    }

    /** {@code 'name'} or {@code #index}. */
    @Override
    public String toString() {
        return name != null ? "'" + name + "'" : "#" + index;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Column c && index == c.index && java.util.Objects.equals(name, c.name);
    }

    @Override
    public int hashCode() {
        return 31 * java.util.Objects.hashCode(name) + index;
    }
}
