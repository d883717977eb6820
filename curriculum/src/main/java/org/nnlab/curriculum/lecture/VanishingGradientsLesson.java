package org.nnlab.curriculum.lecture;

import static org.nnlab.core.layer.Activation.RELU;
import static org.nnlab.core.layer.Activation.SIGMOID;
import static org.nnlab.core.train.Metric.MSE;
import static org.nnlab.dsl.Nn.MEAN_SQUARED_ERROR;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.nnlab.core.layer.Activation;
import org.nnlab.core.tensor.Precision;
import org.nnlab.core.tensor.Tensor;
import org.nnlab.core.train.Finding;
import org.nnlab.core.train.FitOptions;
import org.nnlab.core.train.GradientNormRecorder;
import org.nnlab.core.train.History;
import org.nnlab.core.train.Sequential;
import org.nnlab.core.train.Verbosity;
import org.nnlab.data.Dataset;
import org.nnlab.data.synthetic.LectureData;
import org.nnlab.dsl.LayerStage;
import org.nnlab.dsl.Nn;
import org.nnlab.viz.nn.TrainingMovie;
import org.nnlab.viz.plot.Axes;
import org.nnlab.viz.plot.Figure;
import org.nnlab.viz.plot.Scale;

/**
 * Section 8 (the lecture's §8): vanishing gradients, and two remedies: batch normalization and dropout.
 *
 * <p>σ'(x) = σ(x)(1 − σ(x)) ≤ 1/4, so each sigmoid layer multiplies the backpropagated gradient by
 * at most 1/4 (times the weights): in the deep regressor 1 → 30 → 100 → 100 → 30 → 1 the first
 * layer's gradient is orders of magnitude smaller than the last one's. ReLU (derivative 1 where
 * active) and batch normalization (which keeps pre-activations where σ' is largest) keep the
 * gradients alive. On the ten-point overfitting set the plain deep net, its batch-normalized
 * version, and a version with dropout 0.2 fit visibly different curves.
 */
final class VanishingGradientsLesson implements Lesson {
    /** The lecture's epochs for the plain, batch-normalized and dropout fits of the ten points. */
    static final int PLAIN_EPOCHS = 5000;
    static final int BATCH_NORM_EPOCHS = 4000;
    static final int DROPOUT_EPOCHS = 200;
    private static final int[] HIDDEN_UNITS = {30, 100, 100, 30};
    /** The gradient-norm movie: epochs on the 256-point cubic (8 steps each) and steps between frames. */
    static final int MOVIE_EPOCHS = 20;
    static final int MOVIE_STEPS = 4;

    @Override
    public String id() {
        return "vanishing";
    }

    @Override
    public String title() {
        return "8. Vanishing gradients, batch normalization and dropout (lecture §8)";
    }

    @Override
    public void run(LessonContext ctx) {
        ctx.paragraph("The sigmoid's derivative σ'(x) = σ(x)(1 − σ(x)) is at most 1/4, reached at x = 0; tanh's"
                + " is at most 1. Backpropagation multiplies one such factor per layer, so in a deep sigmoid network"
                + " the gradient shrinks on its way to the first layers.");
        ctx.figure("activations", activations(ctx), "σ and tanh with their derivatives; σ' never exceeds 1/4.");

        ctx.paragraph("The lecture's deep regressor 1 → 30 → 100 → 100 → 30 → 1, with sigmoid hidden layers; its"
                + " batch-normalized version places each BatchNormalization between a Dense layer without"
                + " activation and the sigmoid, and its dropout version drops 20% after every hidden layer:");
        ctx.snippet("networks");
        Dataset cubic = LectureData.cubic(256, 0.0, ctx.seed());
        Map<String, LayerStage> nets = new LinkedHashMap<>();
        nets.put("sigmoid", plain(SIGMOID));
        nets.put("relu", plain(RELU));
        nets.put("sigmoid + batch norm", batchNormalized());
        Figure normsFigure = new Figure(8, 4);
        Axes na = normsFigure.subplot();
        Map<String, Object> ratios = new LinkedHashMap<>();
        Map<String, Object> monitorFindings = new LinkedHashMap<>();
        List<List<Object>> rows = new ArrayList<>();
        for (Map.Entry<String, LayerStage> net : nets.entrySet()) {
            Sequential model = compile(net.getValue(), ctx.seed());
            GradientNormRecorder recorder = new GradientNormRecorder();
            History history = model.fit(cubic, FitOptions.builder().epochs(1).batchSize(32).verbosity(Verbosity.SILENT)
                    .diagnostics(true).callbacks(recorder).build());
            monitorFindings.put(net.getKey(), findings(history));
            double[] means = recorder.meanNorms().values().stream().mapToDouble(Double::doubleValue).toArray();
            double[] layerIndex = new double[means.length];
            for (int i = 0; i < means.length; i++) {
                layerIndex[i] = i + 1;
            }
            na.plot(layerIndex, means, "o-").lineWidth(3).label(net.getKey());
            double ratio = means[0] / means[means.length - 1];
            ratios.put(net.getKey(), ratio);
            rows.add(List.of(net.getKey(), String.format(Locale.ROOT, "%.2e", means[0]),
                    String.format(Locale.ROOT, "%.2e", means[means.length - 1]), String.format(Locale.ROOT, "%.2e", ratio)));
        }
        ctx.number("first_to_last_gradient_ratio", ratios);
        na.xticks(new double[] {1, 2, 3, 4, 5}, "1", "2", "3", "4", "5");
        na.yscale(Scale.LOG).xlabel("Dense layer (1 = nearest the input)").ylabel("mean ‖∂L/∂W‖")
                .title("Gradient norm per layer, first epoch").grid(0.3).legend();
        ctx.figure("gradient-norms", normsFigure, "Mean norm of each Dense layer's kernel gradient over the"
                + " first epoch, log scale. In the sigmoid network it falls towards the input.");
        ctx.table(List.of("network", "‖∂L/∂W‖ first layer", "‖∂L/∂W‖ last layer", "first / last"), rows);
        ctx.number("monitor_findings", monitorFindings);
        ctx.paragraph("nnlab's training monitor, on whenever fit prints progress (and here asked for with"
                + " diagnostics(true)), measures the same ratio over the first epoch and reports, for the three networks:");
        List<List<Object>> found = new ArrayList<>();
        monitorFindings.forEach((net, text) -> found.add(List.of(net, text)));
        ctx.table(List.of("network", "what the training monitor found"), found);

        ctx.paragraph("The same measurement while training goes on, as a movie: " + MOVIE_EPOCHS + " epochs of both"
                + " sigmoid networks, a frame every " + MOVIE_STEPS + " steps, each frame the mean gradient norm per layer"
                + " over the steps since the previous one, on one log scale for all frames:");
        ctx.snippet("movie");
        // SNIPPET movie
        TrainingMovie sigmoidNorms = TrainingMovie.gradientNorms().everySteps(MOVIE_STEPS).title("sigmoid");
        TrainingMovie normalizedNorms = TrainingMovie.gradientNorms().everySteps(MOVIE_STEPS)
                .title("sigmoid + batch norm");
        compile(plain(SIGMOID), ctx.seed()).fit(cubic, FitOptions.builder().epochs(MOVIE_EPOCHS).batchSize(32)
                .verbosity(Verbosity.SILENT).callbacks(sigmoidNorms).build());
        compile(batchNormalized(), ctx.seed()).fit(cubic, FitOptions.builder().epochs(MOVIE_EPOCHS).batchSize(32)
                .verbosity(Verbosity.SILENT).callbacks(normalizedNorms).build());
        // END SNIPPET
        double[] sigmoidRatios = firstToLast(sigmoidNorms);
        double[] normalizedRatios = firstToLast(normalizedNorms);
        ctx.number("movie_first_to_last_sigmoid", sigmoidRatios);
        ctx.number("movie_first_to_last_batch_norm", normalizedRatios);
        ctx.animation("gradient-norms-movie", TrainingMovie.together("Gradient norm per layer during training",
                sigmoidNorms, normalizedNorms), String.format(Locale.ROOT, "left the sigmoid network, right the"
                + " batch-normalized one; layer 1 is nearest the input. Over the %d frames the first layer's gradient"
                + " norm is between %.1e and %.1e of the last layer's without batch normalization; with it, %.1f to"
                + " %.1f times the last layer's: the gradient no longer vanishes on its way to the input.", sigmoidNorms.frames(), min(sigmoidRatios), max(sigmoidRatios),
                min(normalizedRatios), max(normalizedRatios)));

        ctx.paragraph("Ten noisy points invite a deep network to overfit. As the lecture does, we fit the plain"
                + " network for " + PLAIN_EPOCHS + " epochs, the batch-normalized one for " + BATCH_NORM_EPOCHS
                + " and the one with dropout for " + DROPOUT_EPOCHS + ", with Adam (learning rate 0.001) and the"
                + " mean squared error:");
        ctx.snippet("fits");
        Dataset ten = LectureData.overfittingTen();
        Figure fits = new Figure(20, 4.5);
        List<Axes> axes = fits.subplots(1, 4);
        Map<String, LayerStage> variants = new LinkedHashMap<>();
        variants.put("deep sigmoid", plain(SIGMOID));
        variants.put("with batch normalization", batchNormalized());
        variants.put("with dropout 0.2", withDropout());
        variants.put("with L2 0.01", withL2());
        int[] epochs = {PLAIN_EPOCHS, BATCH_NORM_EPOCHS, DROPOUT_EPOCHS, PLAIN_EPOCHS};
        double[] grid = new double[201];
        for (int i = 0; i < grid.length; i++) {
            grid[i] = -5 + 10.0 * i / (grid.length - 1);
        }
        Map<String, Object> trainMse = new LinkedHashMap<>();
        Map<String, Object> trainLoss = new LinkedHashMap<>();
        int k = 0;
        for (Map.Entry<String, LayerStage> variant : variants.entrySet()) {
            // SNIPPET fits
            Sequential model = compile(variant.getValue(), ctx.seed());
            model.fit(ten, FitOptions.builder().epochs(epochs[k]).batchSize(32).verbosity(Verbosity.SILENT).build());
            // END SNIPPET
            Map<String, Double> evaluation = model.evaluate(ten, 10);
            double mse = evaluation.get("mse");
            trainMse.put(variant.getKey(), mse);
            trainLoss.put(variant.getKey(), evaluation.get("loss"));
            Tensor curve = model.predict(Tensor.wrap(grid.clone(), grid.length, 1));
            Axes ax = axes.get(k);
            ax.plot(ten.features().data(), ten.targets().data(), "bo").label("data");
            ax.plot(grid, curve.to(Precision.FLOAT64).data(), "r-").lineWidth(3).label("fit");
            ax.title(String.format(Locale.ROOT, evaluation.get("loss") > mse + 1e-9 ? "%s, %d epochs, loss %.3f, MSE %.3f"
                    : "%s, %d epochs, MSE %4$.3f", variant.getKey().replace("with ", ""), epochs[k], evaluation.get("loss"),
                    mse))
                    .xlabel("$x$").ylabel("$y$").xlim(-5, 5).ylim(-8, 4).grid(0.3).legend(3);
            k++;
        }
        ctx.number("ten_point_train_mse", trainMse);
        ctx.number("ten_point_train_loss", trainLoss);
        ctx.figure("overfitting", fits, "The ten points and each network's fitted curve. The L2 variant (an addition"
                + " to the lecture, from §8.3's list of remedies) reports two numbers: its loss includes the penalty"
                + " 0.01·Σw² on the hidden kernels, its MSE is the data error alone.");
        double plain = (Double) trainMse.get("deep sigmoid");
        double normalized = (Double) trainMse.get("with batch normalization");
        double dropped = (Double) trainMse.get("with dropout 0.2");
        double penalized = (Double) trainMse.get("with L2 0.01");
        ctx.paragraph(String.format(Locale.ROOT, "With 16,321 weights for 10 points, the plain network drives the"
                + " training error to %.4f by bending towards every point: it memorises noise. Batch normalization"
                + " ends at %.4f; it speeds and stabilises training (the gradients above no longer vanish) but is no"
                + " regulariser by design. Dropout trains a different thinned network at every step and cannot rely"
                + " on any single unit, and in its 200 epochs it ends at %.4f with a smoother curve: it trades"
                + " training error for a less wiggly fit.", plain, normalized, dropped));
        ctx.paragraph(String.format(Locale.ROOT, "The L2 penalty (Keras's kernel_regularizer=L2(0.01) on each hidden"
                + " layer) makes large weights cost: after the same %d epochs as the plain network its loss is %.3f, of"
                + " which the data error is only %.3f; the rest is the penalty, which keeps the weights small and the"
                + " curve smooth instead of threading every point.", PLAIN_EPOCHS, (Double) trainLoss.get("with L2 0.01"),
                penalized));

        ctx.paragraph("Overfitting shows only against data the network does not train on. Holding out 3 of the ten"
                + " points (validationSplit 0.3, after a fixed shuffle) and asking for the training monitor:");
        ctx.snippet("monitor");
        // SNIPPET monitor
        History held = compile(plain(SIGMOID), ctx.seed()).fit(ten.shuffle(ctx.seed()), FitOptions.builder()
                .epochs(PLAIN_EPOCHS).batchSize(32).validationSplit(0.3).verbosity(Verbosity.SILENT)
                .diagnostics(true).build());
        // END SNIPPET
        ctx.number("held_out_findings", findings(held));
        ctx.code(held.findings().stream().map(Finding::toString).collect(Collectors.joining("\n")));
    }

    /** Each frame's first-layer gradient norm over the last layer's. */
    private static double[] firstToLast(TrainingMovie movie) {
        return movie.gradientNormsPerFrame().stream().mapToDouble(n -> n[0] / n[n.length - 1]).toArray();
    }

    private static double min(double[] v) {
        return Arrays.stream(v).min().orElse(Double.NaN);
    }

    private static double max(double[] v) {
        return Arrays.stream(v).max().orElse(Double.NaN);
    }

    /** The findings' kinds and observations, or "nothing" when there are none. */
    private static String findings(History history) {
        return history.findings().isEmpty() ? "nothing" : history.findings().stream()
                .map(f -> f.kind().title() + " (" + f.kind().section() + "): " + f.observation())
                .collect(Collectors.joining("; "));
    }

    // SNIPPET networks
    /** The deep regressor's hidden layers 30-100-100-30, each Dense with {@code activation}. */
    static LayerStage plain(Activation activation) {
        LayerStage stage = Nn.input(1);
        for (int units : HIDDEN_UNITS) {
            stage = stage.dense(units, activation);
        }
        return stage;
    }

    /** As the lecture places it: Dense without activation → BatchNormalization → Activation('sigmoid'). */
    static LayerStage batchNormalized() {
        LayerStage stage = Nn.input(1);
        for (int units : HIDDEN_UNITS) {
            stage = stage.dense(units).batchNormalization().activation(SIGMOID);
        }
        return stage;
    }

    /** Dropout of rate 0.2 after every hidden layer. */
    static LayerStage withDropout() {
        LayerStage stage = Nn.input(1);
        for (int units : HIDDEN_UNITS) {
            stage = stage.dense(units, SIGMOID).dropout(0.2);
        }
        return stage;
    }

    /** An L2 penalty of 0.01 on each hidden kernel, Keras's {@code kernel_regularizer=L2(0.01)}. */
    static LayerStage withL2() {
        LayerStage stage = Nn.input(1);
        for (int units : HIDDEN_UNITS) {
            stage = stage.dense(units, SIGMOID, d -> d.kernelRegularizer(Nn.l2(0.01)));
        }
        return stage;
    }

    /** Each ends in one linear output unit, trained with Adam (learning rate 0.001) on the mean squared error. */
    private static Sequential compile(LayerStage hidden, long seed) {
        return Models.compile(hidden.dense(1)
                .compile(Nn.adam(), MEAN_SQUARED_ERROR, MSE)
                .seed(seed));
    }
    // END SNIPPET

    private static Figure activations(LessonContext ctx) {
        double[] x = new double[241];
        double[] s = new double[x.length];
        double[] ds = new double[x.length];
        double[] t = new double[x.length];
        double[] dt = new double[x.length];
        double maxSigmoidSlope = 0;
        for (int i = 0; i < x.length; i++) {
            x[i] = -6 + 12.0 * i / (x.length - 1);
            s[i] = Activation.sigmoid(x[i]);
            ds[i] = s[i] * (1 - s[i]);
            t[i] = Math.tanh(x[i]);
            dt[i] = 1 - t[i] * t[i];
            maxSigmoidSlope = Math.max(maxSigmoidSlope, ds[i]);
        }
        ctx.number("max_sigmoid_derivative", maxSigmoidSlope);
        Figure figure = new Figure(10, 3.8);
        List<Axes> axes = figure.subplots(1, 2);
        axes.get(0).plot(x, s, "b-").label("$\\sigma(x)$");
        axes.get(0).plot(x, ds, "r--").label("$\\sigma'(x)$");
        axes.get(0).axhline(0.25, "k:");
        axes.get(0).title("sigmoid").xlabel("$x$").grid(0.3).legend("upper left");
        axes.get(1).plot(x, t, "b-").label("tanh(x)");
        axes.get(1).plot(x, dt, "r--").label("tanh'(x)");
        axes.get(1).title("tanh").xlabel("$x$").grid(0.3).legend("upper left");
        return figure;
    }
}
