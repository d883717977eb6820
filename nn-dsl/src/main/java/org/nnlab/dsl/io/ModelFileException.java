package org.nnlab.dsl.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A model file that cannot be read or written: truncated, corrupted, of another format version,
 * or not holding what the model needs.
 *
 * <p>The message starts with the file and says what is wrong and, where one helps, what to do.
 */
public final class ModelFileException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;

    /** A problem with {@code file}, described by {@code problem}. */
    public ModelFileException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
    }

    /** The file concerned. */
    public Path file() {
        return file;
    }
}
