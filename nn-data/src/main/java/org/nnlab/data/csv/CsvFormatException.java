package org.nnlab.data.csv;

import java.io.IOException;

/** A CSV cell or row nnlab cannot read; the message names the file, line, column and the text found. */
public final class CsvFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    /** The file (or stream name) being read. */
    private final String source;
    /** The 1-based line where the offending record ends. */
    private final long line;

    CsvFormatException(String source, long line, String message, Throwable cause) {
        super(source + " line " + line + ", " + message, cause);
        this.source = source;
        this.line = line;
    }

    /** The file (or stream name) being read. */
    public String source() {
        return source;
    }

    /** The 1-based line where the offending record ends. */
    public long line() {
        return line;
    }
}
