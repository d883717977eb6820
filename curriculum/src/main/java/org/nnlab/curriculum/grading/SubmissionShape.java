package org.nnlab.curriculum.grading;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ModifiersTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreeScanner;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.lang.model.element.Modifier;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaFileObject;

/**
 * Checks, before anything is compiled, that a submission cannot change what a name means in the
 * tests.
 *
 * <p>The tests are compiled against the submission's classes, in the same package, so a type the
 * submission adds beside the starter's (a top-level {@code class Math}) would beat
 * {@code java.lang.Math} in every unqualified use in the tests, and a member it adds to a class a
 * test extends would beat the test's own helper or import in that subclass. So the submission may
 * declare only its starter's top-level types, with the starter's declaration lines; a nested type
 * may not have the name of a {@code java.lang} type or of a name the tests use; and a non-private
 * field or method the starter does not declare may not have a name the tests use. Each refusal
 * names the file and line and what to change. Files that do not parse are left to the compiler,
 * which reports them.
 */
final class SubmissionShape {
    /** Methods every class has from {@code Object}: overriding one changes no name. */
    private static final Set<String> OBJECT_METHODS = Set.of("equals", "hashCode", "toString", "clone", "finalize",
            "getClass", "notify", "notifyAll", "wait");
    private static final Set<String> JAVA_LANG = javaLangTypes();

    private SubmissionShape() {
    }

    /** The refusals for {@code student} (file name → text) against {@code starter} and {@code tests}; empty if fine. */
    static List<Compilation.Problem> check(Map<String, String> student, Map<String, String> starter,
                                           Map<String, String> tests) {
        Names used = new Names();
        for (Unit unit : parse(tests).values()) {
            used.collect(unit.tree);
        }
        List<Compilation.Problem> problems = new ArrayList<>();
        Map<String, Unit> starterUnits = parse(starter);
        Set<String> starterMembers = new HashSet<>();
        starterUnits.values().forEach(u -> starterMembers.addAll(declaredNames(u.tree)));
        for (Map.Entry<String, Unit> e : parse(student).entrySet()) {
            Unit submitted = e.getValue();
            Unit expected = starterUnits.get(e.getKey());
            if (submitted.parseErrors || expected == null) {
                continue;
            }
            new FileCheck(e.getKey(), submitted, expected, starterMembers, used, problems).run();
        }
        return problems;
    }

    /** One parsed file. */
    private record Unit(CompilationUnitTree tree, SourcePositions positions, boolean parseErrors) {
        long line(Tree t) {
            return tree.getLineMap().getLineNumber(positions.getStartPosition(tree, t));
        }
    }

    private static Map<String, Unit> parse(Map<String, String> sources) {
        Map<String, Unit> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> s : sources.entrySet()) {
            DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
            JavacTask task = (JavacTask) SubmissionCompiler.javac().getTask(new java.io.StringWriter(), null, diagnostics,
                    List.of("-proc:none"), null, List.of(new SourceFile(s.getKey(), s.getValue())));
            try {
                CompilationUnitTree tree = task.parse().iterator().next();
                boolean errors = diagnostics.getDiagnostics().stream().anyMatch(d -> d.getKind() == Diagnostic.Kind.ERROR);
                out.put(s.getKey(), new Unit(tree, Trees.instance(task).getSourcePositions(), errors));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot parse " + s.getKey(), e);
            }
        }
        return out;
    }

    /** The simple names the tests use: any identifier, and the names of methods they call unqualified. */
    private static final class Names {
        final Set<String> simple = new HashSet<>();
        final Set<String> called = new HashSet<>();

        void collect(CompilationUnitTree unit) {
            new TreeScanner<Void, Void>() {
                @Override
                public Void visitIdentifier(IdentifierTree node, Void unused) {
                    simple.add(node.getName().toString());
                    return null;
                }

                @Override
                public Void visitMethodInvocation(MethodInvocationTree node, Void unused) {
                    if (node.getMethodSelect() instanceof IdentifierTree id) {
                        called.add(id.getName().toString());
                    }
                    return super.visitMethodInvocation(node, unused);
                }
            }.scan(unit, null);
        }
    }

    /** The names of every type, field and method a file declares at class level (any depth). */
    private static Set<String> declaredNames(CompilationUnitTree unit) {
        Set<String> names = new HashSet<>();
        for (Tree type : unit.getTypeDecls()) {
            if (type instanceof ClassTree c) {
                members(c, names);
            }
        }
        return names;
    }

    private static void members(ClassTree c, Set<String> names) {
        names.add(c.getSimpleName().toString());
        for (Tree m : c.getMembers()) {
            if (m instanceof ClassTree nested) {
                members(nested, names);
            } else if (m instanceof MethodTree method) {
                names.add(method.getName().toString());
            } else if (m instanceof VariableTree field) {
                names.add(field.getName().toString());
            }
        }
    }

    /** The checks of one submitted file against its starter. */
    private static final class FileCheck {
        private final String file;
        private final Unit submitted;
        private final Unit expected;
        private final Set<String> starterMembers;
        private final Names used;
        private final List<Compilation.Problem> problems;

        FileCheck(String file, Unit submitted, Unit expected, Set<String> starterMembers, Names used,
                  List<Compilation.Problem> problems) {
            this.file = file;
            this.submitted = submitted;
            this.expected = expected;
            this.starterMembers = starterMembers;
            this.used = used;
            this.problems = problems;
        }

        void run() {
            String pkg = String.valueOf(expected.tree.getPackageName());
            String actualPkg = String.valueOf(submitted.tree.getPackageName());
            if (!pkg.equals(actualPkg)) {
                refuse(submitted.tree.getPackage() == null ? 1 : submitted.line(submitted.tree.getPackage()),
                        "the package must be " + pkg + ", as in the starter, but is " + actualPkg
                                + ". Keep the starter's package line unchanged.");
                return;
            }
            Map<String, ClassTree> starterTypes = topLevel(expected.tree);
            Map<String, ClassTree> types = topLevel(submitted.tree);
            for (Map.Entry<String, ClassTree> t : types.entrySet()) {
                ClassTree mine = t.getValue();
                ClassTree theirs = starterTypes.get(t.getKey());
                if (theirs == null) {
                    refuse(submitted.line(mine), "declares " + kind(mine) + " " + t.getKey() + " at the top level, which"
                            + " the starter does not. A submission may declare only the starter's top-level types ("
                            + String.join(", ", starterTypes.keySet()) + "): a type of its own would sit in the tests'"
                            + " package and could change what a name means in the tests. Put helpers inside "
                            + starterTypes.keySet().iterator().next() + " (e.g. as a private static nested class).");
                } else if (!header(mine).equals(header(theirs))) {
                    refuse(submitted.line(mine), kind(theirs) + " " + t.getKey() + " must be declared as in the starter ("
                            + header(theirs) + ") but is " + header(mine) + ". Keep the starter's declaration line.");
                }
                members(mine, true);
            }
            for (String missing : starterTypes.keySet()) {
                if (!types.containsKey(missing)) {
                    refuse(1, "the starter's " + kind(starterTypes.get(missing)) + " " + missing + " is missing. Keep it,"
                            + " with the same name.");
                }
            }
        }

        /** Checks the names {@code c} declares, and its nested types' in turn. */
        private void members(ClassTree c, boolean topLevel) {
            String name = c.getSimpleName().toString();
            boolean inherited = !c.getModifiers().getFlags().contains(Modifier.PRIVATE);
            if (!topLevel && inherited && !starterMembers.contains(name)) {
                if (JAVA_LANG.contains(name)) {
                    refuse(submitted.line(c), "the nested type " + name + " has the name of a java.lang type (java.lang."
                            + name + "); a test class that extends its enclosing class would see it instead. Rename it"
                            + " (e.g. " + name + "Helper).");
                } else if (used.simple.contains(name)) {
                    refuse(submitted.line(c), "the nested type " + name + " has a name the tests use; a test class that"
                            + " extends its enclosing class would see it instead. Rename it (e.g. " + name + "Helper).");
                }
            }
            boolean record = c.getKind() == Tree.Kind.RECORD;
            for (Tree m : c.getMembers()) {
                if (m instanceof ClassTree nested) {
                    members(nested, false);
                } else if (m instanceof MethodTree method && !method.getName().contentEquals("<init>")) {
                    check(method, method.getName().toString(), method.getModifiers(), used.called, "method");
                } else if (m instanceof VariableTree field) {
                    boolean accessor = record && !field.getModifiers().getFlags().contains(Modifier.STATIC);
                    check(field, field.getName().toString(), field.getModifiers(), accessor ? union() : used.simple,
                            accessor ? "record component" : "field");
                }
            }
        }

        private Set<String> union() {
            return Stream.concat(used.simple.stream(), used.called.stream()).collect(Collectors.toSet());
        }

        private void check(Tree member, String name, ModifiersTree modifiers, Set<String> usedNames, String what) {
            boolean hidden = modifiers.getFlags().contains(Modifier.PRIVATE);
            if (hidden || starterMembers.contains(name) || OBJECT_METHODS.contains(name) || !usedNames.contains(name)) {
                return;
            }
            refuse(submitted.line(member), "the " + what + " " + name + " is not in the starter, is not private, and"
                    + " has a name the tests use; in a test class that extends yours, " + name + " would mean yours"
                    + " instead of the test's own. Make it private or rename it.");
        }

        private void refuse(long line, String message) {
            problems.add(new Compilation.Problem(file, line, message, Compilation.Stage.REFUSED));
        }

        private static Map<String, ClassTree> topLevel(CompilationUnitTree unit) {
            Map<String, ClassTree> out = new LinkedHashMap<>();
            for (Tree t : unit.getTypeDecls()) {
                if (t instanceof ClassTree c) {
                    out.put(c.getSimpleName().toString(), c);
                }
            }
            return out;
        }

        /** The declaration line without modifiers and body: kind, name, type parameters, supertypes. */
        private static String header(ClassTree c) {
            StringBuilder h = new StringBuilder(kind(c)).append(' ').append(c.getSimpleName());
            if (!c.getTypeParameters().isEmpty()) {
                h.append(c.getTypeParameters().stream().map(Object::toString).collect(Collectors.joining(", ", "<", ">")));
            }
            if (c.getExtendsClause() != null) {
                h.append(" extends ").append(c.getExtendsClause());
            }
            if (!c.getImplementsClause().isEmpty()) {
                h.append(c.getKind() == Tree.Kind.INTERFACE ? " extends " : " implements ").append(
                        c.getImplementsClause().stream().map(Object::toString).collect(Collectors.joining(", ")));
            }
            return h.toString();
        }

        private static String kind(ClassTree c) {
            return switch (c.getKind()) {
                case INTERFACE -> "interface";
                case ENUM -> "enum";
                case RECORD -> "record";
                case ANNOTATION_TYPE -> "@interface";
                default -> "class";
            };
        }
    }

    /** The simple names of the JDK's {@code java.lang} types, read from the running JDK's modules. */
    private static Set<String> javaLangTypes() {
        try (Stream<Path> files = Files.list(FileSystems.getFileSystem(URI.create("jrt:/"))
                .getPath("/modules/java.base/java/lang"))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".class") && !n.contains("$"))
                    .map(n -> n.substring(0, n.length() - ".class".length())).collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list java.lang in this JDK's modules", e);
        }
    }
}
