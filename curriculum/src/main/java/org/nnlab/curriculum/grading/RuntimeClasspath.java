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
 * The class path submissions compile against and the test JVM runs on: the grader's own, with the
 * instructor's exercise files taken out.
 *
 * <p>nnlab.jar (and curriculum's classes folder) carries {@code exercises/}: every reference
 * solution and every test source. The test JVM must not hold them, so each class path entry that
 * contains {@code exercises/} is replaced by a copy without it, made once per grader process in a
 * temporary folder. Entries without it (nn-core, JUnit, …) are used as they are.
 */
final class RuntimeClasspath {
    /** The folder of the instructor's exercise files inside nnlab.jar. */
    static final String SECRET_FOLDER = "exercises/";

    private static final Map<List<String>, List<String>> CACHE = new HashMap<>();
    private static Path folder;

    private RuntimeClasspath() {
    }

    /** {@code graderClasspath} without exercise files; copies are made once and reused. */
    static synchronized List<String> of(List<String> graderClasspath) {
        List<String> cached = CACHE.get(graderClasspath);
        if (cached != null && cached.stream().allMatch(e -> Files.exists(Path.of(e)))) {
            return cached;
        }
        List<String> out = new ArrayList<>();
        for (String entry : graderClasspath) {
            Path path = Path.of(entry);
            out.add(holdsSecrets(path) ? filteredCopy(path, out.size()).toString() : entry);
        }
        CACHE.put(List.copyOf(graderClasspath), List.copyOf(out));
        return List.copyOf(out);
    }

    private static boolean holdsSecrets(Path entry) {
        if (Files.isDirectory(entry)) {
            return Files.exists(entry.resolve(SECRET_FOLDER));
        }
        if (!Files.isRegularFile(entry)) {
            return false;
        }
        try (ZipFile zip = new ZipFile(entry.toFile())) {
            return zip.stream().anyMatch(e -> e.getName().startsWith(SECRET_FOLDER));
        } catch (IOException e) {
            return false; // not a jar: the JVM ignores it as well
        }
    }

    /** A jar with every file of {@code entry} (a folder or a jar) except those under {@value #SECRET_FOLDER}. */
    private static Path filteredCopy(Path entry, int index) {
        try {
            Path target = folder().resolve(index + "-" + entry.getFileName() + (Files.isDirectory(entry) ? ".jar" : ""));
            target.toFile().deleteOnExit();
            try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
                if (Files.isDirectory(entry)) {
                    copyFolder(entry, out);
                } else {
                    copyJar(entry, out);
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the test JVM's class path from " + entry
                    + " (a copy without the exercise sources): " + e.getMessage(), e);
        }
    }

    private static void copyFolder(Path root, ZipOutputStream out) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = root.relativize(f).toString().replace(File.separatorChar, '/');
                if (!name.startsWith(SECRET_FOLDER)) {
                    store(out, name, Files.readAllBytes(f));
                }
            }
        }
    }

    private static void copyJar(Path jar, ZipOutputStream out) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                if (e.isDirectory() || e.getName().startsWith(SECRET_FOLDER)) {
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

    /** For the tests: whether {@code entry} still holds exercise files. */
    static boolean containsSecrets(String entry) {
        return holdsSecrets(Path.of(entry));
    }
}
