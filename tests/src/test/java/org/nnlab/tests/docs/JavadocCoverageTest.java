package org.nnlab.tests.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.DocumentationTool;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the JDK's javadoc with {@code -Xdoclint:all} over the main sources of the library modules and
 * the curriculum, and fails on any error or any "no comment" warning, naming each file and line.
 *
 * <p>"No @param" and "no @return" warnings are not counted: the style guide forbids echo tags such as
 * "@return the weight", so a one-line comment that says it all is enough. Access is javadoc's default
 * (public and protected), so the extension points of subclassable types are covered too. In a library
 * module only the packages its {@code module-info.java} exports to everyone are API, so only they
 * must be documented; the unexported ones (kernels, the SVG renderer) need no echo comments.
 */
class JavadocCoverageTest {
    /** The modules whose main sources are checked, relative to the repository root. */
    static final List<String> MODULES = List.of("nn-core", "nn-dsl", "nn-data", "nn-viz", "curriculum");
    /** The library modules, every package of which must have a {@code package-info.java} overview. */
    static final List<String> LIBRARIES = List.of("nn-core", "nn-dsl", "nn-data", "nn-viz");

    private static Path root;
    private static List<Diagnostic<? extends JavaFileObject>> diagnostics;
    private static int sourceCount;
    /** The source folders of the packages that are not API: unexported packages of the library modules. */
    private static final List<Path> internal = new ArrayList<>();

    @BeforeAll
    static void runJavadoc(@TempDir Path out) throws IOException {
        root = repositoryRoot();
        List<Path> sources = new ArrayList<>();
        for (String module : MODULES) {
            Path src = root.resolve(module).resolve("src/main/java");
            sources.addAll(javaFiles(src).stream().filter(p -> !p.endsWith("module-info.java")).toList());
            internal.addAll(unexportedPackages(src));
        }
        sourceCount = sources.size();
        diagnostics = javadoc(sources, out);
    }

    @Test
    void everyPublicOrProtectedDeclarationHasAComment() {
        List<String> offenders = diagnostics.stream()
                .filter(d -> d.getKind() == Diagnostic.Kind.WARNING)
                .filter(d -> d.getMessage(Locale.ROOT).startsWith("no comment"))
                .filter(d -> d.getSource() == null || internal.stream()
                        .noneMatch(dir -> Path.of(d.getSource().toUri()).getParent().equals(dir)))
                .map(JavadocCoverageTest::where)
                .collect(Collectors.toList());
        assertTrue(offenders.isEmpty(), "javadoc -Xdoclint:all finds " + offenders.size() + " declaration(s) in "
                + MODULES + " with no comment:\n  " + String.join("\n  ", offenders)
                + "\nHint: write a one-line /** … */ that says what it is or does; no echo of the name.");
    }

    @Test
    void javadocReportsNoErrors() {
        List<String> errors = diagnostics.stream()
                .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                .map(d -> where(d) + ": " + d.getMessage(Locale.ROOT))
                .collect(Collectors.toList());
        assertTrue(errors.isEmpty(), "javadoc reports " + errors.size() + " error(s) in " + MODULES + ":\n  "
                + String.join("\n  ", errors) + "\nHint: a {@link} to a missing name, or malformed HTML.");
    }

    @Test
    void checksTheSourcesOfEveryModule() {
        assertTrue(sourceCount > 150, "expected the main sources of " + MODULES + " under " + root
                + " (well over 150 files) but found " + sourceCount);
    }

    @Test
    void everyLibraryPackageHasAnOverviewThatNamesWhereToStart() throws IOException {
        List<String> missing = new ArrayList<>();
        for (String module : LIBRARIES) {
            Path src = root.resolve(module).resolve("src/main/java");
            for (Path dir : packageDirectories(src)) {
                Path info = dir.resolve("package-info.java");
                if (!Files.exists(info)) {
                    missing.add(root.relativize(info) + " is missing");
                } else if (!Files.readString(info, StandardCharsets.UTF_8).contains("{@link")) {
                    missing.add(root.relativize(info) + " links no class to start reading with");
                }
            }
        }
        assertTrue(missing.isEmpty(), "package overviews of " + LIBRARIES + ":\n  " + String.join("\n  ", missing)
                + "\nHint: say in one line what the package holds, then {@link} the 1–3 classes to open first.");
    }

    @Test
    void detectsAPublicClassWithoutAComment(@TempDir Path scratch) throws IOException {
        Path source = scratch.resolve("src/probe/Undocumented.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, "package probe;\n\n/** A documented package member. */\npublic final class"
                + " Undocumented {\n    public static final int ANSWER = 42;\n}\n", StandardCharsets.UTF_8);
        List<String> warnings = javadoc(List.of(source), scratch.resolve("out")).stream()
                .filter(d -> d.getMessage(Locale.ROOT).startsWith("no comment"))
                .map(JavadocCoverageTest::where)
                .collect(Collectors.toList());
        assertEquals(List.of("Undocumented.java:5"), warnings,
                "the harness must see doclint's \"no comment\" warning on the undocumented constant");
    }

    /** Runs javadoc with doclint over {@code sources} and returns everything it reported. */
    private static List<Diagnostic<? extends JavaFileObject>> javadoc(List<Path> sources, Path out) {
        DocumentationTool tool = ToolProvider.getSystemDocumentationTool();
        DiagnosticCollector<JavaFileObject> collector = new DiagnosticCollector<>();
        List<String> options = List.of("-Xdoclint:all", "-quiet", "-d", out.toString(), "-Xmaxwarns", "100000",
                "-Xmaxerrs", "100000", "-encoding", "UTF-8", "-notimestamp",
                "-classpath", System.getProperty("java.class.path"));
        // javadoc's own progress lines go here, not to the test's output
        StringWriter log = new StringWriter();
        try (StandardJavaFileManager files =
                     tool.getStandardFileManager(collector, Locale.ROOT, StandardCharsets.UTF_8)) {
            tool.getTask(log, files, collector, null, options, files.getJavaFileObjectsFromPaths(sources)).call();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return collector.getDiagnostics();
    }

    /** The checkout's root: the parent of the {@code tests} module, where surefire runs. */
    private static Path repositoryRoot() {
        Path tests = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
        Path parent = tests.getParent();
        if (parent == null || !Files.isDirectory(parent.resolve("nn-core/src/main/java"))) {
            throw new IllegalStateException("Cannot find the nnlab modules next to " + tests
                    + "; expected the tests module's folder as the working directory. Hint: run it with"
                    + " mvn -pl tests -am test from the repository root.");
        }
        return parent;
    }

    /**
     * The package folders under {@code src} that its {@code module-info.java} does not export to
     * everyone; none when there is no module-info (the curriculum runs on the class path).
     */
    private static List<Path> unexportedPackages(Path src) throws IOException {
        Path info = src.resolve("module-info.java");
        if (!Files.exists(info)) {
            return List.of();
        }
        List<String> exported = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^\\s*exports\\s+([\\w.]+)\\s*;")
                .matcher(Files.readString(info, StandardCharsets.UTF_8));
        while (m.find()) {
            exported.add(m.group(1));
        }
        assertTrue(!exported.isEmpty(), info + " exports nothing");
        return packageDirectories(src).stream()
                .filter(dir -> !exported.contains(src.relativize(dir).toString().replace(java.io.File.separatorChar, '.')))
                .toList();
    }

    private static List<Path> javaFiles(Path src) throws IOException {
        try (Stream<Path> walk = Files.walk(src)) {
            return walk.filter(p -> p.toString().endsWith(".java")).sorted().collect(Collectors.toList());
        }
    }

    private static List<Path> packageDirectories(Path src) throws IOException {
        try (Stream<Path> walk = Files.walk(src)) {
            return walk.filter(p -> p.toString().endsWith(".java") && !p.endsWith("package-info.java")
                            && !p.endsWith("module-info.java"))
                    .map(Path::getParent).distinct().sorted().collect(Collectors.toList());
        }
    }

    /** The file, relative to the checkout when it is inside it, and the line of a diagnostic. */
    private static String where(Diagnostic<? extends JavaFileObject> d) {
        if (d.getSource() == null) {
            return "(no file)";
        }
        Path file = Path.of(d.getSource().toUri());
        return (file.startsWith(root) ? root.relativize(file) : file.getFileName()) + ":" + d.getLineNumber();
    }
}
