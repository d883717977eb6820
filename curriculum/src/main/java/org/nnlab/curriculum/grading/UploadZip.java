package org.nnlab.curriculum.grading;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import org.nnlab.curriculum.exercise.Exercise;

/**
 * A student's upload given as a zip file: unpacked, carefully, into a temporary folder and read
 * like a folder.
 *
 * <p>Entries that would land outside the folder ({@code ../}, absolute paths) are skipped, and at
 * most {@value #MAX_ENTRIES} entries and {@value #MAX_BYTES} bytes are unpacked, so a hostile zip
 * can neither write elsewhere nor fill the disk. A file that is not a zip is refused like any
 * other unreadable upload.
 */
final class UploadZip {
    static final int MAX_ENTRIES = 10_000;
    static final long MAX_BYTES = 64L << 20;

    private UploadZip() {
    }

    static Submission collect(Exercise exercise, Path zip) {
        Path folder;
        try {
            folder = Files.createTempDirectory("nnlab-upload-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot make a temporary folder to unpack " + zip, e);
        }
        try {
            String problem = unpack(zip, folder);
            if (problem != null) {
                Map<String, String> refusals = new java.util.LinkedHashMap<>();
                exercise.studentFiles().forEach(p -> refusals.put(Exercise.fileName(p), problem));
                return new Submission(Map.of(), refusals, List.of());
            }
            return Submission.collect(exercise, folder);
        } finally {
            delete(folder);
        }
    }

    /** Unpacks {@code zip} into {@code folder}; returns why it could not, or null. */
    private static String unpack(Path zip, Path folder) {
        long bytes = 0;
        int entries = 0;
        if (!startsLikeAZip(zip)) {
            return zip.getFileName() + " is not a readable zip file (it does not start like one). Make it again, e.g."
                    + " with the command in the exercise's README, and upload it again.";
        }
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (++entries > MAX_ENTRIES) {
                    return zip.getFileName() + " holds more than " + MAX_ENTRIES + " files. Upload only your sources.";
                }
                Path target = folder.resolve(e.getName()).normalize();
                if (!target.startsWith(folder) || e.isDirectory()) {
                    continue;
                }
                Files.createDirectories(target.getParent());
                try (OutputStream out = Files.newOutputStream(target)) {
                    bytes += copy(in, out, MAX_BYTES - bytes);
                }
                if (bytes >= MAX_BYTES) {
                    return zip.getFileName() + " unpacks to more than " + (MAX_BYTES >> 20) + " MB. Upload only your"
                            + " sources.";
                }
            }
            return null;
        } catch (ZipException e) {
            return zip.getFileName() + " is not a readable zip file (" + e.getMessage() + "). Make it again, e.g. with"
                    + " the command in the exercise's README, and upload it again.";
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot unpack " + zip + ": " + e.getMessage(), e);
        }
    }

    private static boolean startsLikeAZip(Path zip) {
        try (InputStream in = Files.newInputStream(zip)) {
            byte[] magic = in.readNBytes(4);
            return magic.length == 4 && magic[0] == 'P' && magic[1] == 'K' && (magic[2] == 3 || magic[2] == 5);
        } catch (IOException e) {
            return false;
        }
    }

    private static long copy(InputStream in, OutputStream out, long limit) throws IOException {
        byte[] buffer = new byte[8192];
        long copied = 0;
        int n;
        while (copied < limit && (n = in.read(buffer, 0, (int) Math.min(buffer.length, limit - copied))) > 0) {
            out.write(buffer, 0, n);
            copied += n;
        }
        return copied;
    }

    private static void delete(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary folder changes no grade
        }
    }
}
