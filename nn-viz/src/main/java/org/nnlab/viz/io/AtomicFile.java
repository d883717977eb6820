package org.nnlab.viz.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes a file so that readers see either the old file or the whole new one, never a part.
 *
 * <p>The content goes to a temporary file in the target's folder (same file system), which is then
 * moved over the target with {@code ATOMIC_MOVE} (falling back to a plain replacing move where
 * the file system cannot move atomically). Missing parent folders are created.
 */
public final class AtomicFile {
    private AtomicFile() {
    }

    /**
     * Writes {@code text} as UTF-8 to {@code target}.
     *
     * @throws IOException naming the target and its folder, with the cause and a hint
     */
    public static void write(Path target, String text) throws IOException {
        write(target, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Writes {@code bytes} to {@code target} (an image, say).
     *
     * @throws IOException naming the target and its folder, with the cause and a hint
     */
    public static void write(Path target, byte[] bytes) throws IOException {
        Path abs = target.toAbsolutePath();
        Path folder = abs.getParent();
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw failure(abs, folder, "its folder cannot be created", e);
        }
        if (!Files.isDirectory(folder)) {
            throw failure(abs, folder, "the folder is not a directory", null);
        }
        Path tmp;
        try {
            tmp = Files.createTempFile(folder, "." + abs.getFileName(), ".tmp");
        } catch (IOException e) {
            throw failure(abs, folder, "the folder is not writable", e);
        }
        try {
            readableByAll(tmp);
            Files.write(tmp, bytes);
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw failure(abs, folder, "writing or moving the temporary file failed", e);
        }
    }

    /** Temporary files start private (rw-------); a written report or figure should be rw-r--r--. */
    private static void readableByAll(Path tmp) throws IOException {
        try {
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system (e.g. Windows): the default permissions apply.
        }
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
