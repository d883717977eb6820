package org.nnlab.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {
    @TempDir
    Path dir;

    @Test
    void replacesTheWholeContent() throws IOException {
        Path file = dir.resolve("a.txt");
        AtomicFile.writeString(file, "first");
        AtomicFile.writeString(file, "second, longer");
        assertEquals("second, longer", Files.readString(file));
        assertEquals(List.of("a.txt"), names());
    }

    @Test
    void writesBytesExactlyAsGiven() throws IOException {
        Path file = dir.resolve("figure.png");
        // A PNG signature: 0x89 and 0x1a are not UTF-8 text, and no byte may be re-encoded.
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, (byte) 0xff};
        AtomicFile.writeString(file, "old text");
        AtomicFile.write(file, png);
        assertArrayEquals(png, Files.readAllBytes(file));
        assertEquals(List.of("figure.png"), names());
    }

    @Test
    void newFilesGetThePermissionsTheUmaskGives() throws IOException {
        assumeTrue(posix());
        Path plain = Files.createFile(dir.resolve("plain"));
        Path written = dir.resolve("written.bin");
        AtomicFile.write(written, out -> out.write(7));
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(written));
        assertTrue(Files.getPosixFilePermissions(written).contains(PosixFilePermission.OWNER_READ));
    }

    @Test
    void aReplacedPrivateFileGetsTheUmaskPermissionsToo() throws IOException {
        assumeTrue(posix());
        Set<PosixFilePermission> umask = Files.getPosixFilePermissions(Files.createFile(dir.resolve("plain")));
        assumeTrue(!umask.equals(PosixFilePermissions.fromString("rw-------")));
        Path file = dir.resolve("summary.json");
        Files.writeString(file, "{}");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        AtomicFile.writeString(file, "{\"a\": 1}");
        assertEquals(umask, Files.getPosixFilePermissions(file));
    }

    @Test
    void aFailedWriteLeavesTheOldFileAndNoTemporaryFile() throws IOException {
        Path file = dir.resolve("m.nnlab");
        AtomicFile.writeString(file, "old");
        IOException e = assertThrows(IOException.class, () -> AtomicFile.write(file, out -> {
            out.write(new byte[100_000]);
            throw new IOException("disk full (simulated)");
        }));
        assertEquals("disk full (simulated)", e.getMessage());
        assertEquals("old", Files.readString(file));
        assertEquals(List.of("m.nnlab"), names());
    }

    @Test
    void removesTheLeftoversOfKilledSavesOfTheSamePathOnly() throws IOException {
        Path file = dir.resolve("m.nnlab");
        Path leftover = Files.writeString(dir.resolve(".m.nnlab.00ff00ff00ff00ff.tmp"), "half a model");
        Path olderFormat = Files.writeString(dir.resolve(".m.nnlab.8213448106429374210.tmp"), "half");
        Path emptyAndOld = Files.createFile(dir.resolve(".m.nnlab.0000000000000001.tmp"));
        Files.setLastModifiedTime(emptyAndOld, FileTime.from(Instant.now().minusSeconds(60)));
        Path emptyAndFresh = Files.createFile(dir.resolve(".m.nnlab.0000000000000002.tmp"));
        Path otherTarget = Files.writeString(dir.resolve(".other.nnlab.00ff00ff00ff00ff.tmp"), "x");
        Path userFile = Files.writeString(dir.resolve(".m.nnlab.backup.tmp"), "mine");
        AtomicFile.writeString(file, "model");
        assertFalse(Files.exists(leftover));
        assertFalse(Files.exists(olderFormat));
        assertFalse(Files.exists(emptyAndOld));
        assertTrue(Files.exists(emptyAndFresh), "an empty, fresh file may be a save between creating and locking it");
        assertTrue(Files.exists(otherTarget));
        assertTrue(Files.exists(userFile));
    }

    @Test
    void aSaveInTheSameJvmLeavesAConcurrentSaveAlone() throws Exception {
        Path file = dir.resolve("shared.bin");
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<?> slow = pool.submit(() -> {
                AtomicFile.write(file, out -> {
                    out.write(new byte[] {1, 2, 3});
                    out.flush();
                    writing.countDown();
                    await(release);
                });
                return null;
            });
            assertTrue(writing.await(10, TimeUnit.SECONDS));
            AtomicFile.write(file, out -> out.write(9));
            assertEquals(1, temporaryFiles().size(), "the slow save's temporary file must survive");
            release.countDown();
            slow.get(10, TimeUnit.SECONDS);
            assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(file));
            assertEquals(List.of(), temporaryFiles());
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    void aSaveKilledWithSigkillLeavesNothingAfterTheNextSave() throws Exception {
        Path file = dir.resolve("m.nnlab");
        AtomicFile.writeString(file, "before");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), HangingSave.class.getName(), file.toString())
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            assertEquals(HangingSave.READY, out.readLine(), "the child save should start writing");
            assertEquals(1, temporaryFiles().size());
            AtomicFile.writeString(file, "while the child writes");
            assertEquals(1, temporaryFiles().size(), "a live save's temporary file, locked by the child, must stay");

            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            assertEquals(1, temporaryFiles().size(), "SIGKILL leaves the temporary file behind");

            AtomicFile.writeString(file, "after");
            assertEquals("after", Files.readString(file));
            assertEquals(List.of(), temporaryFiles(), "the next save removes the killed save's leftover");
        } finally {
            child.destroyForcibly();
        }
    }

    @Test
    void namesTheTargetWhenItIsAFolder() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("out"));
        IOException e = assertThrows(IOException.class, () -> AtomicFile.writeString(folder, "x"));
        assertEquals("Cannot write " + folder + ": it is a folder, not a file (folder " + dir + "). Hint: choose a"
                + " folder you can write to, e.g. target/ or a temporary folder.", e.getMessage());
    }

    @Test
    void namesTheTargetAndFolderWhenTheFolderCannotBeCreated() throws IOException {
        Path plainFile = Files.writeString(dir.resolve("plain-file"), "x");
        Path target = plainFile.resolve("r.html");
        IOException e = assertThrows(IOException.class, () -> AtomicFile.writeString(target, "x"));
        assertTrue(e.getMessage().startsWith("Cannot write " + target + ": its folder cannot be created (folder "
                + plainFile + ")"), e.getMessage());
    }

    private List<String> names() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private List<String> temporaryFiles() throws IOException {
        return names().stream().filter(n -> n.endsWith(".tmp")).toList();
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    private static void await(CountDownLatch latch) throws IOException {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
