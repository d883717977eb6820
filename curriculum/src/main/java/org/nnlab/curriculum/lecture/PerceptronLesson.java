package org.nnlab.curriculum.lecture;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.nnlab.core.init.Initializer;
import org.nnlab.core.layer.Activation;
import org.nnlab.core.layer.Dense;
import org.nnlab.core.tensor.Tensor;
import org.nnlab.core.train.PerceptronRule;
import org.nnlab.viz.nn.DataPoints;
import org.nnlab.viz.plot.Axes;
import org.nnlab.viz.plot.Figure;

/**
 * Section 1: the perceptron is a hyperplane, so it learns AND and OR but never XOR.
 *
 * <p>A perceptron computes step(w·x + b): it splits the plane along the line w·x + b = 0. The
 * perceptron rule w ← w + η(y − ŷ)x finds such a line whenever one exists (Rosenblatt's
 * convergence theorem). For XOR none exists: the points (0,1) and (1,0) lie on opposite corners
 * from (0,0) and (1,1), so every line leaves at least one point on the wrong side.
 */
final class PerceptronLesson implements Lesson {
    private static final double[][] CORNERS = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
    private static final int MAX_EPOCHS = 50;

    @Override
    public String id() {
        return "perceptron";
    }

    @Override
    public String title() {
        return "1. The perceptron is a hyperplane; XOR is not linearly separable (lecture §1)";
    }

    @Override
    public void run(LessonContext ctx) {
        ctx.paragraph("A perceptron computes step(a) with a = w₁x₁ + w₂x₂ + b, where step(a) = 1 if a > 0 and 0"
                + " otherwise, as the lecture defines it: it answers 1 strictly on one side of the line"
                + " w₁x₁ + w₂x₂ + b = 0 and 0 on the line and the other side. Rosenblatt's rule w ← w + η(y − ŷ)x"
                + " moves the line towards each misclassified point and stops once every point is on its side. We"
                + " train it on the four corners of the unit square with three targets: AND, OR and XOR.");
        ctx.snippet("perceptron");
        Figure figure = new Figure(12, 4);   // three of the lecture's (4, 4) panels
        List<Axes> axes = figure.subplots(1, 3);
        List<List<Object>> rows = new ArrayList<>();
        String[] names = {"AND", "OR", "XOR"};
        double[][] targets = {{0, 0, 0, 1}, {0, 1, 1, 1}, {0, 1, 1, 0}};
        for (int g = 0; g < 3; g++) {
            // SNIPPET perceptron
            Dense unit = new Dense("perceptron_" + names[g].toLowerCase(), 1, Activation.STEP, true,
                    Initializer.ZEROS, Initializer.ZEROS);
            unit.build(new int[] {2}, new SplittableRandom(ctx.seed()));
            PerceptronRule.Result result = new PerceptronRule(1.0, MAX_EPOCHS).train(unit,
                    Tensor.matrix(CORNERS), Tensor.wrap(targets[g].clone(), 4, 1));
            // END SNIPPET
            double w1 = unit.kernel().value().get(0, 0);
            double w2 = unit.kernel().value().get(1, 0);
            double b = unit.bias().value().get(0);
            int fewest = result.errorsPerEpoch().stream().mapToInt(Integer::intValue).min().orElseThrow();
            rows.add(List.of(names[g], result.converged() ? "yes" : "no", result.epochs(), fewest,
                    String.format(java.util.Locale.ROOT, "%+.0f·x₁ %+.0f·x₂ %+.0f", w1, w2, b)));
            String key = names[g].toLowerCase();
            ctx.number(key + "_converged", result.converged());
            ctx.number(key + "_epochs", result.epochs());
            ctx.number(key + "_fewest_errors", fewest);
            drawGate(axes.get(g), names[g], targets[g], w1, w2, b, result.converged());
        }
        ctx.table(List.of("target", "converged", "epochs", "fewest errors in an epoch", "learned line w·x + b"), rows);
        ctx.figure("gates", figure, "The four corners coloured by target (blue 0, orange 1) and the perceptron's"
                + " final line. For AND and OR the line separates the classes; for XOR the rule cycles for "
                + MAX_EPOCHS + " epochs and the last line still misclassifies points.");
        ctx.paragraph("XOR needs two lines, that is, a hidden layer: section 3 shows a 2-2-1 network whose two"
                + " hidden units each draw one line and whose output unit combines the two half-planes.");
    }

    private static void drawGate(Axes ax, String name, double[] y, double w1, double w2, double b, boolean converged) {
        int[] classes = new int[4];
        double[] x1 = new double[4];
        double[] x2 = new double[4];
        for (int i = 0; i < 4; i++) {
            x1[i] = CORNERS[i][0];
            x2[i] = CORNERS[i][1];
            classes[i] = (int) y[i];
        }
        DataPoints.draw(ax, x1, x2, classes);
        if (w1 != 0 || w2 != 0) {
            LessonFigures.line(ax, w1, w2, b, -0.5, 1.5, converged ? "g-" : "r--",
                    converged ? "separating line" : "last line (fails)");
        }
        ax.xlim(-0.5, 1.5).ylim(-0.5, 1.5).axisEqual().grid(0.3).legend(1);
        ax.title(name + (converged ? " (learned)" : " (not separable)")).xlabel("$x_1$").ylabel("$x_2$");
    }
}
