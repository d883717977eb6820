package org.nnlab.curriculum.exercise;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the student version of an exercise: a standalone Maven project with the instructions,
 * the starter sources and the visible tests.
 *
 * <p>Layout under the output folder: {@code <id>/pom.xml} ({@link ReleasedProject}),
 * {@code <id>/README.md} (the instructions, then how to build, test and hand in),
 * {@code <id>/src/…} (solution blocks replaced by TODO stubs), {@code <id>/test/…} (hidden tests
 * removed) and {@code <id>/.gitignore}. No marker and no solution line reaches the release.
 */
public final class Release {
    private Release() {
    }

    /** Writes {@code exercise}'s student version under {@code out} and returns the files written. */
    public static List<Path> write(Exercise exercise, Path out) {
        Path root = out.resolve(exercise.id());
        List<Path> written = new ArrayList<>();
        written.add(writeFile(root.resolve("pom.xml"), ReleasedProject.pom(exercise)));
        written.add(writeFile(root.resolve("README.md"), exercise.instructions().stripTrailing() + "\n"
                + ReleasedProject.workflow(exercise)));
        written.add(writeFile(root.resolve(".gitignore"), "target/\n*-submission.zip\n"));
        for (String path : exercise.studentFiles()) {
            written.add(writeFile(root.resolve(path), exercise.marked(path).studentVersion()));
        }
        for (String path : exercise.testFiles()) {
            written.add(writeFile(root.resolve(path), exercise.marked(path).studentVersion()));
        }
        return written;
    }

    private static Path writeFile(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text.endsWith("\n") ? text : text + "\n", StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the release file " + file, e);
        }
    }
}
