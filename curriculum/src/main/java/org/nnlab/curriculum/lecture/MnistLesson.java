package org.nnlab.curriculum.lecture;

import static org.nnlab.core.layer.Activation.RELU;
import static org.nnlab.core.layer.Activation.SOFTMAX;
import static org.nnlab.core.train.Metric.ACCURACY;
import static org.nnlab.dsl.Nn.SPARSE_CATEGORICAL_CROSSENTROPY;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nnlab.core.tensor.Precision;
import org.nnlab.core.tensor.Tensor;
import org.nnlab.core.train.FitOptions;
import org.nnlab.core.train.History;
import org.nnlab.core.train.Sequential;
import org.nnlab.data.mnist.LabeledImages;
import org.nnlab.data.mnist.MnistDataset;
import org.nnlab.dsl.Nn;
import org.nnlab.viz.plot.Axes;
import org.nnlab.viz.plot.Figure;
import org.nnlab.viz.nn.ConfusionMatrix;
import org.nnlab.viz.nn.ImageGrid;
import org.nnlab.viz.nn.PredictionStem;
import org.nnlab.viz.nn.TrainingCurves;

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
                    .compile(Nn.adam(), SPARSE_CATEGORICAL_CROSSENTROPY, ACCURACY));
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
                .compile(Nn.adam(), SPARSE_CATEGORICAL_CROSSENTROPY, ACCURACY)
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
        ctx.figure("curves", TrainingCurves.figure(history), "Loss and accuracy per epoch on the"
                + " training images and on the 10% held out for validation.");
        ctx.paragraph(String.format(Locale.ROOT, "Test accuracy after %d epochs: %.2f%% (loss %.4f), trained in"
                + " %.1f s.", EPOCHS, 100 * accuracy, evaluation.get("loss"), trainSeconds));

        Tensor testX = test.featuresTensor();
        Tensor probabilities = model.predict(testX, 256);
        int[] predicted = probabilities.argmaxRows();
        int[] actual = test.labels();
        ctx.figure("predictions", ImageGrid.figure(testX.sliceRows(0, 24), 28, Arrays.copyOf(actual, 24),
                Arrays.copyOf(predicted, 24), 8), "The first 24 test images, true → predicted label; wrong ones in red.");
        int shown = firstMistakeOr(predicted, actual);
        Figure stem = new Figure(6.4, 3.6);
        Axes stemAxes = stem.subplot();
        PredictionStem.draw(stemAxes, Arrays.copyOfRange(probabilities.to(Precision.FLOAT64).data(), shown * classes.size(),
                (shown + 1) * classes.size()), actual[shown]);
        stemAxes.title("Predicted probabilities, test image " + shown);
        ctx.figure("probabilities", stem, "The softmax output for test image " + shown + " (true label "
                + classes.get(actual[shown]) + ", predicted " + classes.get(predicted[shown]) + ").");
        Figure confusion = new Figure(7, 6);
        ConfusionMatrix.draw(confusion.subplot(), actual, predicted, classes.size());
        ctx.figure("confusion", confusion, "Confusion matrix on the test images: row = true label, column ="
                + " prediction; the diagonal counts the correct ones.");
    }

    private static Figure sample(LabeledImages images, List<String> classes) {
        Figure figure = new Figure(3, 3.2);
        Axes ax = figure.subplot();
        ax.imshow(pixels(images.image(0))).cmap(org.nnlab.viz.plot.Colormap.named("gray"));
        ax.title("label: " + classes.get(images.label(0))).xticks(new double[0]).yticks(new double[0]);
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
