package org.nnlab.curriculum.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExerciseCatalogTest {

    @Test
    void bundledCatalogHasTheSixExercisesInCourseOrder() {
        List<String> ids = ExerciseCatalog.bundled().all().stream().map(Exercise::id).toList();
        assertEquals(List.of("recursion", "fibonacci", "perceptron", "backprop", "vanishing", "mnist"), ids);
    }

    @Test
    void findsAnExerciseByIdOrNumber() {
        ExerciseCatalog catalog = ExerciseCatalog.bundled();
        assertEquals("fibonacci", catalog.find("2").id());
        assertEquals(2, catalog.find("fibonacci").number());
    }

    @Test
    void unknownExerciseNamesTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ExerciseCatalog.bundled().find("xor"));
        assertTrue(e.getMessage().startsWith("No exercise 'xor' in the exercises bundled in nnlab. Known: [1 recursion,"),
                e.getMessage());
    }

    @Test
    void readsAFolderLaidOutLikeTheBundledOne(@TempDir Path root) throws Exception {
        Files.writeString(root.resolve("index.txt"), "# one exercise\nsquare\n");
        Files.createDirectories(root.resolve("square"));
        Files.writeString(root.resolve("square/exercise.properties"),
                "title=Squares\nstudent=src/sq/Square.java\ntests=test/sq/SquareTest.java\n");
        Files.createDirectories(root.resolve("square/src/sq"));
        Files.createDirectories(root.resolve("square/test/sq"));
        Files.writeString(root.resolve("square/src/sq/Square.java"), "package sq;\n");
        Files.writeString(root.resolve("square/test/sq/SquareTest.java"), "package sq;\n");
        Exercise e = ExerciseCatalog.load(ExerciseSource.directory(root)).find("square");
        assertEquals("Squares", e.title());
        assertEquals("sq", Exercise.packageOf("src/sq/Square.java"));
        assertEquals(10.0, e.timeoutSeconds());
    }

    @Test
    void releaseWritesInstructionsStarterAndVisibleTests(@TempDir Path out) throws Exception {
        Exercise e = ExerciseCatalog.bundled().find("fibonacci");
        List<Path> written = Release.write(e, out);
        assertEquals(5, written.size());
        assertTrue(Files.readString(out.resolve("fibonacci/pom.xml")).contains("<artifactId>nnlab-exercise-api</artifactId>"));
        assertTrue(Files.readString(out.resolve("fibonacci/README.md")).contains("jar --create --no-manifest --file"
                + " fibonacci-submission.zip src/org/nnlab/exercises/fibonacci/Fibonacci.java"));
        String starter = Files.readString(out.resolve("fibonacci/src/org/nnlab/exercises/fibonacci/Fibonacci.java"));
        assertTrue(starter.contains("throw new UnsupportedOperationException(\"TODO: implement bottomUp"), starter);
        String tests = Files.readString(out.resolve("fibonacci/test/org/nnlab/exercises/fibonacci/FibonacciTest.java"));
        assertTrue(tests.contains("naiveMakesTwoFMinusOneCalls") && !tests.contains("ninetiethNumberFitsInALong"));
    }

    @Test
    void anExerciseFolderWithMissingPropertiesNamesTheFileAndWhatToWrite(@TempDir Path root) throws Exception {
        Files.writeString(root.resolve("index.txt"), "square\n");
        Files.createDirectories(root.resolve("square"));
        assertEquals("Exercise 'square' (listed in index.txt of " + root + ") has no exercise.properties. Hint: write"
                + " square/exercise.properties with title=…, student=src/…/Name.java and tests=test/…/NameTest.java, or"
                + " run `nnlab new-exercise square` to scaffold one.", message(root));
        Files.writeString(root.resolve("square/exercise.properties"), "student=src/sq/Square.java\n");
        assertTrue(message(root).startsWith("square/exercise.properties in " + root + " has no 'title' entry."),
                message(root));
        Files.writeString(root.resolve("square/exercise.properties"), "title=Squares\nstudent=src/sq/Square.java\n");
        assertEquals("square/exercise.properties in " + root + " lists student=src/sq/Square.java, but there is no"
                + " square/src/sq/Square.java. Hint: paths are relative to the exercise's folder, e.g."
                + " src/org/example/Foo.java", message(root));
        Files.createDirectories(root.resolve("square/src/sq"));
        Files.writeString(root.resolve("square/src/sq/Square.java"), "package sq;\n");
        assertEquals("square/exercise.properties in " + root + " has no 'tests' entry. Hint: list the paths,"
                + " comma-separated, e.g. tests=test/org/example/FooTest.java", message(root));
        Files.writeString(root.resolve("square/exercise.properties"), "title=Squares\nstudent=src/sq/Square.java\n"
                + "tests=src/sq/Square.java\ntimeoutSeconds=soon\n");
        assertEquals("square/exercise.properties in " + root + ": timeoutSeconds (soon) must be a number of seconds > 0,"
                + " e.g. timeoutSeconds=10", message(root));
    }

    private static String message(Path root) {
        return assertThrows(IllegalArgumentException.class,
                () -> ExerciseCatalog.load(ExerciseSource.directory(root))).getMessage();
    }
}
