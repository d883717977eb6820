package org.nnlab.curriculum.lecture;

import static org.nnlab.core.layer.Activation.RELU;
import static org.nnlab.core.train.Metric.MSE;
import static org.nnlab.dsl.Nn.MEAN_SQUARED_ERROR;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nnlab.core.layer.Dense;
import org.nnlab.core.train.FitOptions;
import org.nnlab.core.train.Sequential;
import org.nnlab.core.train.Verbosity;
import org.nnlab.data.Dataset;
import org.nnlab.data.synthetic.LectureData;
import org.nnlab.dsl.Nn;
import org.nnlab.viz.plot.Axes;
import org.nnlab.viz.plot.Figure;
import org.nnlab.viz.nn.ReluDecomposition;

/**
 * Section 4: a ReLU network is a sum of hinges, and more hinges fit a curve better.
 *
 * <p>With h(x) = max(0, x), a hidden unit computes h(wx + b): a hinge at x = −b/w. An output
 * neuron without bias adds the hinges with weights v: f(x) = Σⱼ vⱼ·h(wⱼx + bⱼ), a piecewise-linear
 * function with one kink per unit. We fit y = x³ + 0.1x² − x + 0.1 on [−1.5, 1.5] with 1, 2, 4
 * and 100 units and watch the error fall.
 */
final class ReluLesson implements Lesson {
    static final int[] WIDTHS = {1, 2, 4, 100};
    static final int EPOCHS = 300;
    static final String DSL = """
            Sequential model = Models.compile(Nn.input(1)
                    .dense(units, RELU)                 // units hinges h(w·x + b)
                    .dense(1, d -> d.noBias())          // their weighted sum, no bias
                    .compile(Nn.adam().learningRate(0.01), MEAN_SQUARED_ERROR, MSE));
            model.fit(data, FitOptions.builder().epochs(300).batchSize(32).build());""";

    @Override
    public String id() {
        return "relu";
    }

    @Override
    public String title() {
        return "4. ReLU networks: regression with hinges";
    }

    @Override
    public void run(LessonContext ctx) {
        ctx.paragraph("The rectified linear unit h(x) = max(0, x) is a hinge. Shifting, scaling and flipping it"
                + " moves the kink and changes the slope:");
        ctx.figure("hinges", hinges(), "h(x), h(x − 0.5), h(−2x) and −h(−2x − 1).");
        ctx.paragraph("A hidden layer of ReLU units followed by an output neuron without bias adds hinges:"
                + " f(x) = Σⱼ vⱼ·h(wⱼx + bⱼ). We fit the cubic y = x³ + 0.1x² − x + 0.1 on 500 points of [−1.5, 1.5]:");
        ctx.code(DSL);
        Dataset data = LectureData.cubic(500, 0.0, ctx.seed());
        double[] grid = new double[301];
        for (int i = 0; i < grid.length; i++) {
            grid[i] = -1.5 + 3.0 * i / (grid.length - 1);
        }
        double[] target = new double[grid.length];
        for (int i = 0; i < grid.length; i++) {
            target[i] = LectureData.cubic(grid[i]);
        }
        Figure figure = new Figure(12, 8);
        List<Axes> axes = figure.subplots(2, 2);
        Map<String, Object> mseByWidth = new LinkedHashMap<>();
        List<List<Object>> rows = new ArrayList<>();
        for (int k = 0; k < WIDTHS.length; k++) {
            int units = WIDTHS[k];
            Sequential model = Models.compile(Nn.input(1)
                    .dense(units, RELU)
                    .dense(1, d -> d.noBias())
                    .compile(Nn.adam().learningRate(0.01), MEAN_SQUARED_ERROR, MSE)
                    .seed(ctx.seed() + units));
            model.fit(data, FitOptions.builder().epochs(EPOCHS).batchSize(32).verbosity(Verbosity.SILENT).build());
            double mse = model.evaluate(data, 32).get("loss");
            mseByWidth.put(Integer.toString(units), mse);
            rows.add(List.of(units, String.format(Locale.ROOT, "%.5f", mse)));
            drawPieces(axes.get(k), (Dense) model.layers().get(0), (Dense) model.layers().get(1), grid, target,
                    units, mse);
        }
        ctx.number("mse_by_units", mseByWidth);
        ctx.table(List.of("hidden units", "mean squared error"), rows);
        ctx.figure("pieces", figure, "Each hidden unit's contribution vⱼ·h(wⱼx + bⱼ), their sum (the network's"
                + " prediction) and the target cubic.");
        ctx.paragraph("One hinge can only bend once; two follow the cubic's two slopes roughly; four trace it; a"
                + " hundred are indistinguishable from it at this scale. The error falls as units are added.");
    }

    private static void drawPieces(Axes ax, Dense hidden, Dense output, double[] grid, double[] target,
                                   int units, double mse) {
        ReluDecomposition.draw(ax, hidden, output, grid, target);
        ax.ylim(-2, 2).xlim(-1.5, 1.5).grid(0.3).xlabel("$x$").ylabel("$y$")
                .title(String.format(Locale.ROOT, "%d ReLU unit%s, MSE %.4f", units, units == 1 ? "" : "s", mse));
    }

    private static Figure hinges() {
        double[] x = new double[201];
        for (int i = 0; i < x.length; i++) {
            x[i] = -2 + 4.0 * i / (x.length - 1);
        }
        String[] titles = {"$h(x)$", "$h(x-0.5)$", "$h(-2x)$", "$-h(-2x-1)$"};
        Figure figure = new Figure(12, 3);
        List<Axes> axes = figure.subplots(1, 4);
        for (int k = 0; k < 4; k++) {
            double[] y = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                y[i] = switch (k) {
                    case 0 -> Math.max(0, x[i]);
                    case 1 -> Math.max(0, x[i] - 0.5);
                    case 2 -> Math.max(0, -2 * x[i]);
                    default -> -Math.max(0, -2 * x[i] - 1);
                };
            }
            axes.get(k).plot(x, y, "b-").lineWidth(2);
            axes.get(k).xlim(-2, 2).ylim(-3, 4).grid(0.3).title(titles[k]).xlabel("$x$");
        }
        return figure;
    }
}
