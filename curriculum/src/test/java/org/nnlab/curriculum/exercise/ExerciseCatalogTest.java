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
        Exercise e = ExerciseCatalog.load(ExerciseSource.directory(root)).find("square");
        assertEquals("Squares", e.title());
        assertEquals("sq", Exercise.packageOf("src/sq/Square.java"));
        assertEquals(10.0, e.timeoutSeconds());
    }

    @Test
    void releaseWritesInstructionsStarterAndVisibleTests(@TempDir Path out) throws Exception {
        Exercise e = ExerciseCatalog.bundled().find("fibonacci");
        List<Path> written = Release.write(e, out);
        assertEquals(3, written.size());
        String starter = Files.readString(out.resolve("fibonacci/src/org/nnlab/exercises/fibonacci/Fibonacci.java"));
        assertTrue(starter.contains("throw new UnsupportedOperationException(\"TODO: implement bottomUp"), starter);
        String tests = Files.readString(out.resolve("fibonacci/test/org/nnlab/exercises/fibonacci/FibonacciTest.java"));
        assertTrue(tests.contains("naiveMakesTwoFMinusOneCalls") && !tests.contains("ninetiethNumberFitsInALong"));
    }
}
