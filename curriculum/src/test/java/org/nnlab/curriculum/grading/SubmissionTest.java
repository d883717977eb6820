package org.nnlab.curriculum.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnlab.curriculum.exercise.Exercise;
import org.nnlab.curriculum.exercise.ExerciseCatalog;

/** Finding the student's files in an upload, and refusing clearly what cannot be graded as it is. */
class SubmissionTest {
    private static final Exercise FIBONACCI = ExerciseCatalog.bundled().find("fibonacci");
    private static final String SOURCE = "package org.nnlab.exercises.fibonacci;\n\npublic class Fibonacci { }\n";

    @TempDir
    Path folder;

    private Path write(String path, byte[] bytes) throws IOException {
        Path file = folder.resolve(path);
        Files.createDirectories(file.getParent());
        return Files.write(file, bytes);
    }

    private Path write(String path, String text) throws IOException {
        return write(path, text.getBytes(StandardCharsets.UTF_8));
    }

    private Map<String, String> refusals() {
        return Submission.collect(FIBONACCI, folder).refusals();
    }

    @Test
    void findsTheFileAtAnyDepthAndStripsAByteOrderMark() throws IOException {
        write("my-project/src/org/nnlab/exercises/fibonacci/Fibonacci.java", "\uFEFF" + SOURCE);
        Submission s = Submission.collect(FIBONACCI, folder);
        assertEquals(Map.of(), s.refusals());
        assertEquals(SOURCE, s.sources().get("Fibonacci.java"));
    }

    @Test
    void aMissingFileIsRefusedByName() {
        assertEquals(Map.of("Fibonacci.java", "Your submission has no Fibonacci.java, so no test could run. Hint: upload"
                + " the file(s) with exactly these names (case matters)."), refusals());
    }

    @Test
    void anArchiveInsideTheUploadIsNamed() throws IOException {
        write("work.zip", new byte[] {'P', 'K', 3, 4});
        assertEquals("There is no Fibonacci.java in your submission, but it holds work.zip. Gradescope unpacks the zip"
                + " you upload, not archives inside it: upload Fibonacci.java itself, or a zip of it (not a zip inside a"
                + " zip).", refusals().get("Fibonacci.java"));
    }

    @Test
    void twoDifferentCopiesAreRefusedAndIdenticalOnesGraded() throws IOException {
        write("a/Fibonacci.java", SOURCE);
        write("b/Fibonacci.java", SOURCE + "// changed\n");
        assertEquals("Your submission holds 2 different files named Fibonacci.java (a/Fibonacci.java, b/Fibonacci.java)"
                + " and the grader cannot tell which one you mean. Keep exactly one copy, at"
                + " src/org/nnlab/exercises/fibonacci/Fibonacci.java or at the top of the upload.",
                refusals().get("Fibonacci.java"));
        write("b/Fibonacci.java", SOURCE);
        Submission same = Submission.collect(FIBONACCI, folder);
        assertEquals(Map.of(), same.refusals());
        assertEquals(List.of("Found 2 files named Fibonacci.java (a/Fibonacci.java, b/Fibonacci.java); graded"
                + " a/Fibonacci.java. Delete the other copies to be sure which one counts."), same.notes());
    }

    @Test
    void theCopyInTheStartersPlaceWins() throws IOException {
        write("old/Fibonacci.java", SOURCE + "// old\n");
        write("src/org/nnlab/exercises/fibonacci/Fibonacci.java", SOURCE);
        Submission s = Submission.collect(FIBONACCI, folder);
        assertEquals(SOURCE, s.sources().get("Fibonacci.java"));
        assertTrue(s.notes().get(0).endsWith("graded src/org/nnlab/exercises/fibonacci/Fibonacci.java. Delete the other"
                + " copies to be sure which one counts."), s.notes().toString());
    }

    @Test
    void aFileTooLargeIsRefusedWithItsSize() throws IOException {
        write("Fibonacci.java", "x".repeat((int) Submission.MAX_FILE_BYTES + 1));
        assertEquals("Fibonacci.java has 524289 bytes; at most 524288 are accepted. Hint: hand in source code only (no"
                + " data tables or generated code).", refusals().get("Fibonacci.java"));
    }

    @Test
    void aLatin1FileIsRefusedWithLineAndColumn() throws IOException {
        write("src/Fibonacci.java", "package x;\n// Fibonacci by Ren\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        assertEquals("src/Fibonacci.java is not UTF-8 text: byte 0xE9 at line 2, column 20 is not valid UTF-8 (the file"
                + " was probably saved as Latin-1 or Windows-1252). Save it as UTF-8 (in IntelliJ: File > File"
                + " Properties > File Encoding; in VS Code: the encoding in the status bar) and upload it again.",
                refusals().get("Fibonacci.java"));
    }

    @Test
    void aSymbolicLinkIsNotFollowed() throws IOException {
        Path secret = Files.writeString(Files.createTempFile("secret", ".txt"), "the grader's secret");
        try {
            Files.createSymbolicLink(folder.resolve("Fibonacci.java"), secret);
            assertEquals("Fibonacci.java is a symbolic link, which the grader does not follow. Upload the file"
                    + " Fibonacci.java itself.", refusals().get("Fibonacci.java"));
        } finally {
            Files.delete(secret);
        }
    }

    @Test
    void anUnreadableFileIsRefused() throws IOException {
        assumeFalse("root".equals(System.getProperty("user.name")), "root reads every file");
        Path file = write("Fibonacci.java", SOURCE);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        assertEquals("The grader cannot read Fibonacci.java (permission denied). Make the file readable (chmod a+r"
                + " Fibonacci.java) and upload it again.", refusals().get("Fibonacci.java"));
    }

    @Test
    void aRefusalIsExplainedWithTheScore() throws IOException {
        write("Fibonacci.java", "x".repeat((int) Submission.MAX_FILE_BYTES + 1));
        assertTrue(Submission.collect(FIBONACCI, folder).explainRefusals().endsWith("(0 points for each test.)"));
    }
}
