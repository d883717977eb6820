package org.nnlab.curriculum.grading;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreeScanner;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaCompiler;
import org.nnlab.curriculum.exercise.Exercise;
import org.nnlab.curriculum.exercise.MarkedSource;
import org.nnlab.exercise.Visibility;

/**
 * The graded tests of an exercise, read from the instructor's test sources with javac's parser.
 *
 * <p>The plan comes from trusted text alone, before any submission is compiled or run, so a
 * submission can change neither which tests count nor their points. That is why {@link org.nnlab.exercise.Graded}
 * takes literals only.
 */
public record TestPlan(List<GradedTest> tests) {

    /** Copies the tests, so a plan cannot change after it is parsed. */
    public TestPlan {
        tests = List.copyOf(tests);
    }

    /** The plan of {@code exercise}: every {@code @Graded} method of its test files. */
    public static TestPlan of(Exercise exercise) {
        List<GradedTest> found = new ArrayList<>();
        JavaCompiler javac = SubmissionCompiler.javac();
        for (String path : exercise.testFiles()) {
            MarkedSource marked = exercise.marked(path);
            SourceFile file = new SourceFile(Exercise.fileName(path), marked.instructorVersion());
            JavacTask task = (JavacTask) javac.getTask(null, null, d -> { }, List.of("-proc:none"), null, List.of(file));
            try {
                for (CompilationUnitTree unit : task.parse()) {
                    new Scanner(unit, Trees.instance(task).getSourcePositions(), marked, exercise.timeoutSeconds(), found)
                            .scan(unit, null);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot parse " + path, e);
            }
        }
        if (found.isEmpty()) {
            throw new IllegalArgumentException("Exercise " + exercise.id() + " has no @Graded test in "
                    + exercise.testFiles() + ". Hint: annotate JUnit test methods with @Graded(points = …).");
        }
        return new TestPlan(found);
    }

    /** The sum of all points. */
    public double maxScore() {
        return tests.stream().mapToDouble(GradedTest::points).sum();
    }

    /** Only the tests a student's release contains. */
    public TestPlan visibleOnly() {
        return new TestPlan(tests.stream().filter(t -> !t.hidden()).toList());
    }

    private static final class Scanner extends TreeScanner<Void, Void> {
        private final CompilationUnitTree unit;
        private final SourcePositions positions;
        private final MarkedSource marked;
        private final double defaultTimeout;
        private final List<GradedTest> out;
        private final String packagePrefix;
        private String className;

        Scanner(CompilationUnitTree unit, SourcePositions positions, MarkedSource marked, double defaultTimeout,
                List<GradedTest> out) {
            this.unit = unit;
            this.positions = positions;
            this.marked = marked;
            this.defaultTimeout = defaultTimeout;
            this.out = out;
            this.packagePrefix = unit.getPackageName() == null ? "" : unit.getPackageName() + ".";
        }

        @Override
        public Void visitClass(ClassTree tree, Void unused) {
            String outer = className;
            className = outer == null ? packagePrefix + tree.getSimpleName() : outer + "$" + tree.getSimpleName();
            super.visitClass(tree, unused);
            className = outer;
            return null;
        }

        @Override
        public Void visitMethod(MethodTree method, Void unused) {
            for (AnnotationTree a : method.getModifiers().getAnnotations()) {
                String type = a.getAnnotationType().toString();
                if (type.equals("Graded") || type.endsWith(".Graded")) {
                    out.add(read(method, a));
                }
            }
            return null;
        }

        private GradedTest read(MethodTree method, AnnotationTree annotation) {
            long line = unit.getLineMap().getLineNumber(positions.getStartPosition(unit, method));
            String where = unit.getSourceFile().getName() + ":" + line;
            Double points = null;
            String name = "";
            Visibility visibility = Visibility.VISIBLE;
            double timeout = defaultTimeout;
            for (ExpressionTree argument : annotation.getArguments()) {
                if (!(argument instanceof AssignmentTree assignment)) {
                    throw new IllegalArgumentException(where + ": write @Graded(points = …), not " + annotation);
                }
                String key = assignment.getVariable().toString();
                ExpressionTree value = assignment.getExpression();
                switch (key) {
                    case "points" -> points = number(value, where);
                    case "name" -> name = string(value, where);
                    case "visibility" -> visibility = visibility(value, where);
                    case "timeoutSeconds" -> timeout = number(value, where);
                    default -> throw new IllegalArgumentException(where + ": unknown @Graded element '" + key + "'");
                }
            }
            if (points == null || points < 0) {
                throw new IllegalArgumentException(where + ": @Graded needs points ≥ 0 but got " + points
                        + ". Hint: @Graded(points = 2, name = \"…\").");
            }
            String method1 = method.getName().toString();
            return new GradedTest(className, method1, name.isEmpty() ? method1 : name, points, visibility,
                    marked.isHidden((int) line), timeout, where);
        }

        private static double number(ExpressionTree value, String where) {
            if (value instanceof LiteralTree literal && literal.getValue() instanceof Number n) {
                return n.doubleValue();
            }
            throw new IllegalArgumentException(where + ": @Graded numbers must be literals but got '" + value
                    + "'. Hint: the grader reads them from the source, before anything runs.");
        }

        private static String string(ExpressionTree value, String where) {
            if (value instanceof LiteralTree literal && literal.getValue() instanceof String s) {
                return s;
            }
            throw new IllegalArgumentException(where + ": @Graded name must be one string literal but got '" + value + "'");
        }

        private static Visibility visibility(ExpressionTree value, String where) {
            String constant = value instanceof MemberSelectTree select ? select.getIdentifier().toString()
                    : value instanceof IdentifierTree id ? id.getName().toString() : value.toString();
            try {
                return Visibility.valueOf(constant);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": unknown visibility '" + value
                        + "'. Expected one of HIDDEN, AFTER_DUE_DATE, AFTER_PUBLISHED, VISIBLE.", e);
            }
        }
    }
}
