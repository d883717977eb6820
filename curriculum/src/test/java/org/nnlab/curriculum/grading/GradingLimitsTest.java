package org.nnlab.curriculum.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GradingLimitsTest {
    @TempDir
    Path folder;

    @Test
    void aFolderWithinItsAllowanceIsWithinIt() throws IOException {
        Files.write(Files.createDirectories(folder.resolve("sandbox/tmp")).resolve("model.bin"), new byte[1000]);
        Files.write(folder.resolve("results.log"), new byte[500]);
        assertTrue(DiskUse.within(folder, 1500), "1,500 bytes in three folders and two files, allowed 1,500");
        assertFalse(DiskUse.within(folder, 1499), "the same, allowed 1,499");
    }

    @Test
    void tooManyFilesAreOverTheAllowanceWhateverTheirSize() throws IOException {
        for (int i = 0; i < DiskUse.MAX_ENTRIES; i++) {
            Files.createFile(folder.resolve("f" + i));
        }
        assertFalse(DiskUse.within(folder, Long.MAX_VALUE), "the folder itself and " + DiskUse.MAX_ENTRIES + " empty files");
    }

    @Test
    void theOutputTailKeepsTheLastBytesInOrder() throws InterruptedException {
        StringBuilder printed = new StringBuilder();
        for (int i = 0; printed.length() < 1_000_000; i++) {
            printed.append("line ").append(i).append('\n');
        }
        String all = printed.toString();
        InputStream in = new ByteArrayInputStream(all.getBytes(StandardCharsets.ISO_8859_1));
        String tail = new OutputTail(in, "test").tail(10_000);
        assertEquals(all.substring(all.length() - OutputTail.KEPT), tail);

        assertEquals("short", new OutputTail(new ByteArrayInputStream("short".getBytes(StandardCharsets.ISO_8859_1)),
                "test").tail(10_000));
    }

    @Test
    void theDiskAllowanceIsASizeAboveZero() {
        GradeOptions options = GradeOptions.defaults();
        assertEquals(64L << 20, options.diskBytes(), "the default, " + GradeOptions.DEFAULT_DISK);
        assertEquals(1L << 30, options.withDisk("1g").diskBytes());
        assertEquals(512L << 10, options.withDisk("512K").diskBytes());
        assertEquals(4096, options.withDisk("4096").diskBytes());
        for (String bad : new String[] {"0", "64x", "-1m", "m", "99999999999g"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> options.withDisk(bad), bad);
            assertEquals("disk (" + bad + ") must be a size above 0 written as -Xmx values are, e.g. 64m or 1g",
                    e.getMessage());
        }
    }
}
