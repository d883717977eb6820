package org.nnlab.curriculum.grading;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.nnlab.curriculum.exercise.Exercise;

/**
 * The sources a student handed in for one exercise, found by file name anywhere in a folder.
 *
 * <p>Gradescope unpacks uploads as they were zipped, so {@code Fibonacci.java} may sit at the top
 * or deep in {@code src/…}; the grader looks for each expected file by name. Other files are
 * ignored: a submission cannot add tests or replace grader classes. A file that cannot be graded
 * as it is (missing, two different copies, too large, unreadable, not UTF-8, a symbolic link) is
 * <em>refused</em> with a message naming it and what to do; a refused submission scores 0. Paths
 * in messages are relative to the submission folder.
 *
 * @param sources file name → source text, for the files found
 * @param refusals file name → why it cannot be graded
 * @param notes remarks for the student, e.g. which of two identical copies was graded
 */
public record Submission(Map<String, String> sources, Map<String, String> refusals, List<String> notes) {
    /** The largest source file accepted. */
    public static final long MAX_FILE_BYTES = 512 * 1024;
    /** How deep in the submission folder files are looked for. */
    static final int MAX_DEPTH = 12;
    private static final List<String> ARCHIVES = List.of(".zip", ".jar", ".tar", ".tgz", ".gz", ".7z", ".rar");

    /** Copies the maps and notes, so a submission cannot change after it is read. */
    public Submission {
        sources = Map.copyOf(sources);
        refusals = Map.copyOf(refusals);
        notes = List.copyOf(notes);
    }

    /** A submission given as text, e.g. the reference solution or a release. */
    public static Submission of(Map<String, String> sources) {
        return new Submission(new LinkedHashMap<>(sources), Map.of(), List.of());
    }

    /** The refusals as one message for the student: each file's problem; nothing ran. */
    public String explainRefusals() {
        if (refusals.size() == 1) {
            return refusals.values().iterator().next() + " (0 points for each test.)";
        }
        return "Your submission was not graded (0 points for each test):\n"
                + refusals.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> "  " + e.getValue()).collect(Collectors.joining("\n"));
    }

    /**
     * Finds the student files of {@code exercise} under {@code folder}, or in {@code folder} if it
     * is a zip file (as students upload it).
     *
     * @throws IllegalArgumentException if {@code folder} is neither a folder nor a zip file (a usage
     *     error, not the student's)
     */
    public static Submission collect(Exercise exercise, Path folder) {
        if (Files.isRegularFile(folder) && folder.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip")) {
            return UploadZip.collect(exercise, folder);
        }
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("Submission folder " + folder
                    + " does not exist. Hint: pass the folder (or the zip) holding your " + exercise.studentFiles() + ".");
        }
        Listing listing = Listing.of(folder);
        Map<String, String> sources = new LinkedHashMap<>();
        Map<String, String> refusals = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>(listing.problems);
        for (String path : exercise.studentFiles()) {
            String name = Exercise.fileName(path);
            List<Path> found = listing.files.stream().filter(p -> p.getFileName().toString().equals(name)).toList();
            if (found.isEmpty()) {
                refusals.put(name, missing(name, listing, folder));
                continue;
            }
            try {
                Path chosen = choose(folder, path, found, notes);
                sources.put(name, read(folder, chosen));
            } catch (Refused r) {
                refusals.put(name, r.getMessage());
            }
        }
        return new Submission(sources, refusals, notes);
    }

    private static String missing(String name, Listing listing, Path folder) {
        List<String> archives = listing.files.stream().map(p -> folder.relativize(p).toString())
                .filter(p -> ARCHIVES.stream().anyMatch(a -> p.toLowerCase(Locale.ROOT).endsWith(a))).toList();
        if (!archives.isEmpty()) {
            return "There is no " + name + " in your submission, but it holds " + String.join(", ", archives)
                    + ". Gradescope unpacks the zip you upload, not archives inside it: upload " + name
                    + " itself, or a zip of it (not a zip inside a zip).";
        }
        List<String> links = listing.links.stream().filter(p -> p.getFileName().toString().equals(name))
                .map(p -> folder.relativize(p).toString()).toList();
        if (!links.isEmpty()) {
            return String.join(", ", links) + " is a symbolic link, which the grader does not follow. Upload the"
                    + " file " + name + " itself.";
        }
        return "Your submission has no " + name + ", so no test could run. Hint: upload the file(s) with exactly"
                + " these names (case matters).";
    }

    /** The one copy to grade: the only one, or several identical ones, or the one in the starter's place. */
    private static Path choose(Path folder, String expectedPath, List<Path> found, List<String> notes) throws Refused {
        if (found.size() == 1) {
            return found.get(0);
        }
        List<String> names = found.stream().map(p -> folder.relativize(p).toString()).toList();
        List<Path> inPlace = found.stream().filter(p -> p.toString().replace('\\', '/').endsWith(expectedPath)).toList();
        Path chosen = inPlace.size() == 1 ? inPlace.get(0) : identical(found) ? found.get(0) : null;
        if (chosen == null) {
            throw new Refused("Your submission holds " + found.size() + " different files named "
                    + found.get(0).getFileName() + " (" + String.join(", ", names) + ") and the grader cannot tell"
                    + " which one you mean. Keep exactly one copy, at " + expectedPath + " or at the top of the upload.");
        }
        notes.add("Found " + found.size() + " files named " + chosen.getFileName() + " (" + String.join(", ", names)
                + "); graded " + folder.relativize(chosen) + ". Delete the other copies to be sure which one counts.");
        return chosen;
    }

    private static boolean identical(List<Path> files) {
        try {
            byte[] first = Files.readAllBytes(files.get(0));
            for (Path f : files.subList(1, files.size())) {
                if (Files.size(f) > MAX_FILE_BYTES || !Arrays.equals(first, Files.readAllBytes(f))) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String read(Path folder, Path file) throws Refused {
        String shown = folder.relativize(file).toString();
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw new Refused(shown + " has " + size + " bytes; at most " + MAX_FILE_BYTES + " are accepted."
                        + " Hint: hand in source code only (no data tables or generated code).");
            }
            bytes = Files.readAllBytes(file);
        } catch (AccessDeniedException e) {
            throw new Refused("The grader cannot read " + shown + " (permission denied). Make the file readable"
                    + " (chmod a+r " + file.getFileName() + ") and upload it again.");
        } catch (IOException e) {
            throw new Refused("The grader cannot read " + shown + " (" + e.getMessage() + "). Upload it again.");
        }
        return decode(shown, bytes);
    }

    /** UTF-8 text without a byte-order mark; a clear refusal at the first byte that is not UTF-8. */
    private static String decode(String shown, byte[] bytes) throws Refused {
        int offset = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB
                && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(in, out, true);
        if (result.isError()) {
            int bad = in.position();
            int line = 1;
            int column = 1;
            for (int i = offset; i < bad; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    column = 1;
                } else if ((bytes[i] & 0xC0) != 0x80) {
                    column++;
                }
            }
            throw new Refused(String.format(Locale.ROOT, "%s is not UTF-8 text: byte 0x%02X at line %d, column %d"
                    + " is not valid UTF-8 (the file was probably saved as Latin-1 or Windows-1252). Save it as UTF-8"
                    + " (in IntelliJ: File > File Properties > File Encoding; in VS Code: the encoding in the status"
                    + " bar) and upload it again.", shown, bytes[bad] & 0xff, line, column));
        }
        return out.flip().toString();
    }

    /** A file's problem, as the student reads it. */
    private static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }

    /** The regular files under a folder (symbolic links not followed), and what could not be listed. */
    private static final class Listing {
        final List<Path> files = new ArrayList<>();
        final List<Path> links = new ArrayList<>();
        final List<String> problems = new ArrayList<>();

        static Listing of(Path folder) {
            Listing listing = new Listing();
            try {
                Files.walkFileTree(folder, java.util.EnumSet.noneOf(java.nio.file.FileVisitOption.class), MAX_DEPTH,
                        new SimpleFileVisitor<>() {
                            @Override
                            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                                if (attributes.isSymbolicLink()) {
                                    listing.links.add(file);
                                } else if (attributes.isRegularFile()) {
                                    listing.files.add(file);
                                }
                                return FileVisitResult.CONTINUE;
                            }

                            @Override
                            public FileVisitResult visitFileFailed(Path file, IOException e) {
                                listing.problems.add("The grader could not look into " + folder.relativize(file)
                                        + " (" + (e instanceof AccessDeniedException ? "permission denied" : e.getMessage())
                                        + "); files in it were not searched.");
                                return FileVisitResult.CONTINUE;
                            }
                        });
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot search the submission folder " + folder, e);
            }
            listing.files.sort(null);
            listing.files.removeIf(p -> Files.isSymbolicLink(p) || !Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS));
            return listing;
        }
    }
}
