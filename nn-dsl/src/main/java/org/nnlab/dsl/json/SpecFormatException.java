package org.nnlab.dsl.json;

/**
 * A model spec in JSON that cannot be read: malformed JSON, an unknown field or type, a missing
 * field, or a value the spec rejects.
 *
 * <p>The message names the source, the line and column, the JSON path
 * ({@code $.layers[1].units}), what is wrong and, where one helps, a hint.
 */
public final class SpecFormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** Where the JSON came from: a file name, or {@code "<string>"}. */
    private final String source;
    /** The JSON path of the problem, e.g. {@code $.layers[1].units}. */
    private final String path;
    /** The 1-based line of the problem; 0 for the file as a whole, −1 if unknown. */
    private final int line;
    /** The 1-based column of the problem; 0 for the file as a whole, −1 if unknown. */
    private final int column;

    /** A problem with the file as a whole (a directory, not UTF-8): line and column 0, path {@code $}. */
    SpecFormatException(String source, String problem) {
        super(source + ": " + problem);
        this.source = source;
        this.path = "$";
        this.line = 0;
        this.column = 0;
    }

    SpecFormatException(String source, String path, int line, int column, String problem, Throwable cause) {
        super(source + ": line " + line + ", column " + column + ", at " + path + ": " + problem, cause);
        this.source = source;
        this.path = path;
        this.line = line;
        this.column = column;
    }

    /** Where the JSON came from: a file name, or {@code "<string>"}. */
    public String source() {
        return source;
    }

    /** The JSON path of the problem, e.g. {@code $.layers[1].units}. */
    public String path() {
        return path;
    }

    /** The 1-based line; 0 for the file as a whole, −1 if unknown. */
    public int line() {
        return line;
    }

    /** The 1-based column; 0 for the file as a whole, −1 if unknown. */
    public int column() {
        return column;
    }
}
