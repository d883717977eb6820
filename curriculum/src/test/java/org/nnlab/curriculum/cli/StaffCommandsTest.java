package org.nnlab.curriculum.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnlab.curriculum.exercise.Exercise;
import org.nnlab.curriculum.exercise.ExerciseCatalog;
import org.nnlab.curriculum.exercise.ExerciseSource;
import org.nnlab.curriculum.exercise.SelfCheck;
import org.nnlab.curriculum.grading.GradeOptions;
import org.nnlab.curriculum.grading.GradescopeAutograder;

/** The course-level commands: new-exercise, autograder, grade-all. */
class StaffCommandsTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            return Main.run(args);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aNewExerciseIsReadyForTheSelfCheck(@TempDir Path dir) {
        Path course = dir.resolve("course");
        assertEquals(0, run("new-exercise", "matrix-power", "--exercises", course.toString()));
        Exercise e = ExerciseCatalog.load(ExerciseSource.directory(course)).find("matrix-power");
        assertEquals(List.of("src/org/nnlab/exercises/matrixpower/MatrixPower.java"), e.studentFiles());
        SelfCheck.Result check = SelfCheck.run(e, GradeOptions.defaults(), 2);
        assertTrue(check.passed(), check.summary());
        assertEquals(1, check.known().size());
        assertEquals(2.0, check.reference().maxScore());
    }

    @Test
    void newExerciseRefusesABadNameAndAnExistingOne(@TempDir Path dir) {
        assertEquals(2, run("new-exercise", "Matrix_Power", "--exercises", dir.toString()));
        assertTrue(err().startsWith("nnlab: Exercise id 'Matrix_Power' must be lower-case letters and digits, words"
                + " joined by dashes, starting with a letter, e.g. matrix-power."), err());
        assertEquals(0, run("new-exercise", "twice", "--exercises", dir.toString()));
        assertEquals(2, run("new-exercise", "twice", "--exercises", dir.toString()));
        assertTrue(err().contains("twice already exists. Hint: pick another id, or edit that exercise."), err());
    }

    @Test
    void theAutograderNeedsTheJarItPacks() {
        assertEquals(2, run("autograder", "-e", "fibonacci", "--skip-check"));
        assertTrue(err().startsWith("nnlab: nnlab autograder packs the nnlab.jar it runs from, but this nnlab runs from"),
                err());
    }

    @Test
    void anAutograderOfAFolderExerciseCarriesTheExercise(@TempDir Path dir) throws Exception {
        Path course = dir.resolve("course");
        assertEquals(0, run("new-exercise", "twice", "--exercises", course.toString()));
        Exercise e = ExerciseCatalog.load(ExerciseSource.directory(course)).find("twice");
        Path jar = Files.writeString(dir.resolve("nnlab.jar"), "not really a jar");
        Path zip = GradescopeAutograder.write(e, course, jar, dir.resolve("out"));
        List<String> entries = GradescopeAutograder.entries(zip);
        assertEquals(List.of("setup.sh", "run_autograder", "exercise.txt", "nnlab.jar", "exercises/index.txt"),
                entries.subList(0, 5));
        assertTrue(entries.contains("exercises/twice/exercise.properties")
                && entries.contains("exercises/twice/test/org/nnlab/exercises/twice/TwiceTest.java"), entries.toString());
        assertEquals("autograder-twice.zip", zip.getFileName().toString());
    }

    @Test
    void gradeAllWritesScoresAFolderPerStudentAndASummaryWhateverTheSubmissions(@TempDir Path dir) throws Exception {
        Exercise fibonacci = ExerciseCatalog.bundled().find("fibonacci");
        Path submissions = Files.createDirectories(dir.resolve("submissions"));
        Files.createDirectories(submissions.resolve("ada"));
        Files.writeString(submissions.resolve("ada/Fibonacci.java"), fibonacci.referenceSources().get("Fibonacci.java"));
        Files.createDirectories(submissions.resolve("bob"));
        Files.write(submissions.resolve("bob/Fibonacci.java"), "// Ren\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        Files.createDirectories(submissions.resolve("cy"));
        Files.write(submissions.resolve("cy/work.zip"), new byte[] {'P', 'K', 3, 4});
        Files.createDirectories(submissions.resolve("dee"));
        Files.writeString(submissions.resolve("eve.zip"), "not a zip");
        Files.writeString(submissions.resolve("notes.txt"), "not a submission");
        Path results = dir.resolve("results");

        assertEquals(0, run("grade-all", "-e", "fibonacci", "-s", submissions.toString(), "--out", results.toString(),
                "--jobs", "2"));
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(Files.newBufferedReader(results.resolve("scores.csv"))).getRecords();
        assertEquals(List.of("ada", "bob", "cy", "dee", "eve"), rows.stream().map(r -> r.get("student")).toList());
        assertEquals(List.of("13", "0", "0", "0", "0"), rows.stream().map(r -> r.get("score")).toList());
        assertEquals("2", rows.get(0).get("naive: F(1) … F(12)"));
        assertTrue(rows.get(1).get("notes").startsWith("Fibonacci.java is not UTF-8 text"), rows.get(1).get("notes"));
        assertTrue(rows.get(2).get("notes").contains("it holds work.zip"), rows.get(2).get("notes"));
        assertTrue(rows.get(3).get("notes").startsWith("Your submission has no Fibonacci.java"), rows.get(3).get("notes"));
        assertTrue(rows.get(4).get("notes").startsWith("eve.zip is not a readable zip file"), rows.get(4).get("notes"));
        for (String student : List.of("ada", "bob", "cy", "dee", "eve")) {
            assertTrue(Files.isRegularFile(results.resolve(student).resolve("results.json")), student);
            assertTrue(Files.isRegularFile(results.resolve(student).resolve("feedback.html")), student);
        }
        String summary = Files.readString(results.resolve("summary.html"));
        assertTrue(summary.contains("<svg") && summary.contains("Scores of 5 submissions"), summary);
        assertTrue(Files.readString(results.resolve("scores-histogram.svg")).contains("<svg"));
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("Graded 5 submissions of fibonacci in "),
                out.toString(StandardCharsets.UTF_8));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("mean 2.60, median 0.00 of 13"),
                out.toString(StandardCharsets.UTF_8));
        assertEquals(5, err().lines().filter(l -> l.matches("\\d/5 \\w+: \\d+/13.*")).count(), err());
    }

    @Test
    void scoresCsvCellsAreNeverFormulas() {
        assertEquals("'=HYPERLINK(\"x\")", org.nnlab.curriculum.grading.BatchGrader.cell("=HYPERLINK(\"x\")"));
        assertEquals("'-1", org.nnlab.curriculum.grading.BatchGrader.cell("-1"));
        assertEquals("ada", org.nnlab.curriculum.grading.BatchGrader.cell("ada"));
    }

    @Test
    void gradeAllOnAFolderWithoutSubmissionsSaysWhatItExpects(@TempDir Path dir) {
        assertEquals(2, run("grade-all", "-e", "fibonacci", "-s", dir.toString(), "--out", dir.resolve("o").toString()));
        assertTrue(err().startsWith("nnlab: Submissions folder " + dir + " holds no sub-folder and no zip. Hint: one"
                + " sub-folder (or zip) per student, named after the student."), err());
    }
}
