package org.nnlab.curriculum.exercise;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * The graded exercises of the course, in order, read from {@code index.txt} and each exercise's
 * {@code exercise.properties}.
 *
 * <p>{@code index.txt} lists one exercise folder per line ({@code #} starts a comment). Each
 * folder holds {@code README.md} (the instructions), {@code exercise.properties} with
 * {@code title}, {@code student} and {@code tests} (comma-separated paths) and optionally
 * {@code timeoutSeconds}, the sources under {@code src/} and the tests under {@code test/}.
 */
public final class ExerciseCatalog {
    private final List<Exercise> exercises;
    private final ExerciseSource source;

    private ExerciseCatalog(ExerciseSource source, List<Exercise> exercises) {
        this.source = source;
        this.exercises = List.copyOf(exercises);
    }

    /** The catalog of {@code source}. */
    public static ExerciseCatalog load(ExerciseSource source) {
        List<Exercise> found = new ArrayList<>();
        for (String line : source.read("index.txt").split("\r?\n")) {
            String id = line.replaceFirst("#.*", "").trim();
            if (!id.isEmpty()) {
                found.add(read(source, id, found.size() + 1));
            }
        }
        return new ExerciseCatalog(source, found);
    }

    /** The exercises bundled in nnlab. */
    public static ExerciseCatalog bundled() {
        return load(ExerciseSource.bundled());
    }

    /** All exercises in course order. */
    public List<Exercise> all() {
        return exercises;
    }

    /**
     * The exercise named by its id ({@code fibonacci}) or its number ({@code 2}).
     *
     * @throws IllegalArgumentException naming the known exercises if there is none
     */
    public Exercise find(String idOrNumber) {
        for (Exercise e : exercises) {
            if (e.id().equals(idOrNumber) || String.valueOf(e.number()).equals(idOrNumber)) {
                return e;
            }
        }
        throw new IllegalArgumentException("No exercise '" + idOrNumber + "' in " + source.describe()
                + ". Known: " + exercises.stream().map(e -> e.number() + " " + e.id()).toList()
                + ". Hint: `nnlab exercises` lists them.");
    }

    private static Exercise read(ExerciseSource source, String id, int number) {
        Properties p = new Properties();
        String file = id + "/exercise.properties";
        try {
            p.load(new StringReader(source.read(file)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot parse " + file, e);
        }
        List<String> student = list(p, "student", file);
        List<String> tests = list(p, "tests", file);
        double timeout = Double.parseDouble(p.getProperty("timeoutSeconds", "10"));
        return new Exercise(id, number, p.getProperty("title", id), student, tests, timeout, source);
    }

    private static List<String> list(Properties p, String key, String file) {
        String value = p.getProperty(key, "").trim();
        if (value.isEmpty()) {
            throw new IllegalArgumentException(file + " has no '" + key
                    + "' entry. Hint: list the paths, comma-separated, e.g. " + key + "=src/org/example/Foo.java");
        }
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
