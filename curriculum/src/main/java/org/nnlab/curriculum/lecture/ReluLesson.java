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
import org.nnlab.core.tensor.Precision;
import org.nnlab.core.train.FitOptions;
import org.nnlab.core.train.Sequential;
import org.nnlab.core.train.Verbosity;
import org.nnlab.data.Dataset;
import org.nnlab.data.synthetic.LectureData;
import org.nnlab.dsl.Nn;
import org.nnlab.viz.plot.Axes;
import org.nnlab.viz.plot.Figure;
import org.nnlab.viz.nn.MovieView;
import org.nnlab.viz.nn.ReluDecomposition;
import org.nnlab.viz.nn.TrainingMovie;

/**
 * Section 4 (the lecture's §4): a ReLU network is a sum of hinges, and more hinges fit a curve better.
 *
 * <p>With h(x) = max(0, x), a hidden unit computes h(wx + b): a hinge at x = −b/w. An output
 * neuron without bias adds the hinges with weights v: f(x) = Σⱼ vⱼ·h(wⱼx + bⱼ), a piecewise-linear
 * function with one kink per unit. We fit y = x³ + 0.1x² − x + 0.1 on 1,000 points of [−1.5, 1.5]
 * with 1, 2, 4 and 100 units, for the lecture's 500, 3000, 4000 and 1000 epochs, and watch the
 * error fall.
 */
final class ReluLesson implements Lesson {
    static final int[] WIDTHS = {1, 2, 4, 100};
    static final int[] EPOCHS = {500, 3000, 4000, 1000};
    /** The width whose training the report shows as a movie. */
    static final int MOVIE_UNITS = 4;

    @Override
    public String id() {
        return "relu";
    }

    @Override
    public String title() {
        return "4. ReLU networks: regression with hinges (lecture §4)";
    }

    @Override
    public void run(LessonContext ctx) {
        ctx.paragraph("The rectified linear unit h(x) = max(0, x) is a hinge. Shifting, scaling and flipping it"
                + " moves the kink and changes the slope (equal units on both axes, so the slopes read true):");
        ctx.figure("hinges", hinges(), "h(x), h(x − 0.5), h(−2x) and −h(−2x − 1).");
        ctx.paragraph("A hidden layer of ReLU units followed by an output neuron without bias adds hinges:"
                + " f(x) = Σⱼ vⱼ·h(wⱼx + bⱼ). We fit the cubic y = x³ + 0.1x² − x + 0.1 on 1,000 points of"
                + " [−1.5, 1.5] with Adam at Keras's default learning rate 0.001 and the mean squared error:");
        ctx.snippet("model");
        Dataset data = LectureData.cubic(1000, 0.0, ctx.seed());
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
        TrainingMovie hinges = null;
        for (int k = 0; k < WIDTHS.length; k++) {
            int units = WIDTHS[k];
            // SNIPPET model
            Sequential model = Models.compile(Nn.input(1)
                    .dense(units, RELU)                 // units hinges h(w·x + b)
                    .dense(1, d -> d.noBias())          // their weighted sum, no bias
                    .compile(Nn.adam(), MEAN_SQUARED_ERROR, MSE)
                    .seed(ctx.seed() + units));
            FitOptions.Builder fit = FitOptions.builder().epochs(EPOCHS[k]).batchSize(32).verbosity(Verbosity.SILENT);
            if (units == MOVIE_UNITS) {                 // film the 4 hinges: 50 frames over the 4000 epochs
                hinges = TrainingMovie.of(MovieView.FITTED_CURVE, data.features(), data.targets())
                        .everySteps(EPOCHS[k] * 32 / 50);
                fit.callbacks(hinges);
            }
            model.fit(data, fit.build());
            // END SNIPPET
            double mse = model.evaluate(data, 32).get("loss");
            mseByWidth.put(Integer.toString(units), mse);
            rows.add(List.of(units, EPOCHS[k], String.format(Locale.ROOT, "%.5f", mse)));
            Dense hidden = (Dense) model.layers().get(0);
            Dense output = (Dense) model.layers().get(1);
            if (units <= 2) {
                showWeights(ctx, units, hidden, output);
            }
            drawPieces(axes.get(k), hidden, output, grid, target, units, mse);
        }
        ctx.number("mse_by_units", mseByWidth);
        ctx.table(List.of("hidden units", "epochs", "mean squared error"), rows);
        ctx.figure("pieces", figure, "Each hidden unit's contribution vⱼ·h(wⱼx + bⱼ) (thin), the target cubic"
                + " (blue) and the network's output, their sum (red, dashed).");
        ctx.animation("hinges", hinges.animation(), "the " + MOVIE_UNITS + "-unit network from its random start: each thin line"
                + " is one unit's part vⱼ·h(wⱼx + bⱼ), with its kink at x = −bⱼ/wⱼ. The biases start at 0, so every kink"
                + " starts at x = 0 and the sum is nearly a straight line; training moves the kinks along x and turns"
                + " the slopes until their sum (red, dashed) follows the cubic.");
        ctx.number("hinge_movie_frames", hinges.frames());
        ctx.paragraph("One hinge can only bend once; two follow the cubic's two slopes roughly; four trace it; a"
                + " hundred are indistinguishable from it at this scale. The error falls as units are added.");
    }

    /** Prints the hidden kernel w, bias b and output kernel v as the lecture prints get_weights(). */
    private static void showWeights(LessonContext ctx, int units, Dense hidden, Dense output) {
        double[][] w = {hidden.kernel().value().to(Precision.FLOAT64).data().clone()};
        double[] b = hidden.bias().value().to(Precision.FLOAT64).data().clone();
        double[] v = output.kernel().value().to(Precision.FLOAT64).data();
        double[][] vColumn = new double[v.length][1];
        for (int j = 0; j < v.length; j++) {
            vColumn[j][0] = v[j];
        }
        Map<String, Object> weights = new LinkedHashMap<>();
        weights.put("w", w[0]);
        weights.put("b", b);
        weights.put("v", v.clone());
        ctx.number("weights_" + units + "_unit" + (units == 1 ? "" : "s"), weights);
        ctx.paragraph(units + " unit" + (units == 1 ? "" : "s") + ": the weights as the lecture prints them"
                + " (hidden kernel w, hidden bias b, output kernel v; ours, from nnlab's random stream, so not the"
                + " lecture's digits):");
        ctx.code("w = " + LessonFigures.numpy(w) + "\nb = " + LessonFigures.numpy(b) + "\nv = "
                + LessonFigures.numpy(vColumn).replace("\n", "\n    "));
    }

    private static void drawPieces(Axes ax, Dense hidden, Dense output, double[] grid, double[] target,
                                   int units, double mse) {
        ReluDecomposition.draw(ax, hidden, output, grid, target);
        ax.xlim(-1.5, 1.5).xlabel("$x$").ylabel("$y$")
                .title(String.format(Locale.ROOT, mse < 1e-3 ? "%d ReLU unit%s, MSE %.1e" : "%d ReLU unit%s, MSE %.4f",
                        units, units == 1 ? "" : "s", mse));
    }

    private static Figure hinges() {
        double[] x = new double[201];
        for (int i = 0; i < x.length; i++) {
            x[i] = -2 + 4.0 * i / (x.length - 1);
        }
        String[] titles = {"$h(x)$", "$h(x-0.5)$", "$h(-2x)$", "$-h(-2x-1)$"};
        Figure figure = new Figure(16, 4);   // four of the lecture's (4, 4) figures side by side
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
            axes.get(k).plot(x, y, "b-").lineWidth(3);
            axes.get(k).xlim(-2, 2).ylim(-3, 4).axisEqual().grid(0.3).title(titles[k], LessonFigures.FONT).xlabel("$x$");
        }
        return figure;
    }
}
