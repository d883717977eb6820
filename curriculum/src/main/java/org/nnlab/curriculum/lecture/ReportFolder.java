package org.nnlab.curriculum.lecture;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The lecture's output folder, written as a whole: a run fills a fresh sibling folder
 * ({@code .<name>.new-…}) and {@link #commit()} swaps it in for the old one, so readers see the old
 * report or the new one, never new figures next to an old report. Closing without a commit (a
 * lesson failed) deletes the fresh folder and leaves the old one as it was.
 *
 * <p>An existing folder is replaced only if it is empty or holds an nnlab report (a
 * {@code report.html} or {@code summary.json}); anything else is refused, so {@code --out ~} cannot
 * delete a home folder.
 */
final class ReportFolder implements AutoCloseable {
    private final Path target;
    private final Path fresh;
    private boolean committed;

    private ReportFolder(Path target, Path fresh) {
        this.target = target;
        this.fresh = fresh;
    }

    /**
     * Checks {@code out} can be replaced and creates the fresh folder beside it, with {@code figures/}.
     *
     * @throws IllegalArgumentException naming the folder, with a hint, if it cannot be written
     */
    static ReportFolder prepare(Path out) {
        Path target = out.toAbsolutePath().normalize();
        if (Files.exists(target) && !replaceable(target)) {
            throw new IllegalArgumentException("--out " + out + " exists and is not an nnlab report folder (it has no"
                    + " report.html or summary.json), so the lecture will not replace it. Hint: choose a new or empty"
                    + " folder with --out DIR.");
        }
        try {
            Path parent = target.getParent();
            Files.createDirectories(parent);
            Path fresh = Files.createTempDirectory(parent, "." + target.getFileName() + ".new-");
            Files.createDirectories(fresh.resolve("figures"));
            return new ReportFolder(target, fresh);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot write the report to " + target + " (" + e.getClass().getSimpleName()
                    + ": " + e.getMessage() + "). Hint: choose a folder you can write with --out DIR.", e);
        }
    }

    /** Where this run writes: the fresh folder. */
    Path path() {
        return fresh;
    }

    /** Where lessons save their figures. */
    Path figures() {
        return fresh.resolve("figures");
    }

    /** Puts the fresh folder in place of the old one (moved aside first, then deleted). */
    void commit() throws IOException {
        Path old = null;
        if (Files.exists(target)) {
            old = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".old-");
            Files.delete(old);
            Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(fresh, target, StandardCopyOption.ATOMIC_MOVE);
        committed = true;
        if (old != null) {
            deleteTree(old);
        }
    }

    @Override
    public void close() throws IOException {
        if (!committed) {
            deleteTree(fresh);
        }
    }

    private static boolean replaceable(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        if (Files.isRegularFile(dir.resolve("report.html")) || Files.isRegularFile(dir.resolve("summary.json"))) {
            return true;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            return !entries.iterator().hasNext();
        } catch (IOException e) {
            return false;
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
