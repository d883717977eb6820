package org.nnlab.curriculum.exercise;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the instructor's exercise files are read from: inside nnlab.jar or a folder on disk.
 *
 * <p>Paths are relative to the exercises root and use {@code /}, e.g.
 * {@code fibonacci/exercise.properties}. The bundled root is the {@code curriculum/exercises}
 * folder of the source tree, copied into the jar at build time.
 */
public interface ExerciseSource {

    /** The UTF-8 text of {@code relativePath}; an IllegalArgumentException naming the file if it is missing. */
    String read(String relativePath);

    /** Whether {@code relativePath} exists. */
    boolean exists(String relativePath);

    /** A description for messages, e.g. the folder. */
    String describe();

    /** The exercises built into nnlab.jar. */
    static ExerciseSource bundled() {
        return new ExerciseSource() {
            @Override
            public String read(String relativePath) {
                String resource = "/exercises/" + relativePath;
                try (InputStream in = ExerciseSource.class.getResourceAsStream(resource)) {
                    if (in == null) {
                        throw new IllegalArgumentException("No bundled exercise file " + resource
                                + ". Hint: rebuild nnlab (mvn -pl curriculum -am package) or pass --exercises <folder>.");
                    }
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot read bundled exercise file " + resource, e);
                }
            }

            @Override
            public boolean exists(String relativePath) {
                return ExerciseSource.class.getResource("/exercises/" + relativePath) != null;
            }

            @Override
            public String describe() {
                return "the exercises bundled in nnlab";
            }
        };
    }

    /** The exercises under {@code root}, laid out like {@code curriculum/exercises}. */
    static ExerciseSource directory(Path root) {
        return new ExerciseSource() {
            @Override
            public String read(String relativePath) {
                Path file = root.resolve(relativePath);
                if (!Files.isRegularFile(file)) {
                    throw new IllegalArgumentException("No exercise file " + file
                            + ". Hint: the folder must hold index.txt and one folder per exercise, like curriculum/exercises.");
                }
                try {
                    return Files.readString(file, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot read exercise file " + file, e);
                }
            }

            @Override
            public boolean exists(String relativePath) {
                return Files.isRegularFile(root.resolve(relativePath));
            }

            @Override
            public String describe() {
                return root.toString();
            }
        };
    }
}
