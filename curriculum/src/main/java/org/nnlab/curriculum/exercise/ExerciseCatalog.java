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
        String where = file + " in " + source.describe();
        if (!source.exists(file)) {
            throw new IllegalArgumentException("Exercise '" + id + "' (listed in index.txt of " + source.describe()
                    + ") has no exercise.properties. Hint: write " + file + " with title=…, student=src/…/Name.java"
                    + " and tests=test/…/NameTest.java, or run `nnlab new-exercise " + id + "` to scaffold one.");
        }
        try {
            p.load(new StringReader(source.read(file)));
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("Cannot parse " + where + ": " + e.getMessage()
                    + ". Hint: one key=value per line, as in java.util.Properties.", e);
        }
        String title = p.getProperty("title", "").trim();
        if (title.isEmpty()) {
            throw new IllegalArgumentException(where + " has no 'title' entry. Hint: one line for listings, e.g."
                    + " title=Memoized Fibonacci: naive recursion, a memo table, bottom-up");
        }
        List<String> student = list(p, "student", where, source, id, "src/org/example/Foo.java");
        List<String> tests = list(p, "tests", where, source, id, "test/org/example/FooTest.java");
        return new Exercise(id, number, title, student, tests, timeout(p, where), source);
    }

    private static double timeout(Properties p, String where) {
        String value = p.getProperty("timeoutSeconds", "10").trim();
        try {
            double seconds = Double.parseDouble(value);
            if (seconds > 0 && Double.isFinite(seconds)) {
                return seconds;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(where + ": timeoutSeconds (" + value + ") must be a number of seconds > 0,"
                + " e.g. timeoutSeconds=10");
    }

    private static List<String> list(Properties p, String key, String where, ExerciseSource source, String id,
                                     String example) {
        String value = p.getProperty(key, "").trim();
        if (value.isEmpty()) {
            throw new IllegalArgumentException(where + " has no '" + key
                    + "' entry. Hint: list the paths, comma-separated, e.g. " + key + "=" + example);
        }
        List<String> paths = Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        for (String path : paths) {
            if (!source.exists(id + "/" + path)) {
                throw new IllegalArgumentException(where + " lists " + key + "=" + path + ", but there is no " + id + "/"
                        + path + ". Hint: paths are relative to the exercise's folder, e.g. " + example);
            }
        }
        return paths;
    }
}
