package org.nnlab.exercises.mnist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nnlab.core.layer.Activation;
import org.nnlab.core.layer.Dense;
import org.nnlab.core.layer.Flatten;
import org.nnlab.core.layer.Layer;
import org.nnlab.core.loss.SparseCategoricalCrossentropy;
import org.nnlab.core.optim.Adam;
import org.nnlab.core.train.Metric;
import org.nnlab.core.train.Sequential;
import org.nnlab.data.mnist.LabeledImages;
import org.nnlab.data.mnist.MnistDataset;
import org.nnlab.exercise.Graded;
import org.nnlab.exercise.TrustedModel;
import org.nnlab.exercise.Visibility;

/**
 * Graded tests of the MNIST exercise, on nn-data's built-in 10,000 digits (8,000 train, 2,000 test).
 *
 * <p>Every number graded is measured here: a model the submission returns is rebuilt from
 * nn-core's own layers ({@link TrustedModel}) and evaluated by nn-core on the 2,000 test digits,
 * which student code cannot read (the grader's sandbox gives it no access to nn-data's files); the
 * submission only ever gets copies.
 */
class MnistClassifierTest {
    private static MnistDataset digits;

    @BeforeAll
    static void loadDigits() {
        digits = MnistDataset.builtin();
    }

    /** A copy of {@code images}, so the submission can change nothing the tests use later. */
    private static LabeledImages copyOf(LabeledImages images) {
        int size = images.rows() * images.cols();
        byte[] pixels = new byte[images.size() * size];
        for (int i = 0; i < images.size(); i++) {
            System.arraycopy(images.pixels(i), 0, pixels, i * size, size);
        }
        return LabeledImages.of(pixels, images.labels(), images.rows(), images.cols(), images.classNames());
    }

    /** The fraction of {@code test} the (trusted) {@code model} classifies right, by nn-core's evaluate. */
    private static double accuracyOf(Sequential model, LabeledImages test) {
        model.compile(new Adam(0.001), new SparseCategoricalCrossentropy(), Metric.ACCURACY);
        return model.evaluate(test, 200).get("accuracy");
    }

    @Test
    @Graded(points = 2, name = "the 784-100-10 architecture")
    void buildsTheLectureArchitecture() {
        Sequential model = TrustedModel.rebuild(MnistClassifier.build(1));
        assertArrayEquals(new int[] {28, 28}, model.inputShape(), "input shape");
        List<Layer> layers = model.layers();
        assertEquals(3, layers.size(), "layers: Flatten, Dense(100, RELU), Dense(10, SOFTMAX)");
        assertTrue(layers.get(0) instanceof Flatten, "the first layer flattens the 28×28 image");
        assertEquals(100, ((Dense) layers.get(1)).units(), "hidden units");
        assertEquals(Activation.RELU, ((Dense) layers.get(1)).activation(), "hidden activation");
        assertEquals(10, ((Dense) layers.get(2)).units(), "output units: one probability per digit");
        assertEquals(Activation.SOFTMAX, ((Dense) layers.get(2)).activation(), "output activation");
        assertEquals(784 * 100 + 100 + 100 * 10 + 10, model.parameterCount(), "parameters of 784-100-10");
    }

    @Test
    @Graded(points = 4, name = "held-out accuracy ≥ 90% after 2 epochs", timeoutSeconds = 90)
    void reachesNinetyPercentOnHeldOutDigits() {
        Sequential model = TrustedModel.rebuild(MnistClassifier.train(copyOf(digits.train()), 2, 7));
        double accuracy = accuracyOf(model, digits.test());
        System.out.printf(Locale.ROOT, "held-out accuracy after 2 epochs: %.2f%%%n", 100 * accuracy);
        assertTrue(accuracy >= 0.90, "accuracy on the 2,000 held-out digits was " + accuracy + "; the lecture's"
                + " model reaches about 0.93 after 2 epochs");
    }

    // BEGIN HIDDEN TESTS
    @Test
    @Graded(points = 2, name = "accuracy is counted correctly", visibility = Visibility.AFTER_DUE_DATE)
    void accuracyAgreesWithEvaluate() {
        Sequential model = new Sequential(new int[] {28, 28}, List.of(new Flatten(),
                new Dense(100, Activation.RELU), new Dense(10, Activation.SOFTMAX)), 3);
        model.compile(new Adam(0.001), new SparseCategoricalCrossentropy(), Metric.ACCURACY);
        LabeledImages sample = digits.test().range(0, 500);
        double expected = model.evaluate(sample, 100).get("accuracy");
        double actual = MnistClassifier.accuracy(TrustedModel.rebuild(model), copyOf(sample));
        assertEquals(expected, actual, 1e-9, "accuracy of an untrained model on 500 digits against nn-core's evaluate");
    }
    // END HIDDEN TESTS
}
