package starter;

import static org.nnlab.dsl.Nn.*;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.nnlab.core.tensor.Tensor;
import org.nnlab.core.train.History;
import org.nnlab.data.mnist.MnistDataset;
import org.nnlab.dsl.Model;
import org.nnlab.viz.nn.ImageGrid;
import org.nnlab.viz.nn.TrainingCurves;
import org.nnlab.viz.report.Report;

/** Trains the lecture's MNIST classifier and writes an HTML report: {@code mvn -q compile exec:java}. */
public final class DigitClassifier {
    private DigitClassifier() {
    }

    /** Trains, evaluates, and writes the report to {@code args[0]} (default {@code report.html}). */
    public static void main(String[] args) throws Exception {
        MnistDataset digits = MnistDataset.builtin();              // 8,000 + 2,000 real MNIST digits, no download
        Model model = input(28, 28).flatten().dense(100, RELU).dense(10, SOFTMAX)
                .compile(adam(), SPARSE_CATEGORICAL_CROSSENTROPY, ACCURACY)
                .build();
        System.out.print(model.summary());
        History history = model.fit(digits.train(), f -> f.epochs(5).validationSplit(0.1));   // Keras-style progress bar
        Map<String, Double> test = model.evaluate(digits.test());
        System.out.printf("test accuracy: %.4f%n", test.get("accuracy"));

        Tensor images = digits.test().featuresTensor().sliceRows(0, 24);
        int[] predicted = model.predict(images).argmaxRows();
        int[] truth = Arrays.copyOf(digits.test().labels(), 24);
        Report.titled("My digit classifier")
                .paragraph(String.format("Test accuracy: %.2f%%", 100 * test.get("accuracy")))
                .figure(TrainingCurves.figure(history), "Loss and accuracy per epoch.")
                .figure(ImageGrid.figure(images, 28, truth, predicted, 8), "True → predicted labels.")
                .writeTo(Path.of(args.length > 0 ? args[0] : "report.html"));
    }
}
