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
import org.nnlab.core.train.Callback;
import org.nnlab.core.train.History;
import org.nnlab.core.train.Monitor;
import org.nnlab.core.train.ReduceLROnPlateau;
import org.nnlab.core.train.Sequential;
import org.nnlab.data.mnist.DatasetResolver;
import org.nnlab.data.mnist.LabeledImages;
import org.nnlab.data.mnist.MnistDataset;
import org.nnlab.dsl.Nn;
import org.nnlab.viz.nn.ConfusionMatrix;
import org.nnlab.viz.nn.ImageGrid;
import org.nnlab.viz.nn.PredictionStem;
import org.nnlab.viz.nn.TrainingCurves;
import org.nnlab.viz.plot.Axes;
import org.nnlab.viz.plot.Colormap;
import org.nnlab.viz.plot.Figure;
import org.nnlab.viz.plot.Scale;

/**
 * Section 7 (the lecture's §7): the lecture's MNIST classifier, 28×28 → flatten → 100 ReLU → 10 softmax.
 *
 * <p>Each image becomes a vector of 784 pixel intensities in [0, 1]; the hidden layer learns 100
 * features of the strokes; the softmax output gives one probability per class, and the loss is
 * sparse categorical cross-entropy, −log p(true class). Trained for 5 epochs with no validation
 * split, then evaluated on the test images, as the lecture does. Runs on the 10,000 built-in
 * digits, or on any MNIST-format folder given with {@code --data} (full MNIST, Fashion-MNIST, …),
 * whose class names then label every figure.
 */
final class MnistLesson implements Lesson {
    static final int EPOCHS = 5;
    /** Epochs of the ReduceLROnPlateau run. */
    static final int PLATEAU_EPOCHS = 10;
    /** The test accuracy the lecture prints after 5 epochs on the full MNIST (60,000 training images). */
    static final double LECTURE_ACCURACY = 0.9749;

    @Override
    public String id() {
        return "mnist";
    }

    @Override
    public String title() {
        return "7. MNIST: recognising handwritten digits (lecture §7)";
    }

    @Override
    public String title(LessonContext ctx) {
        String name = ctx.mnist().name().toLowerCase(Locale.ROOT);
        if (name.contains("fashion")) {
            return "7. Fashion-MNIST: recognising clothing (the lecture's §7 on other data)";
        }
        return name.contains("mnist") || name.equals(DatasetResolver.BUILTIN) ? title()
                : "7. " + ctx.mnist().name() + ": the lecture's §7 classifier on other data";
    }

    @Override
    public void run(LessonContext ctx) throws Exception {
        MnistDataset dataset = ctx.mnist();
        LabeledImages train = dataset.train();
        LabeledImages test = dataset.test();
        List<String> classes = dataset.classNames();
        boolean builtin = dataset.name().equals(DatasetResolver.BUILTIN);
        ctx.number("dataset", dataset.name());
        ctx.number("train_images", train.size());
        ctx.number("test_images", test.size());
        ctx.paragraph(String.format(Locale.ROOT, "Data: %s, %,d training and %,d test images of 28×28 pixels,"
                + " scaled to [0, 1], in %d classes (%s). %s", dataset.name(), train.size(), test.size(),
                classes.size(), String.join(", ", classes), ctx.dataFolder().isPresent()
                ? "Read from " + ctx.dataFolder().get() + "."
                : "These are the 10,000 real MNIST digits nnlab ships (CC BY-SA 3.0, from the MNIST database by"
                        + " LeCun and Cortes); ./nnlab lecture --data DIR runs this section on the full MNIST or any"
                        + " other MNIST-format folder."));
        ctx.figure("sample", sample(train, classes), "The first training image and its class.");

        ctx.snippet("model");
        // SNIPPET model
        Sequential model = Models.compile(Nn.input(28, 28)
                .flatten()
                .dense(100, RELU)
                .dense(10, SOFTMAX)
                .compile(Nn.adam(), SPARSE_CATEGORICAL_CROSSENTROPY, ACCURACY)
                .seed(ctx.seed()));
        History history = model.fit(train, ctx.fit().epochs(EPOCHS).batchSize(32).build());
        Map<String, Double> evaluation = model.evaluate(test, 32);
        // END SNIPPET
        ctx.code(model.summary());
        ctx.number("parameters", model.parameterCount());
        double accuracy = evaluation.get("accuracy");
        ctx.number("epochs", EPOCHS);
        ctx.number("test_loss", evaluation.get("loss"));
        ctx.number("test_accuracy", accuracy);
        ctx.number("lecture_test_accuracy_full_mnist", LECTURE_ACCURACY);
        ctx.figure("curves", TrainingCurves.figure(history), "Loss and accuracy per epoch on the training images"
                + " (the lecture holds out no validation set, so there is no validation curve).");
        ctx.table(List.of("", "data", "test accuracy after 5 epochs"), List.of(
                List.of("the lecture (Keras)", "full MNIST: 60,000 training, 10,000 test images",
                        String.format(Locale.ROOT, "%.2f%%", 100 * LECTURE_ACCURACY)),
                List.of("nnlab, this run", String.format(Locale.ROOT, "%s: %,d training, %,d test images",
                        dataset.name(), train.size(), test.size()), String.format(Locale.ROOT, "%.2f%%", 100 * accuracy))));
        ctx.paragraph(builtin ? "The built-in set has 8,000 training images, 7.5 times fewer than full MNIST, so"
                + " its accuracy is a little lower; with --data pointing at the full MNIST the two runs are the same"
                + " experiment." : dataset.name().toLowerCase(Locale.ROOT).contains("fashion")
                ? "Fashion-MNIST is harder than the digits: the same model reaches well below the lecture's 97.49%,"
                + " as it does in Keras." : "The lecture's number is for the full MNIST.");

        Tensor testX = test.featuresTensor();
        Tensor probabilities = model.predict(testX, 256);
        int[] predicted = probabilities.argmaxRows();
        int[] actual = test.labels();
        ctx.figure("predictions", ImageGrid.figure(testX.sliceRows(0, 24), 28, Arrays.copyOf(actual, 24),
                Arrays.copyOf(predicted, 24), 8, classes), "The first 24 test images, true → predicted class;"
                + " wrong ones in red.");
        int shown = firstMistakeOr(predicted, actual);
        Figure stem = PredictionStem.figure(pixels(test.image(shown)), Arrays.copyOfRange(probabilities.to(Precision.FLOAT64).data(),
                shown * classes.size(), (shown + 1) * classes.size()), actual[shown], classes);
        ctx.figure("probabilities", stem, "Test image " + shown + " (true class " + classes.get(actual[shown])
                + ", predicted " + classes.get(predicted[shown]) + ") and the softmax output for it, the lecture's"
                + " 1 × 2 figure.");
        plateau(ctx, train);

        Figure confusion = new Figure(7, 6);
        ConfusionMatrix.draw(confusion.subplot(), actual, predicted, classes.size());
        ctx.figure("confusion", confusion, "Confusion matrix on the test images: row = true class, column ="
                + " prediction (" + String.join(", ", classes.subList(0, Math.min(10, classes.size())))
                + "); the diagonal counts the correct ones.");
    }

    /**
     * An addition to the lecture (issue 20): the same model for 10 epochs with a validation split and
     * Keras's ReduceLROnPlateau, which divides the learning rate by 5 whenever val_loss stops improving.
     */
    private static void plateau(LessonContext ctx, LabeledImages train) {
        ctx.paragraph("An addition to the lecture: training longer with a validation split, and letting Keras's"
                + " ReduceLROnPlateau callback lower Adam's learning rate by a factor of 5 each time the validation loss"
                + " fails to improve for an epoch:");
        ctx.snippet("plateau");
        // SNIPPET plateau
        Sequential model = Models.compile(Nn.input(28, 28).flatten().dense(100, RELU).dense(10, SOFTMAX)
                .compile(Nn.adam(), SPARSE_CATEGORICAL_CROSSENTROPY, ACCURACY)
                .seed(ctx.seed()));
        History history = model.fit(train, ctx.fit().epochs(PLATEAU_EPOCHS).batchSize(32).validationSplit(0.1)
                .callbacks(new ReduceLROnPlateau(ReduceLROnPlateau.Config.DEFAULTS
                        .monitor(Monitor.VAL_LOSS).factor(0.2).patience(1).minLr(1e-5)))
                .build());
        // END SNIPPET
        double[] rates = history.get(Callback.LEARNING_RATE);
        double[] valLoss = history.get("val_loss");
        ctx.number("plateau_learning_rate", rates);
        ctx.number("plateau_val_loss", valLoss);
        ctx.number("plateau_val_accuracy", history.get("val_accuracy"));
        double[] epochs = new double[rates.length];
        for (int e = 0; e < epochs.length; e++) {
            epochs[e] = e + 1;
        }
        Figure figure = new Figure(11, 4);
        List<Axes> axes = figure.subplots(1, 2);
        axes.get(0).plot(epochs, history.get("loss"), "bo-").label("loss");
        axes.get(0).plot(epochs, valLoss, "ro-").label("val_loss");
        axes.get(0).xlabel("epoch").ylabel("loss").title("Training and validation loss").grid(0.3).legend();
        axes.get(1).plot(epochs, rates, "go-").lineWidth(2);
        axes.get(1).yscale(Scale.LOG).xlabel("epoch").ylabel("learning_rate").title("Learning rate (from History)")
                .grid(0.3);
        ctx.figure("plateau", figure, "Left: loss and val_loss per epoch. Right: the learning rate each epoch"
                + " trained with, as History logs it (learning_rate), on a log scale.");
        int lowered = 0;
        for (int e = 1; e < rates.length; e++) {
            lowered += rates[e] < rates[e - 1] ? 1 : 0;
        }
        int best = 0;
        for (int e = 1; e < valLoss.length; e++) {
            best = valLoss[e] < valLoss[best] ? e : best;
        }
        ctx.paragraph(String.format(Locale.ROOT, "The learning rate was lowered %d time%s, from %.0e to %.0e; val_loss"
                + " was lowest at epoch %d (%.4f) and ended at %.4f, with validation accuracy %.2f%%.", lowered,
                lowered == 1 ? "" : "s", rates[0], rates[rates.length - 1], best + 1, valLoss[best],
                valLoss[valLoss.length - 1], 100 * history.last("val_accuracy")));
    }

    private static Figure sample(LabeledImages images, List<String> classes) {
        Figure figure = new Figure(4, 4);
        Axes ax = figure.subplot();
        ax.imshow(pixels(images.image(0))).cmap(Colormap.GRAY);
        ax.title("class: " + classes.get(images.label(0))).xticks(new double[0]).yticks(new double[0]);
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
