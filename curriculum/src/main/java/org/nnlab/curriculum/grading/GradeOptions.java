package org.nnlab.curriculum.grading;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * How the grader compiles and runs submissions.
 *
 * @param classpath the jars and folders submissions and tests compile and run against: nnlab's
 *     modules, JUnit and the grading API
 * @param memory the test JVM's heap limit, as for {@code -Xmx}, e.g. {@code 512m}
 * @param stack the test JVM's thread stack size, as for {@code -Xss}, e.g. {@code 1m}
 * @param disk how much a test JVM's folder may hold (its working folder and the results channel;
 *     its printed output is kept in memory, only the tail), written as {@code memory} is, e.g.
 *     {@code 64m}; a JVM that writes more is ended
 * @param visibleOnly run only the tests a student's release contains (a student checking a draft)
 * @param maxTestSeconds a cap on every test's time limit (infinite by default: each test's own
 *     limit applies)
 * @param allowUnsandboxed grade even on a JDK without a SecurityManager (24 and later), with weaker
 *     guarantees; without it the grader refuses there
 */
public record GradeOptions(List<String> classpath, String memory, String stack, String disk, boolean visibleOnly,
                           double maxTestSeconds, boolean allowUnsandboxed) {
    /** The default heap limit of the test JVM. */
    public static final String DEFAULT_MEMORY = "512m";
    /** The default stack size of the test JVM's threads; recursion depth is about 10,000 frames. */
    public static final String DEFAULT_STACK = "1m";
    /** The default disk allowance of a test JVM: far above a model file, far below a full disk. */
    public static final String DEFAULT_DISK = "64m";

    /** Copies the classpath, so the options cannot change after they are made. */
    public GradeOptions {
        classpath = List.copyOf(classpath);
        if (!memory.matches(SIZE) || !stack.matches(SIZE)) {
            throw new IllegalArgumentException("memory (" + memory + ") and stack (" + stack
                    + ") must look like -Xmx values, e.g. 512m or 1g");
        }
        if (!disk.matches(SIZE) || bytes(disk) <= 0) {
            throw new IllegalArgumentException("disk (" + disk + ") must be a size above 0 written as -Xmx values"
                    + " are, e.g. 64m or 1g");
        }
        if (!(maxTestSeconds > 0)) {
            throw new IllegalArgumentException("maxTestSeconds (" + maxTestSeconds + ") must be > 0");
        }
    }

    private static final String SIZE = "\\d+[kKmMgG]?";

    /** The defaults, with the class path of the running JVM. */
    public static GradeOptions defaults() {
        return new GradeOptions(currentClasspath(), DEFAULT_MEMORY, DEFAULT_STACK, DEFAULT_DISK, false, Double.POSITIVE_INFINITY, false);
    }

    /** These options with another heap limit. */
    public GradeOptions withMemory(String newMemory) {
        return new GradeOptions(classpath, newMemory, stack, disk, visibleOnly, maxTestSeconds, allowUnsandboxed);
    }

    /** These options with another disk allowance per test JVM, e.g. {@code 256m}. */
    public GradeOptions withDisk(String newDisk) {
        return new GradeOptions(classpath, memory, stack, newDisk, visibleOnly, maxTestSeconds, allowUnsandboxed);
    }

    /** {@link #disk} in bytes. */
    public long diskBytes() {
        return bytes(disk);
    }

    /** A size such as {@code 64m} in bytes, as the JVM reads {@code -Xmx}: k, m and g are powers of 1024. */
    private static long bytes(String size) {
        char unit = Character.toLowerCase(size.charAt(size.length() - 1));
        int shift = switch (unit) {
            case 'k' -> 10;
            case 'm' -> 20;
            case 'g' -> 30;
            default -> 0;
        };
        String digits = shift == 0 ? size : size.substring(0, size.length() - 1);
        try {
            return Math.multiplyExact(Long.parseLong(digits), 1L << shift);
        } catch (ArithmeticException | NumberFormatException e) {
            return -1;
        }
    }

    /** These options running only the visible tests, or all. */
    public GradeOptions withVisibleOnly(boolean onlyVisible) {
        return new GradeOptions(classpath, memory, stack, disk, onlyVisible, maxTestSeconds, allowUnsandboxed);
    }

    /** These options with every test's time limit capped at {@code seconds}. */
    public GradeOptions withMaxTestSeconds(double seconds) {
        return new GradeOptions(classpath, memory, stack, disk, visibleOnly, seconds, allowUnsandboxed);
    }

    /** These options allowing, or not, grading on a JDK without a SecurityManager. */
    public GradeOptions withAllowUnsandboxed(boolean allow) {
        return new GradeOptions(classpath, memory, stack, disk, visibleOnly, maxTestSeconds, allow);
    }

    /** The time limit {@code test} runs under: its own, capped by {@link #maxTestSeconds}. */
    public double timeLimit(GradedTest test) {
        return Math.min(test.timeoutSeconds(), maxTestSeconds);
    }

    /**
     * The running JVM's class path with jar-manifest {@code Class-Path} entries spelled out, as
     * Maven Surefire hides the real class path in such a manifest.
     */
    public static List<String> currentClasspath() {
        Set<String> out = new LinkedHashSet<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            expand(Path.of(entry).toAbsolutePath(), out);
        }
        return new ArrayList<>(out);
    }

    private static void expand(Path entry, Set<String> out) {
        if (!out.add(entry.toString()) || !Files.isRegularFile(entry) || !entry.toString().endsWith(".jar")) {
            return;
        }
        try (JarFile jar = new JarFile(entry.toFile())) {
            Manifest manifest = jar.getManifest();
            String more = manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
            if (more != null) {
                for (String item : more.trim().split("\\s+")) {
                    Path p = item.startsWith("file:") ? Path.of(java.net.URI.create(item))
                            : entry.resolveSibling(item);
                    expand(p.normalize(), out);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the class path entry " + entry, e);
        }
    }
}
