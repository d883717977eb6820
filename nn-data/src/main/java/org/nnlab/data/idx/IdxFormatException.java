package org.nnlab.data.idx;

import java.io.IOException;

/**
 * An IDX file that does not follow the format; the message names the file, the byte offset and
 * what was expected there.
 *
 * <p>For a gzip-compressed file the offset counts bytes of the decompressed IDX data.
 */
public final class IdxFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    /** The file (or stream name) that failed to parse. */
    private final String source;
    /** The byte offset of the problem, counted in the decompressed data for a gzip file. */
    private final long offset;

    /**
     * An exception for {@code source} at byte {@code offset}; the message is prefixed with the source.
     *
     * @param cause the underlying failure, or null
     */
    public IdxFormatException(String source, long offset, String message, Throwable cause) {
        super(source + ": " + message, cause);
        this.source = source;
        this.offset = offset;
    }

    /** The file (or stream name) that failed to parse. */
    public String source() {
        return source;
    }

    /** The byte offset where the problem was found (in the decompressed data for gzip files). */
    public long offset() {
        return offset;
    }
}
