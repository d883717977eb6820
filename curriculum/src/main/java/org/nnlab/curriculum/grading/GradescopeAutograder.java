package org.nnlab.curriculum.grading;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.nnlab.core.io.AtomicFile;
import org.nnlab.curriculum.exercise.Exercise;

/**
 * The zip to upload as a Gradescope programming assignment's autograder, for one exercise.
 *
 * <p>It holds Gradescope's two scripts ({@code setup.sh} installs a JDK 17, {@code run_autograder}
 * grades {@code /autograder/submission}), {@code exercise.txt} (the exercise's id) and the
 * {@code nnlab.jar} this runs from. An exercise that is not bundled in the jar travels along as
 * {@code exercises/} (its folder and an {@code index.txt} naming it), which {@code run_autograder}
 * passes as {@code --exercises}. The jar holds every solution and hidden test: the zip is for
 * Gradescope, never for students.
 */
public final class GradescopeAutograder {
    private GradescopeAutograder() {
    }

    /**
     * The nnlab.jar this code runs from.
     *
     * @throws IllegalStateException when it runs from class folders (e.g. in an IDE), with a hint
     */
    public static Path runningJar() {
        try {
            Path location = Path.of(GradescopeAutograder.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(location) && location.toString().endsWith(".jar")) {
                return location;
            }
            throw new IllegalStateException("nnlab autograder packs the nnlab.jar it runs from, but this nnlab runs from "
                    + location + ". Hint: run ./nnlab autograder … (or java -jar curriculum/target/nnlab.jar autograder …).");
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Cannot tell where nnlab.jar is", e);
        }
    }

    /**
     * Writes {@code autograder-<id>.zip} for {@code exercise} into {@code folder} and returns it.
     *
     * @param exercisesFolder the folder the exercise was read from, or null if it is bundled in {@code jar}
     */
    public static Path write(Exercise exercise, Path exercisesFolder, Path jar, Path folder) {
        Path zip = folder.resolve("autograder-" + exercise.id() + ".zip");
        try {
            Files.createDirectories(folder);
            AtomicFile.write(zip, out -> {
                ZipOutputStream z = new ZipOutputStream(out);
                put(z, "setup.sh", script("setup.sh"));
                put(z, "run_autograder", script("run_autograder"));
                put(z, "exercise.txt", (exercise.id() + "\n").getBytes(StandardCharsets.UTF_8));
                put(z, "nnlab.jar", Files.readAllBytes(jar));
                if (exercisesFolder != null) {
                    put(z, "exercises/index.txt", (exercise.id() + "\n").getBytes(StandardCharsets.UTF_8));
                    Path root = exercisesFolder.resolve(exercise.id());
                    try (Stream<Path> files = Files.walk(root)) {
                        for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                            put(z, "exercises/" + exercise.id() + "/" + root.relativize(f).toString().replace('\\', '/'),
                                    Files.readAllBytes(f));
                        }
                    }
                }
                z.finish();
            });
            return zip;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + zip + ": " + e.getMessage(), e);
        }
    }

    /** The entries of a written zip, for messages and tests. */
    public static List<String> entries(Path zip) {
        try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(zip.toFile())) {
            return z.stream().map(ZipEntry::getName).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + zip, e);
        }
    }

    private static void put(ZipOutputStream z, String name, byte[] bytes) throws IOException {
        z.putNextEntry(new ZipEntry(name));
        z.write(bytes);
        z.closeEntry();
    }

    private static byte[] script(String name) throws IOException {
        try (InputStream in = GradescopeAutograder.class.getResourceAsStream("/gradescope/" + name)) {
            if (in == null) {
                throw new IOException("nnlab.jar has no gradescope/" + name + "; rebuild it (mvn -pl curriculum -am package)");
            }
            return in.readAllBytes();
        }
    }
}
