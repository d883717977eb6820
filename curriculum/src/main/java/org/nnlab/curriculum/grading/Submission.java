package org.nnlab.curriculum.grading;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.nnlab.curriculum.exercise.Exercise;

/**
 * The sources a student handed in for one exercise, found by file name anywhere in a folder.
 *
 * <p>Gradescope unpacks uploads as they were zipped, so {@code Fibonacci.java} may sit at the top
 * or deep in {@code src/…}; the grader looks for each expected file by name. Other files are
 * ignored: a submission cannot add tests or replace grader classes.
 *
 * @param sources file name → source text, for the files found
 * @param missing expected file names that were not found
 * @param notes remarks for the student, e.g. which of two copies was graded
 */
public record Submission(Map<String, String> sources, List<String> missing, List<String> notes) {
    /** The largest source file accepted. */
    public static final long MAX_FILE_BYTES = 512 * 1024;

    /** Copies the sources, so a submission cannot change after it is read. */
    public Submission {
        sources = Map.copyOf(sources);
        missing = List.copyOf(missing);
        notes = List.copyOf(notes);
    }

    /** A submission given as text, e.g. the reference solution or a release. */
    public static Submission of(Map<String, String> sources) {
        return new Submission(new LinkedHashMap<>(sources), List.of(), List.of());
    }

    /** Finds the student files of {@code exercise} under {@code folder}. */
    public static Submission collect(Exercise exercise, Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("Submission folder " + folder
                    + " does not exist. Hint: pass the folder holding your " + exercise.studentFiles() + ".");
        }
        Map<String, String> sources = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (String path : exercise.studentFiles()) {
            String name = Exercise.fileName(path);
            List<Path> found = find(folder, name);
            if (found.isEmpty()) {
                missing.add(name);
                continue;
            }
            Path chosen = found.stream().filter(p -> p.toString().replace('\\', '/').endsWith(path))
                    .findFirst().orElse(found.get(0));
            if (found.size() > 1) {
                notes.add("Found " + found.size() + " files named " + name + "; graded " + folder.relativize(chosen) + ".");
            }
            sources.put(name, read(chosen));
        }
        return new Submission(sources, missing, notes);
    }

    private static List<Path> find(Path folder, String name) {
        try (Stream<Path> files = Files.walk(folder, 12, new FileVisitOption[0])) {
            return files.filter(p -> p.getFileName().toString().equals(name) && Files.isRegularFile(p))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot search the submission folder " + folder, e);
        }
    }

    private static String read(Path file) {
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new IllegalArgumentException("Submission file " + file + " has " + Files.size(file)
                        + " bytes; at most " + MAX_FILE_BYTES + " are accepted. Hint: hand in source code only.");
            }
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read submission file " + file, e);
        }
    }
}
