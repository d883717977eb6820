package org.nnlab.core.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Writes a file so that readers see either the old content or the complete new content, never a part.
 *
 * <p>The content goes to a temporary file beside the target, {@code .<name>.<16 hex digits>.tmp},
 * which is forced to disk and then renamed over the target with an atomic move (a plain replacing
 * move where the file system has no atomic one); the rename is forced to disk too where the platform
 * allows. If writing fails, the temporary file is deleted and the target is untouched. Missing
 * parent folders are created.
 *
 * <p>Permissions: the file is created the way any program creates a file, so the user's umask
 * decides them (with the usual umask 022, {@code rw-r--r--}), for a new file and for one that
 * replaces an old file alike.
 *
 * <p>Leftovers of killed saves: while a save writes its temporary file it holds a lock on it, which
 * the operating system releases when the process ends, however it ends. Before writing, a save
 * removes the temporary files of its own target that nobody holds locked, so a save killed with
 * {@code kill -9} leaves at most one file behind until the next save to that path. An empty
 * temporary file younger than five seconds is left alone: it may belong to a save that has created
 * it and not yet locked it.
 */
public final class AtomicFile {
    /** Empty temporary files younger than this may be a live save's, between creating and locking. */
    private static final long FRESH_SECONDS = 5;
    /** The temporary files being written by this JVM: never opened by a cleanup (closing would unlock them). */
    private static final Set<Path> WRITING = ConcurrentHashMap.newKeySet();
    /** The random part of a temporary file's name: hex from this version, decimal from earlier ones. */
    private static final Pattern TEMPORARY_TAIL = Pattern.compile("\\.[0-9a-f]{1,20}\\.tmp");

    private AtomicFile() {
    }

    /** Code that writes the content; it must not close the stream. */
    @FunctionalInterface
    public interface Content {
        /** Writes the whole content to {@code out}. */
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Replaces {@code target} with {@code text} as UTF-8, atomically.
     *
     * @throws IOException naming the target and its folder, with a hint, if the file cannot be written
     */
    public static void writeString(Path target, String text) throws IOException {
        write(target, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Replaces {@code target} with {@code bytes} (an image, say), atomically.
     *
     * @throws IOException naming the target and its folder, with a hint, if the file cannot be written
     */
    public static void write(Path target, byte[] bytes) throws IOException {
        write(target, out -> out.write(bytes));
    }

    /**
     * Replaces {@code target} with what {@code content} writes, atomically.
     *
     * @throws IOException if the folder, the temporary file or the move fails (the message names the
     *     target and its folder and gives a hint), or as {@code content} throws it; {@code target} is
     *     then unchanged
     */
    public static void write(Path target, Content content) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path folder = absolute.getParent();
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw failure(absolute, folder, "its folder cannot be created", e);
        }
        if (Files.isDirectory(absolute)) {
            throw failure(absolute, folder, "it is a folder, not a file", null);
        }
        removeLeftovers(folder, absolute.getFileName().toString());
        Path tmp = null;
        FileChannel channel = null;
        boolean moved = false;
        try {
            while (channel == null) {
                tmp = folder.resolve("." + absolute.getFileName() + "." + randomHex() + ".tmp");
                try {
                    // No file attributes: the process's umask decides the permissions, as for any new file.
                    channel = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                } catch (FileAlreadyExistsException taken) {
                    continue;
                } catch (IOException e) {
                    throw failure(absolute, folder, "the folder is not writable", e);
                }
            }
            WRITING.add(tmp);
            lock(channel);
            OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
            content.writeTo(out);
            out.flush();
            channel.force(true);
            moved = moveOver(tmp, absolute, channel);
            if (!moved) {
                channel.close();
                move(tmp, absolute, folder);
                moved = true;
            }
            syncFolder(folder);
        } finally {
            if (channel != null) {
                channel.close();
            }
            if (tmp != null) {
                WRITING.remove(tmp);
                if (!moved) {
                    Files.deleteIfExists(tmp);
                }
            }
        }
    }

    /**
     * Moves the still-open, still-locked temporary file over the target (POSIX file systems allow
     * renaming an open file, so no other save can take it for a leftover); false where the platform
     * refuses to move an open file (Windows), so the caller closes it first.
     */
    private static boolean moveOver(Path tmp, Path target, FileChannel open) throws IOException {
        try {
            atomicMove(tmp, target);
            return true;
        } catch (NoSuchFileException e) {
            throw new IOException("Cannot write " + target + ": its temporary file " + tmp.getFileName()
                    + " was removed by another program while it was written. Hint: do not save the same file"
                    + " from two programs at once.", e);
        } catch (FileSystemException e) {
            if (!open.isOpen()) {
                throw e;
            }
            return false;
        }
    }

    private static void move(Path tmp, Path target, Path folder) throws IOException {
        try {
            atomicMove(tmp, target);
        } catch (IOException e) {
            throw failure(target, folder, "moving the temporary file over it failed", e);
        }
    }

    private static void atomicMove(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Takes the lock that marks the temporary file as in use; file systems without locks go without. */
    private static void lock(FileChannel channel) {
        try {
            channel.lock();
        } catch (IOException | UnsupportedOperationException e) {
            // Without locks a leftover cannot be told from a live save's file; the cleanup skips it then.
            return;
        }
    }

    /**
     * Deletes the temporary files of {@code name} in {@code folder} that killed saves left: those
     * this JVM is not writing and no process holds locked.
     */
    private static void removeLeftovers(Path folder, String name) {
        String prefix = "." + name;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, prefix + ".*.tmp")) {
            for (Path candidate : files) {
                String file = candidate.getFileName().toString();
                if (TEMPORARY_TAIL.matcher(file.substring(prefix.length())).matches() && !WRITING.contains(candidate)
                        && isLeftover(candidate)) {
                    Files.deleteIfExists(candidate);
                }
            }
        } catch (IOException | RuntimeException e) {
            // A folder we cannot list or a file we cannot delete only means a leftover stays; the save goes on.
            return;
        }
    }

    /** Whether no process holds {@code candidate} locked and it is not a save's just-created, empty file. */
    private static boolean isLeftover(Path candidate) throws IOException {
        FileTime modified = Files.getLastModifiedTime(candidate);
        if (Files.size(candidate) == 0
                && Duration.between(modified.toInstant(), Instant.now()).getSeconds() < FRESH_SECONDS) {
            return false;
        }
        try (FileChannel ch = FileChannel.open(candidate, StandardOpenOption.WRITE)) {
            FileLock lock = ch.tryLock();
            if (lock == null) {
                return false;
            }
            lock.release();
            return true;
        } catch (OverlappingFileLockException | UnsupportedOperationException e) {
            return false;
        }
    }

    /** Makes the rename itself durable where the platform allows opening a directory (Linux, macOS). */
    private static void syncFolder(Path folder) {
        try (FileChannel d = FileChannel.open(folder, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Windows cannot open a directory; its rename is already durable enough for NTFS.
            return;
        }
    }

    private static String randomHex() {
        return String.format("%016x", ThreadLocalRandom.current().nextLong());
    }

    private static IOException failure(Path target, Path folder, String what, IOException cause) {
        String reason = cause == null ? "" : " (" + cause.getClass().getSimpleName()
                + (cause instanceof FileSystemException ? "" : ": " + cause.getMessage()) + ")";
        String hint = cause instanceof AccessDeniedException ? "check the folder's permissions or choose another folder"
                : "choose a folder you can write to, e.g. target/ or a temporary folder";
        return new IOException("Cannot write " + target + ": " + what + " (folder " + folder + ")" + reason
                + ". Hint: " + hint + ".", cause);
    }
}
