package org.nnlab.curriculum.grading;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Whether a test JVM's folder stays within its disk allowance, measured while it runs.
 *
 * <p>The walk stops as soon as the answer is known, so a folder of many files costs the grader
 * little: past {@link #MAX_ENTRIES} entries it is over the allowance whatever their size (a
 * submission creating empty files without end exhausts the disk's inodes instead of its bytes).
 * Files that vanish while the folder is walked count as nothing.
 */
final class DiskUse {
    /** Files and folders a test JVM may create in its folder, whatever their size. */
    static final int MAX_ENTRIES = 10_000;

    private DiskUse() {
    }

    /** Whether the files under {@code folder} hold at most {@code allowedBytes} in at most {@link #MAX_ENTRIES} entries. */
    static boolean within(Path folder, long allowedBytes) throws IOException {
        Tally tally = new Tally(allowedBytes);
        Files.walkFileTree(folder, tally);
        return !tally.over;
    }

    private static final class Tally extends SimpleFileVisitor<Path> {
        private final long allowedBytes;
        private long bytes;
        private int entries;
        private boolean over;

        Tally(long allowedBytes) {
            this.allowedBytes = allowedBytes;
        }

        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            return count(0);
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            return count(attrs.size());
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
            return count(0);
        }

        @Override
        public FileVisitResult postVisitDirectory(Path dir, IOException e) {
            return FileVisitResult.CONTINUE;
        }

        private FileVisitResult count(long size) {
            bytes += size;
            over = bytes > allowedBytes || ++entries > MAX_ENTRIES;
            return over ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
        }
    }
}
