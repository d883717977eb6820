package org.nnlab.curriculum.exercise;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A new exercise, ready for {@code release --check}: {@code exercise.properties}, a README, a
 * source with a solution block, a test with one visible and one hidden graded test, and one
 * known-wrong submission in {@code checks/}, all for a small example the instructor replaces.
 *
 * <p>The id names the folder ({@code matrix-power}); the package drops the dashes
 * ({@code org.nnlab.exercises.matrixpower}); the class is the id in CamelCase ({@code MatrixPower}).
 */
public final class Scaffold {
    private Scaffold() {
    }

    /**
     * Writes exercise {@code id} under {@code folder} and lists it in {@code folder/index.txt}
     * (made if missing); returns the files written.
     *
     * @throws IllegalArgumentException if the id is not lower-case words joined by dashes, or the
     *     exercise exists
     */
    public static List<Path> write(Path folder, String id) {
        if (!id.matches("[a-z][a-z0-9]*(-[a-z0-9]+)*")) {
            throw new IllegalArgumentException("Exercise id '" + id + "' must be lower-case letters and digits, words"
                    + " joined by dashes, starting with a letter, e.g. matrix-power.");
        }
        Path root = folder.resolve(id);
        if (Files.exists(root)) {
            throw new IllegalArgumentException(root + " already exists. Hint: pick another id, or edit that exercise.");
        }
        String pkg = "org.nnlab.exercises." + id.replace("-", "");
        String type = camel(id);
        String dir = pkg.replace('.', '/');
        String source = "src/" + dir + "/" + type + ".java";
        String test = "test/" + dir + "/" + type + "Test.java";
        List<Path> written = new ArrayList<>();
        written.add(writeFile(root.resolve("exercise.properties"), """
                # The exercise's title (one line for listings), the files students write and the graded tests
                # (comma-separated, relative to this folder), and the default time limit of a test in seconds.
                title=%1$s: sum of squares (replace with your exercise)
                student=%2$s
                tests=%3$s
                timeoutSeconds=10
                """.formatted(type, source, test)));
        written.add(writeFile(root.resolve("README.md"), """
                # Exercise — %1$s

                In `%1$s.java`, write `sumOfSquares(n)`: 1² + 2² + … + n² for n ≥ 0 (0 for n = 0). The sum
                of the first 2000 squares no longer fits in an `int`.

                **How it is graded.** Small sums (visible), and a large one (hidden).
                """.formatted(type)));
        written.add(writeFile(root.resolve(source), """
                package %1$s;

                /** Replace with what the student writes; the solution sits between the markers. */
                public class %2$s {

                    /** 1² + 2² + … + n², for n ≥ 0. */
                    public static long sumOfSquares(int n) {
                        // BEGIN SOLUTION
                        long sum = 0;
                        for (int k = 1; k <= n; k++) {
                            sum += (long) k * k;
                        }
                        return sum;
                        // END SOLUTION
                    }
                }
                """.formatted(pkg, type)));
        written.add(writeFile(root.resolve(test), """
                package %1$s;

                import static org.junit.jupiter.api.Assertions.assertEquals;

                import org.junit.jupiter.api.Test;
                import org.nnlab.exercise.Graded;
                import org.nnlab.exercise.Visibility;

                /** Graded tests: expected values are the test's own constants (see GRADING.md). */
                class %2$sTest {

                    @Test
                    @Graded(points = 1, name = "sumOfSquares of 0, 1 and 3")
                    void smallSums() {
                        assertEquals(0, %2$s.sumOfSquares(0), "sumOfSquares(0)");
                        assertEquals(1, %2$s.sumOfSquares(1), "sumOfSquares(1)");
                        assertEquals(14, %2$s.sumOfSquares(3), "sumOfSquares(3) = 1 + 4 + 9");
                    }

                    // BEGIN HIDDEN TESTS
                    @Test
                    @Graded(points = 1, name = "sumOfSquares of 2000 (beyond an int)", visibility = Visibility.AFTER_DUE_DATE)
                    void sumBeyondAnInt() {
                        assertEquals(2_668_667_000L, %2$s.sumOfSquares(2000), "sumOfSquares(2000) = 2000·2001·4001/6");
                    }
                    // END HIDDEN TESTS
                }
                """.formatted(pkg, type)));
        written.add(writeFile(root.resolve("checks/index.txt"), """
                # Known-wrong and hostile submissions of this exercise and their exact scores (see GRADING.md).
                wrong-int-sum
                """));
        written.add(writeFile(root.resolve("checks/wrong-int-sum.txt"), """
                attack: wrong answer: the sum is kept in an int, which overflows for n = 2000
                mechanism: values compared with the test's own constants
                score: 1
                expect: sumOfSquares(2000)
                edit %s.java
                        long sum = 0;
                        for (int k = 1; k <= n; k++) {
                            sum += (long) k * k;
                        }
                ----
                        int sum = 0;
                        for (int k = 1; k <= n; k++) {
                            sum += k * k;
                        }
                ====
                """.formatted(type)));
        appendToIndex(folder, id);
        return written;
    }

    private static String camel(String id) {
        StringBuilder out = new StringBuilder();
        for (String word : id.split("-")) {
            out.append(word.substring(0, 1).toUpperCase(Locale.ROOT)).append(word.substring(1));
        }
        return out.toString();
    }

    private static void appendToIndex(Path folder, String id) {
        Path index = folder.resolve("index.txt");
        try {
            if (!Files.exists(index)) {
                Files.writeString(index, "# The graded exercises, in course order: one folder per line.\n",
                        StandardCharsets.UTF_8);
            }
            String text = Files.readString(index, StandardCharsets.UTF_8);
            Files.writeString(index, (text.isEmpty() || text.endsWith("\n") ? "" : "\n") + id + "\n",
                    StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot add " + id + " to " + index + ": " + e.getMessage(), e);
        }
    }

    private static Path writeFile(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
