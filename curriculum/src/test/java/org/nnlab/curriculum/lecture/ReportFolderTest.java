package org.nnlab.curriculum.lecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report folder is replaced whole on success and left alone on failure. */
class ReportFolderTest {

    @Test
    void aCommittedRunReplacesTheOldReportWhole(@TempDir Path tmp) throws Exception {
        Path out = oldReport(tmp);
        try (ReportFolder folder = ReportFolder.prepare(out)) {
            Files.writeString(folder.path().resolve("report.html"), "new");
            Files.writeString(folder.figures().resolve("a.svg"), "<svg/>");
            assertEquals("old", Files.readString(out.resolve("report.html")), "the old report stands while the run goes on");
            folder.commit();
        }
        assertEquals("new", Files.readString(out.resolve("report.html")));
        assertTrue(Files.exists(out.resolve("figures/a.svg")));
        assertFalse(Files.exists(out.resolve("figures/old.svg")), "no old figure next to the new report");
        assertEquals(1, siblings(tmp), "no temporary folders left beside it");
    }

    @Test
    void aFailedRunLeavesTheOldReportAsItWas(@TempDir Path tmp) throws Exception {
        Path out = oldReport(tmp);
        try (ReportFolder folder = ReportFolder.prepare(out)) {
            Files.writeString(folder.figures().resolve("half.svg"), "<svg/>");
            // a lesson throws here: no commit
        }
        assertEquals("old", Files.readString(out.resolve("report.html")));
        assertTrue(Files.exists(out.resolve("figures/old.svg")));
        assertFalse(Files.exists(out.resolve("figures/half.svg")));
        assertEquals(1, siblings(tmp));
    }

    @Test
    void refusesToReplaceAFolderThatIsNoReport(@TempDir Path tmp) throws Exception {
        Path home = Files.createDirectories(tmp.resolve("home"));
        Files.writeString(home.resolve("thesis.tex"), "precious");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ReportFolder.prepare(home));
        assertEquals("--out " + home + " exists and is not an nnlab report folder (it has no report.html or"
                + " summary.json), so the lecture will not replace it. Hint: choose a new or empty folder with --out DIR.",
                e.getMessage());
        assertEquals("precious", Files.readString(home.resolve("thesis.tex")));
    }

    private static Path oldReport(Path tmp) throws Exception {
        Path out = Files.createDirectories(tmp.resolve("nnlab-out/figures"));
        Files.writeString(out.resolve("old.svg"), "<svg/>");
        Files.writeString(out.getParent().resolve("report.html"), "old");
        return out.getParent();
    }

    private static long siblings(Path tmp) throws Exception {
        try (Stream<Path> s = Files.list(tmp)) {
            return s.count();
        }
    }
}
