package org.nnlab.curriculum.lecture;

import static org.nnlab.core.layer.Activation.RELU;
import static org.nnlab.core.layer.Activation.SIGMOID;
import static org.nnlab.core.train.Metric.MSE;
import static org.nnlab.dsl.Nn.MEAN_SQUARED_ERROR;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nnlab.core.layer.Activation;
import org.nnlab.core.tensor.Precision;
import org.nnlab.core.tensor.Tensor;
import org.nnlab.core.train.FitOptions;
import org.nnlab.core.train.GradientNormRecorder;
import org.nnlab.core.train.Sequential;
import org.nnlab.core.train.Verbosity;
import org.nnlab.data.Dataset;
import org.nnlab.data.synthetic.LectureData;
import org.nnlab.dsl.LayerStage;
import org.nnlab.dsl.Nn;
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
        List<List<Object>> rows = new ArrayList<>();
        for (Map.Entry<String, LayerStage> net : nets.entrySet()) {
            Sequential model = compile(net.getValue(), ctx.seed());
            GradientNormRecorder recorder = new GradientNormRecorder();
            model.fit(cubic, FitOptions.builder().epochs(1).batchSize(32).verbosity(Verbosity.SILENT)
                    .callbacks(recorder).build());
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

        ctx.paragraph("Ten noisy points invite a deep network to overfit. As the lecture does, we fit the plain"
                + " network for " + PLAIN_EPOCHS + " epochs, the batch-normalized one for " + BATCH_NORM_EPOCHS
                + " and the one with dropout for " + DROPOUT_EPOCHS + ", with Adam (learning rate 0.001) and the"
                + " mean squared error:");
        ctx.snippet("fits");
        Dataset ten = LectureData.overfittingTen();
        Figure fits = new Figure(15, 4.5);
        List<Axes> axes = fits.subplots(1, 3);
        Map<String, LayerStage> variants = new LinkedHashMap<>();
        variants.put("deep sigmoid", plain(SIGMOID));
        variants.put("with batch normalization", batchNormalized());
        variants.put("with dropout 0.2", withDropout());
        int[] epochs = {PLAIN_EPOCHS, BATCH_NORM_EPOCHS, DROPOUT_EPOCHS};
        double[] grid = new double[201];
        for (int i = 0; i < grid.length; i++) {
            grid[i] = -5 + 10.0 * i / (grid.length - 1);
        }
        Map<String, Object> trainMse = new LinkedHashMap<>();
        int k = 0;
        for (Map.Entry<String, LayerStage> variant : variants.entrySet()) {
            // SNIPPET fits
            Sequential model = compile(variant.getValue(), ctx.seed());
            model.fit(ten, FitOptions.builder().epochs(epochs[k]).batchSize(32).verbosity(Verbosity.SILENT).build());
            // END SNIPPET
            double mse = model.evaluate(ten, 10).get("loss");
            trainMse.put(variant.getKey(), mse);
            Tensor curve = model.predict(Tensor.wrap(grid.clone(), grid.length, 1));
            Axes ax = axes.get(k);
            ax.plot(ten.features().data(), ten.targets().data(), "bo").label("data");
            ax.plot(grid, curve.to(Precision.FLOAT64).data(), "r-").lineWidth(3).label("fit");
            ax.title(String.format(Locale.ROOT, "%s, %d epochs, MSE %.3f", variant.getKey().replace("with ", ""),
                    epochs[k], mse))
                    .xlabel("$x$").ylabel("$y$").xlim(-5, 5).ylim(-8, 4).grid(0.3).legend(3);
            k++;
        }
        ctx.number("ten_point_train_mse", trainMse);
        ctx.figure("overfitting", fits, "The ten points and each network's fitted curve.");
        double plain = (Double) trainMse.get("deep sigmoid");
        double normalized = (Double) trainMse.get("with batch normalization");
        double dropped = (Double) trainMse.get("with dropout 0.2");
        ctx.paragraph(String.format(Locale.ROOT, "With 16,321 weights for 10 points, the plain network drives the"
                + " training error to %.4f by bending towards every point: it memorises noise. Batch normalization"
                + " ends at %.4f; it speeds and stabilises training (the gradients above no longer vanish) but is no"
                + " regulariser by design. Dropout trains a different thinned network at every step and cannot rely"
                + " on any single unit, and in its 200 epochs it ends at %.4f with a smoother curve: it trades"
                + " training error for a less wiggly fit.", plain, normalized, dropped));
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
