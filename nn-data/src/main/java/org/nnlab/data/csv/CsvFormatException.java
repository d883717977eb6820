package org.nnlab.data.csv;

import java.io.IOException;

/**
 * A CSV file, row or cell nnlab cannot read; the message names the file, the line, the column and
 * the text found, and ends with a hint.
 *
 * <p>A problem with the file as a whole (a directory, an empty file) has line 0 and a message
 * {@code data.csv: …}; every other one is {@code data.csv line 7, …}.
 */
public final class CsvFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    /** The file (or stream name) being read. */
    private final String source;
    /** The 1-based line where the offending record ends, or 0 for the file as a whole. */
    private final long line;

    /** A problem with the file as a whole. */
    CsvFormatException(String source, String message) {
        super(source + ": " + message);
        this.source = source;
        this.line = 0;
    }

    CsvFormatException(String source, long line, String message, Throwable cause) {
        super(source + " line " + line + ", " + message, cause);
        this.source = source;
        this.line = line;
    }

    /** The file (or stream name) being read. */
    public String source() {
        return source;
    }

    /** The 1-based line where the offending record ends, or 0 for the file as a whole. */
    public long line() {
        return line;
    }
}
