package org.nnlab.curriculum.grading;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles a submission alone, then the graded tests against its classes, in memory, with javac.
 *
 * <p>Three steps. {@link SubmissionShape} first refuses a submission that declares what could
 * change a name in the tests. Then the student's sources are compiled alone against the library
 * (nnlab without JUnit and the grader): they cannot name a test class, because none is there, nor
 * put a JUnit annotation on a class a test might extend. Then the tests are compiled against the
 * library, JUnit, the grading API and the student's classes. The two sets of class files
 * stay apart, so the test JVM loads them with two class loaders. Annotation processing is off, so
 * a submission runs no code at compile time.
 *
 * <p>javac runs in its own thread with a {@value #STACK_MB} MB stack and at most
 * {@value #TIME_LIMIT_SECONDS} s; when it crashes on a hostile source (a 20,000-term expression,
 * thousands of nested parentheses) or runs out of time, the problem says so, with the file and
 * what to simplify.
 */
public final class SubmissionCompiler {
    /** What the explanation of a compiler crash says happened. */
    private static final String RAN_OUT_OF_STACK = "ran out of stack (StackOverflowError)";
    private static final String RAN_OUT_OF_MEMORY = "ran out of memory";

    /** The stack of the compiler's thread. */
    static final int STACK_MB = 16;
    /** The longest a compilation may take. */
    static final long TIME_LIMIT_SECONDS = 60;

    private final List<String> studentPath;
    private final List<String> testPath;

    /**
     * A compiler resolving the submission's imports against {@code studentPath} (the library) and the
     * tests' against {@code testPath} (the library, JUnit and the grading API) plus the submission.
     */
    public SubmissionCompiler(List<String> studentPath, List<String> testPath) {
        this.studentPath = List.copyOf(studentPath);
        this.testPath = List.copyOf(testPath);
    }

    /** The compiler the grader uses, with class paths derived from {@code graderClasspath} ({@link RuntimeClasspath}). */
    public static SubmissionCompiler forGrading(List<String> graderClasspath) {
        return new SubmissionCompiler(RuntimeClasspath.forSubmissions(graderClasspath),
                RuntimeClasspath.forTestJvm(graderClasspath));
    }

    /** The JDK's compiler; an IllegalStateException with a hint when running on a JRE without it. */
    static JavaCompiler javac() {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("No Java compiler in " + System.getProperty("java.home")
                    + ": grading needs a JDK, not a JRE. Hint: install openjdk-17-jdk-headless.");
        }
        return javac;
    }

    /**
     * Compiles {@code studentSources}, then {@code testSources} against them (file name → text).
     *
     * @param starterSources the starter's version of the student files, which fixes what the
     *     submission may declare
     * @param studentPackage the package every student class must belong to
     */
    public Compilation compile(Map<String, String> studentSources, Map<String, String> starterSources,
                               Map<String, String> testSources, String studentPackage) {
        CompletableFuture<Compilation> result = new CompletableFuture<>();
        Thread worker = new Thread(null, () -> {
            try {
                result.complete(compileNow(studentSources, starterSources, testSources, studentPackage));
            } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                result.complete(crashed(studentSources, e));
            }
        }, "nnlab-javac", STACK_MB * 1024L * 1024L);
        worker.setDaemon(true);
        worker.start();
        try {
            return result.get(TIME_LIMIT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            return Compilation.failed(studentSources.keySet().stream().map(f -> new Compilation.Problem(f, 0,
                    "the compiler did not finish within " + TIME_LIMIT_SECONDS + " s. Simplify the file: very long"
                            + " expressions, deeply nested generic calls or huge constant tables slow javac down.",
                    Compilation.Stage.COMPILER)).toList());
        } catch (ExecutionException e) {
            throw new IllegalStateException("The compiler's thread failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while compiling the submission", e);
        }
    }

    private static Compilation crashed(Map<String, String> studentSources, Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String what = root instanceof StackOverflowError ? RAN_OUT_OF_STACK
                : root instanceof OutOfMemoryError ? RAN_OUT_OF_MEMORY : "crashed (" + root.getClass().getName() + ")";
        return Compilation.failed(studentSources.keySet().stream().map(f -> compilerCrash(f, what)).toList());
    }

    private static Compilation.Problem compilerCrash(String file, String what) {
        return new Compilation.Problem(file, 0, "the Java compiler could not handle this file: it " + what
                + ". Simplify it: split very long expressions (thousands of terms) into several statements, remove"
                + " deeply nested parentheses or calls, and keep constant expressions and array initializers small.",
                Compilation.Stage.COMPILER);
    }

    /**
     * What javac's own report says when it failed without a diagnostic: javac catches some of its
     * crashes itself (where depends on how deep the JIT lets its recursion go) and prints "An
     * exception has occurred in the compiler" with the error instead of throwing it.
     */
    static List<Compilation.Problem> unreported(Map<String, String> sources, String javacOutput,
                                                Compilation.Stage stage) {
        String what = javacOutput.contains("java.lang.StackOverflowError") ? RAN_OUT_OF_STACK
                : javacOutput.contains("java.lang.OutOfMemoryError") ? RAN_OUT_OF_MEMORY
                : javacOutput.contains("An exception has occurred in the compiler") ? "crashed" : null;
        if (what != null) {
            return sources.keySet().stream().map(f -> compilerCrash(f, what)).toList();
        }
        return List.of(new Compilation.Problem(String.join(", ", sources.keySet()), 0,
                "javac reported a failure without an error message", stage));
    }

    private Compilation compileNow(Map<String, String> studentSources, Map<String, String> starterSources,
                                   Map<String, String> testSources, String studentPackage) {
        List<Compilation.Problem> refused = SubmissionShape.check(studentSources, starterSources, testSources);
        if (!refused.isEmpty()) {
            return Compilation.failed(refused);
        }
        Map<String, byte[]> studentClasses = new LinkedHashMap<>();
        List<Compilation.Problem> problems = javac(studentSources, studentPath, studentClasses, Compilation.Stage.STUDENT);
        if (!problems.isEmpty()) {
            return Compilation.failed(problems);
        }
        for (String className : studentClasses.keySet()) {
            if (!className.startsWith(studentPackage + ".")) {
                problems.add(new Compilation.Problem(className, 0, "class " + className + " is not in package "
                        + studentPackage + ". Hint: keep the package line of the starter file unchanged.",
                        Compilation.Stage.STUDENT));
            }
        }
        if (!problems.isEmpty()) {
            return Compilation.failed(problems);
        }
        Path compiled = writeTemporarily(studentClasses);
        try {
            List<String> withStudent = new ArrayList<>(testPath);
            withStudent.add(compiled.toString());
            Map<String, byte[]> testClasses = new LinkedHashMap<>();
            problems = javac(testSources, withStudent, testClasses, Compilation.Stage.TESTS);
            return problems.isEmpty() ? new Compilation(true, studentClasses, testClasses, List.of())
                    : Compilation.failed(problems);
        } finally {
            delete(compiled);
        }
    }

    /** Compiles {@code sources} on {@code path} into {@code classes}; returns the errors, each as a {@code stage} problem. */
    private static List<Compilation.Problem> javac(Map<String, String> sources, List<String> path,
                                                   Map<String, byte[]> classes, Compilation.Stage stage) {
        JavaCompiler javac = javac();
        List<SourceFile> files = new ArrayList<>();
        sources.forEach((name, text) -> files.add(new SourceFile(name, text)));
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        StandardJavaFileManager standard = javac.getStandardFileManager(diagnostics, Locale.ROOT, null);
        JavaFileManager memory = new ForwardingJavaFileManager<>(standard) {
            @Override
            public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                                                       FileObject sibling) {
                return new ClassOutput(className, classes);
            }
        };
        List<String> options = List.of("-proc:none", "-encoding", "UTF-8", "-nowarn", "-Xlint:none", "-g",
                "-implicit:none", "-classpath", String.join(File.pathSeparator, path));
        // javac's own output (e.g. its report of an internal crash) is not for the grader's console.
        java.io.StringWriter javacOutput = new java.io.StringWriter();
        boolean ok = javac.getTask(javacOutput, memory, diagnostics, options, null, files).call();
        List<Compilation.Problem> problems = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() == Diagnostic.Kind.ERROR) {
                String file = d.getSource() == null ? "(javac)" : d.getSource().getName();
                problems.add(new Compilation.Problem(file, d.getLineNumber(), d.getMessage(Locale.ROOT), stage));
            }
        }
        if (!ok && problems.isEmpty()) {
            problems.addAll(unreported(sources, javacOutput.toString(), stage));
        }
        return problems;
    }

    private static Path writeTemporarily(Map<String, byte[]> classes) {
        try {
            Path root = Files.createTempDirectory("nnlab-student-classes-");
            for (Map.Entry<String, byte[]> c : classes.entrySet()) {
                Path file = root.resolve(c.getKey().replace('.', File.separatorChar) + ".class");
                Files.createDirectories(file.getParent());
                Files.write(file, c.getValue());
            }
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the submission's classes for compiling the tests", e);
        }
    }

    private static void delete(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary folder changes no grade
        }
    }

    /** One class file, collected into a map when javac closes it. */
    private static final class ClassOutput extends SimpleJavaFileObject {
        private final String className;
        private final Map<String, byte[]> into;

        ClassOutput(String className, Map<String, byte[]> into) {
            super(URI.create("mem:///" + className.replace('.', '/') + ".class"), Kind.CLASS);
            this.className = className;
            this.into = into;
        }

        @Override
        public OutputStream openOutputStream() {
            return new ByteArrayOutputStream() {
                @Override
                public void close() {
                    into.put(className, toByteArray());
                }
            };
        }
    }
}
