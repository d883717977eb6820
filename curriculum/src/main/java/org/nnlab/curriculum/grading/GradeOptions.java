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
 * @param visibleOnly run only the tests a student's release contains (a student checking a draft)
 * @param maxTestSeconds a cap on every test's time limit (infinite by default: each test's own
 *     limit applies)
 * @param allowUnsandboxed grade even on a JDK without a SecurityManager (24 and later), with weaker
 *     guarantees; without it the grader refuses there
 */
public record GradeOptions(List<String> classpath, String memory, String stack, boolean visibleOnly,
                           double maxTestSeconds, boolean allowUnsandboxed) {
    /** The default heap limit of the test JVM. */
    public static final String DEFAULT_MEMORY = "512m";
    /** The default stack size of the test JVM's threads; recursion depth is about 10,000 frames. */
    public static final String DEFAULT_STACK = "1m";

    /** Copies the classpath, so the options cannot change after they are made. */
    public GradeOptions {
        classpath = List.copyOf(classpath);
        if (!memory.matches("\\d+[kKmMgG]?") || !stack.matches("\\d+[kKmMgG]?")) {
            throw new IllegalArgumentException("memory (" + memory + ") and stack (" + stack
                    + ") must look like -Xmx values, e.g. 512m or 1g");
        }
        if (!(maxTestSeconds > 0)) {
            throw new IllegalArgumentException("maxTestSeconds (" + maxTestSeconds + ") must be > 0");
        }
    }

    /** The defaults, with the class path of the running JVM. */
    public static GradeOptions defaults() {
        return new GradeOptions(currentClasspath(), DEFAULT_MEMORY, DEFAULT_STACK, false, Double.POSITIVE_INFINITY, false);
    }

    /** These options with another heap limit. */
    public GradeOptions withMemory(String newMemory) {
        return new GradeOptions(classpath, newMemory, stack, visibleOnly, maxTestSeconds, allowUnsandboxed);
    }

    /** These options running only the visible tests, or all. */
    public GradeOptions withVisibleOnly(boolean onlyVisible) {
        return new GradeOptions(classpath, memory, stack, onlyVisible, maxTestSeconds, allowUnsandboxed);
    }

    /** These options with every test's time limit capped at {@code seconds}. */
    public GradeOptions withMaxTestSeconds(double seconds) {
        return new GradeOptions(classpath, memory, stack, visibleOnly, seconds, allowUnsandboxed);
    }

    /** These options allowing, or not, grading on a JDK without a SecurityManager. */
    public GradeOptions withAllowUnsandboxed(boolean allow) {
        return new GradeOptions(classpath, memory, stack, visibleOnly, maxTestSeconds, allow);
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
