package org.nnlab.tests.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A folder for the fuzz cases' files, in memory ({@code /dev/shm}) where the machine has one.
 *
 * <p>Thousands of small files are written per run; on a disk that discards freed blocks a write
 * can take milliseconds, in memory it takes microseconds. Elsewhere the system's temporary folder
 * is used. {@link #close} deletes the folder.
 */
final class Scratch implements AutoCloseable {
    private static final Path MEMORY = Path.of("/dev/shm");
    private final Path dir;
    private int next;

    Scratch() {
        try {
            dir = Files.isDirectory(MEMORY) && Files.isWritable(MEMORY) ? Files.createTempDirectory(MEMORY, "nnlab-fuzz")
                    : Files.createTempDirectory("nnlab-fuzz");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new file holding {@code bytes}, named with {@code suffix}. */
    Path write(byte[] bytes, String suffix) throws IOException {
        return Files.write(dir.resolve((next++) + suffix), bytes);
    }

    @Override
    public void close() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
