package org.nnlab.curriculum.grading;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * The class paths derived from the grader's own: what the test JVM runs on, and what a submission
 * compiles against.
 *
 * <p>nnlab.jar (and curriculum's classes folder) carries {@code exercises/}: every reference
 * solution and every test source. The test JVM must not hold them ({@link #forTestJvm}). A
 * submission compiles against the library alone ({@link #forSubmissions}): without JUnit,
 * opentest4j, the grading API and the grader itself, so it cannot put a JUnit annotation or
 * extension on a class a test might extend, nor name the harness. Each class path entry that holds
 * an excluded folder is replaced by a copy without it, made once per grader process in a temporary
 * folder; entries without one are used as they are.
 */
final class RuntimeClasspath {
    /** The folder of the instructor's exercise files inside nnlab.jar. */
    static final String SECRET_FOLDER = "exercises/";
    /** What the test JVM runs without. */
    static final List<String> TEST_JVM_EXCLUDES = List.of(SECRET_FOLDER);
    /** What a submission compiles without: the secrets, the test framework, the grading API and the grader. */
    static final List<String> SUBMISSION_EXCLUDES = List.of(SECRET_FOLDER, "org/junit/", "org/opentest4j/",
            "org/apiguardian/", "org/nnlab/exercise/", "org/nnlab/curriculum/", "picocli/", "META-INF/services/org.junit");

    private static final Map<List<String>, List<String>> CACHE = new HashMap<>();
    private static Path folder;
    private static int copies;

    private RuntimeClasspath() {
    }

    /** {@code graderClasspath} without exercise files: the test JVM's class path. */
    static List<String> forTestJvm(List<String> graderClasspath) {
        return of(graderClasspath, TEST_JVM_EXCLUDES);
    }

    /** {@code graderClasspath} without exercise files, JUnit and the grader: what submissions compile against. */
    static List<String> forSubmissions(List<String> graderClasspath) {
        return of(graderClasspath, SUBMISSION_EXCLUDES);
    }

    private static synchronized List<String> of(List<String> graderClasspath, List<String> excludes) {
        List<String> key = new ArrayList<>(excludes);
        key.add("|");
        key.addAll(graderClasspath);
        List<String> cached = CACHE.get(key);
        if (cached != null && cached.stream().allMatch(e -> Files.exists(Path.of(e)))) {
            return cached;
        }
        List<String> out = new ArrayList<>();
        for (String entry : graderClasspath) {
            Path path = Path.of(entry);
            out.add(holds(path, excludes) ? filteredCopy(path, excludes).toString() : entry);
        }
        CACHE.put(List.copyOf(key), List.copyOf(out));
        return List.copyOf(out);
    }

    private static boolean excluded(String name, List<String> excludes) {
        return excludes.stream().anyMatch(name::startsWith);
    }

    private static boolean holds(Path entry, List<String> excludes) {
        if (Files.isDirectory(entry)) {
            try (Stream<Path> files = Files.walk(entry)) {
                return files.anyMatch(f -> excluded(name(entry, f) + (Files.isDirectory(f) ? "/" : ""), excludes));
            } catch (IOException e) {
                return true; // a folder that cannot be read whole is copied (and the copy says what failed)
            }
        }
        if (!Files.isRegularFile(entry)) {
            return false;
        }
        try (ZipFile zip = new ZipFile(entry.toFile())) {
            return zip.stream().anyMatch(e -> excluded(e.getName(), excludes));
        } catch (IOException e) {
            return false; // not a jar: the JVM ignores it as well
        }
    }

    private static String name(Path root, Path file) {
        return root.relativize(file).toString().replace(File.separatorChar, '/');
    }

    /** A jar with every file of {@code entry} (a folder or a jar) except the excluded ones. */
    private static Path filteredCopy(Path entry, List<String> excludes) {
        try {
            Path target = folder().resolve((copies++) + "-" + entry.getFileName() + (Files.isDirectory(entry) ? ".jar" : ""));
            target.toFile().deleteOnExit();
            try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
                if (Files.isDirectory(entry)) {
                    copyFolder(entry, excludes, out);
                } else {
                    copyJar(entry, excludes, out);
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare a grading class path from " + entry
                    + " (a copy without " + excludes + "): " + e.getMessage(), e);
        }
    }

    private static void copyFolder(Path root, List<String> excludes, ZipOutputStream out) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                if (!excluded(name(root, f), excludes)) {
                    store(out, name(root, f), Files.readAllBytes(f));
                }
            }
        }
    }

    private static void copyJar(Path jar, List<String> excludes, ZipOutputStream out) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                if (e.isDirectory() || excluded(e.getName(), excludes)) {
                    continue;
                }
                try (InputStream in = zip.getInputStream(e)) {
                    store(out, e.getName(), in.readAllBytes());
                }
            }
        }
    }

    /** Writes one entry uncompressed: quick to write and to read, and the copy lives in a temporary folder. */
    private static void store(ZipOutputStream out, String name, byte[] bytes) throws IOException {
        ZipEntry e = new ZipEntry(name);
        CRC32 crc = new CRC32();
        crc.update(bytes);
        e.setMethod(ZipEntry.STORED);
        e.setSize(bytes.length);
        e.setCompressedSize(bytes.length);
        e.setCrc(crc.getValue());
        out.putNextEntry(e);
        out.write(bytes);
        out.closeEntry();
    }

    private static Path folder() throws IOException {
        if (folder == null || !Files.isDirectory(folder)) {
            folder = Files.createTempDirectory("nnlab-runtime-");
            folder.toFile().deleteOnExit();
        }
        return folder;
    }

    /** The folder of the copies, as a string, or null before the first copy. */
    static synchronized String folderPath() {
        return folder == null ? null : folder.toString();
    }

    /** For the tests: whether {@code entry} holds anything of {@code excludes}. */
    static boolean contains(String entry, List<String> excludes) {
        return holds(Path.of(entry), excludes);
    }
}
