package org.nnlab.curriculum.lecture;

import static org.nnlab.core.layer.Activation.RELU;
import static org.nnlab.core.layer.Activation.SOFTMAX;
import static org.nnlab.core.train.Metric.ACCURACY;
import static org.nnlab.dsl.spec.LossKind.SPARSE_CATEGORICAL_CROSSENTROPY;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nnlab.core.tensor.Tensor;
import org.nnlab.core.train.FitOptions;
import org.nnlab.core.train.History;
import org.nnlab.core.train.Sequential;
import org.nnlab.data.mnist.LabeledImages;
import org.nnlab.data.mnist.MnistDataset;
import org.nnlab.dsl.Nn;
import org.nnlab.dsl.Optimizers;
import org.nnlab.viz.plot.Axes;
import org.nnlab.viz.plot.Figure;

/**
 * Section 7: the lecture's MNIST classifier, 28×28 → flatten → 100 ReLU → 10 softmax.
 *
 * <p>Each image becomes a vector of 784 pixel intensities in [0, 1]; the hidden layer learns 100
 * features of the strokes; the softmax output gives one probability per digit, and the loss is
 * sparse categorical cross-entropy, −log p(true digit). Runs on the 10,000 built-in digits, or on
 * any MNIST-format folder given with {@code --data} (full MNIST, Fashion-MNIST, …).
 */
final class MnistLesson implements Lesson {
    static final int EPOCHS = 5;
    static final String DSL = """
            Sequential model = Models.compile(Nn.input(28, 28)
                    .flatten()
                    .dense(100, RELU)
                    .dense(10, SOFTMAX)
                    .compile(Optimizers.adam(), SPARSE_CATEGORICAL_CROSSENTROPY, ACCURACY));
            model.fit(train, FitOptions.builder().epochs(5).batchSize(32).validationSplit(0.1).build());
            model.evaluate(test, 32);""";

    @Override
    public String id() {
        return "mnist";
    }

    @Override
    public String title() {
        return "7. MNIST: recognising handwritten digits";
    }

    @Override
    public void run(LessonContext ctx) throws Exception {
        MnistDataset dataset = ctx.dataFolder().isPresent() ? MnistDataset.load(ctx.dataFolder().get())
                : MnistDataset.builtin();
        LabeledImages train = dataset.train();
        LabeledImages test = dataset.test();
        List<String> classes = dataset.classNames();
        ctx.number("dataset", dataset.name());
        ctx.number("train_images", train.size());
        ctx.number("test_images", test.size());
        ctx.paragraph(String.format(Locale.ROOT, "Data: %s, %,d training and %,d test images of 28×28 pixels,"
                + " scaled to [0, 1]. %s", dataset.name(), train.size(), test.size(), ctx.dataFolder().isPresent()
                ? "Read from " + ctx.dataFolder().get() + "."
                : "These are the 10,000 real MNIST digits nnlab ships (CC BY-SA 3.0, from the MNIST database by"
                        + " LeCun and Cortes)."));
        ctx.figure("sample", sample(train, classes), "The first training image and its label.");

        ctx.code(DSL);
        Sequential model = Models.compile(Nn.input(28, 28)
                .flatten()
                .dense(100, RELU)
                .dense(10, SOFTMAX)
                .compile(Optimizers.adam(), SPARSE_CATEGORICAL_CROSSENTROPY, ACCURACY)
                .seed(ctx.seed()));
        ctx.code(model.summary());
        ctx.number("parameters", model.parameterCount());
        long t0 = System.nanoTime();
        History history = model.fit(train, FitOptions.builder().epochs(EPOCHS).batchSize(32).validationSplit(0.1)
                .verbosity(ctx.verbosity()).out(ctx.log()).build());
        double trainSeconds = (System.nanoTime() - t0) / 1e9;
        Map<String, Double> evaluation = model.evaluate(test, 256);
        double accuracy = evaluation.get("accuracy");
        ctx.number("epochs", EPOCHS);
        ctx.number("train_seconds", Math.round(trainSeconds * 100) / 100.0);
        ctx.number("val_accuracy", history.last("val_accuracy"));
        ctx.number("test_loss", evaluation.get("loss"));
        ctx.number("test_accuracy", accuracy);
        ctx.figure("curves", LessonFigures.curves(history, "accuracy"), "Loss and accuracy per epoch on the"
                + " training images and on the 10% held out for validation.");
        ctx.paragraph(String.format(Locale.ROOT, "Test accuracy after %d epochs: %.2f%% (loss %.4f), trained in"
                + " %.1f s.", EPOCHS, 100 * accuracy, evaluation.get("loss"), trainSeconds));

        Tensor testX = test.featuresTensor();
        Tensor probabilities = model.predict(testX, 256);
        int[] predicted = probabilities.argmaxRows();
        int[] actual = test.labels();
        ctx.figure("predictions", grid(test, predicted, classes), "The first 24 test images with their true and"
                + " predicted labels (true → predicted); wrong predictions are marked ✗.");
        int shown = firstMistakeOr(predicted, actual);
        ctx.figure("probabilities", stem(probabilities, shown, actual[shown], classes),
                "The softmax output for test image " + shown + " (true label " + classes.get(actual[shown]) + ").");
        int[][] confusion = new int[classes.size()][classes.size()];
        for (int i = 0; i < actual.length; i++) {
            confusion[actual[i]][predicted[i]]++;
        }
        ctx.figure("confusion", confusionMatrix(confusion, classes), "Confusion matrix on the test images: row ="
                + " true label, column = prediction; the diagonal counts the correct ones.");
    }

    private static Figure sample(LabeledImages images, List<String> classes) {
        Figure figure = new Figure(3, 3.2);
        Axes ax = figure.subplot();
        ax.imshow(pixels(images.image(0))).cmap(org.nnlab.viz.plot.Colormap.named("gray"));
        ax.title("label: " + classes.get(images.label(0))).xticks(new double[0]).yticks(new double[0]);
        return figure;
    }

    private static Figure grid(LabeledImages images, int[] predicted, List<String> classes) {
        int rows = 3;
        int cols = 8;
        Figure figure = new Figure(12, 5.4);
        List<Axes> axes = figure.subplots(rows, cols);
        for (int i = 0; i < rows * cols; i++) {
            Axes ax = axes.get(i);
            ax.imshow(pixels(images.image(i))).cmap(org.nnlab.viz.plot.Colormap.named("gray"));
            boolean right = predicted[i] == images.label(i);
            ax.title((right ? "" : "✗ ") + classes.get(images.label(i)) + " → " + classes.get(predicted[i]))
                    .xticks(new double[0]).yticks(new double[0]);
        }
        return figure;
    }

    private static Figure stem(Tensor probabilities, int row, int actual, List<String> classes) {
        Figure figure = new Figure(6.4, 3.6);
        Axes ax = figure.subplot();
        double[] x = new double[classes.size()];
        double[] p = new double[classes.size()];
        for (int k = 0; k < p.length; k++) {
            x[k] = k;
            p[k] = probabilities.get(row, k);
        }
        ax.stem(x, p).label("softmax output");
        ax.axvline(actual, "g--");
        ax.xticks(x, classes.toArray(String[]::new)).ylim(0, 1.05).ylabel("probability")
                .title("Predicted probabilities, test image " + row);
        return figure;
    }

    private static Figure confusionMatrix(int[][] counts, List<String> classes) {
        int k = classes.size();
        double[][] values = new double[k][k];
        int max = 1;
        for (int[] row : counts) {
            for (int c : row) {
                max = Math.max(max, c);
            }
        }
        Figure figure = new Figure(7, 6);
        Axes ax = figure.subplot();
        for (int r = 0; r < k; r++) {
            for (int c = 0; c < k; c++) {
                values[r][c] = counts[r][c];
            }
        }
        var image = ax.imshow(values).cmap(org.nnlab.viz.plot.Colormap.named("Blues"));
        for (int r = 0; r < k; r++) {
            for (int c = 0; c < k; c++) {
                if (counts[r][c] > 0) {
                    ax.text(c, r, Integer.toString(counts[r][c])).fontSize(8)
                            .align(org.nnlab.viz.plot.Annotation.Align.CENTER)
                            .color(counts[r][c] > max / 2 ? "w" : "k");
                }
            }
        }
        double[] ticks = new double[k];
        for (int i = 0; i < k; i++) {
            ticks[i] = i;
        }
        ax.xticks(ticks, classes.toArray(String[]::new)).yticks(ticks, classes.toArray(String[]::new));
        ax.xlabel("predicted").ylabel("true").title("Confusion matrix").colorbar(image, "images");
        return figure;
    }

    private static int firstMistakeOr(int[] predicted, int[] actual) {
        for (int i = 0; i < predicted.length; i++) {
            if (predicted[i] != actual[i]) {
                return i;
            }
        }
        return 0;
    }

    private static double[][] pixels(Tensor image) {
        int rows = image.dim(0);
        int cols = image.dim(1);
        double[][] out = new double[rows][cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                out[r][c] = image.get(r, c);
            }
        }
        return out;
    }
}
