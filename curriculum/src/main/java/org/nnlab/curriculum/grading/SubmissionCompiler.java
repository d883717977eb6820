package org.nnlab.curriculum.grading;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.OutputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * Compiles a submission together with the graded tests, in memory, with the JDK's javac.
 *
 * <p>Class files are kept apart by the source they came from: the student's classes and the
 * tests' classes go to different folders of the test JVM, so the sandbox can tell them apart and
 * a student class can never pose as a test. Annotation processing is off, so a submission runs
 * no code at compile time.
 */
public final class SubmissionCompiler {
    private final List<String> classpath;

    /** A compiler resolving imports against {@code classpath} (nn-core, JUnit, the grading API, …). */
    public SubmissionCompiler(List<String> classpath) {
        this.classpath = List.copyOf(classpath);
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
     * Compiles {@code studentSources} and {@code testSources} (file name → text) together.
     *
     * @param studentPackage the package every student class must belong to
     */
    public Compilation compile(Map<String, String> studentSources, Map<String, String> testSources,
                               String studentPackage) {
        JavaCompiler javac = javac();
        List<SourceFile> student = new ArrayList<>();
        studentSources.forEach((name, text) -> student.add(new SourceFile(name, text)));
        List<SourceFile> tests = new ArrayList<>();
        testSources.forEach((name, text) -> tests.add(new SourceFile(name, text)));
        List<SourceFile> all = new ArrayList<>(student);
        all.addAll(tests);

        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        StandardJavaFileManager standard = javac.getStandardFileManager(diagnostics, Locale.ROOT, null);
        Map<String, byte[]> studentClasses = new LinkedHashMap<>();
        Map<String, byte[]> testClasses = new LinkedHashMap<>();
        JavaFileManager memory = new ForwardingJavaFileManager<>(standard) {
            @Override
            public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                                                       FileObject sibling) {
                Map<String, byte[]> into = student.contains(sibling) ? studentClasses : testClasses;
                return new ClassOutput(className, into);
            }
        };
        List<String> options = List.of("-proc:none", "-encoding", "UTF-8", "-nowarn", "-Xlint:none", "-g",
                "-classpath", String.join(File.pathSeparator, classpath));
        boolean ok = javac.getTask(null, memory, diagnostics, options, null, all).call();

        List<Compilation.Problem> problems = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() == Diagnostic.Kind.ERROR) {
                String file = d.getSource() == null ? "(javac)" : d.getSource().getName();
                problems.add(new Compilation.Problem(file, d.getLineNumber(), d.getMessage(Locale.ROOT),
                        d.getSource() != null && student.contains(d.getSource())));
            }
        }
        for (String className : studentClasses.keySet()) {
            if (!className.startsWith(studentPackage + ".")) {
                ok = false;
                problems.add(new Compilation.Problem(className, 0, "class " + className + " is not in package "
                        + studentPackage + ". Hint: keep the package line of the starter file unchanged.", true));
            }
        }
        return new Compilation(ok && problems.isEmpty(), studentClasses, testClasses, problems);
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
