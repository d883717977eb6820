package org.nnlab.exercises.mnist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nnlab.core.train.Sequential;
import org.nnlab.exercise.Graded;
import org.nnlab.exercise.Visibility;
import org.nnlab.data.mnist.MnistDataset;

/** Graded tests of the MNIST exercise, on nn-data's built-in 10,000 digits (8,000 train, 2,000 test). */
class MnistClassifierTest {
    private static MnistDataset digits;

    @BeforeAll
    static void loadDigits() {
        digits = MnistDataset.builtin();
    }

    @Test
    @Graded(points = 2, name = "the 784-100-10 architecture")
    void buildsTheLectureArchitecture() {
        Sequential model = MnistClassifier.build(1);
        assertArrayEquals(new int[] {28, 28}, model.inputShape(), "input shape");
        assertArrayEquals(new int[] {10}, model.outputShape(), "output shape: one probability per digit");
        assertEquals(784 * 100 + 100 + 100 * 10 + 10, model.parameterCount(), "parameters of 784-100-10");
    }

    @Test
    @Graded(points = 4, name = "held-out accuracy ≥ 90% after 2 epochs", timeoutSeconds = 90)
    void reachesNinetyPercentOnHeldOutDigits() {
        Sequential model = MnistClassifier.train(digits.train(), 2, 7);
        double accuracy = MnistClassifier.accuracy(model, digits.test());
        System.out.printf(Locale.ROOT, "held-out accuracy after 2 epochs: %.2f%%%n", 100 * accuracy);
        assertTrue(accuracy >= 0.90, "accuracy on the 2,000 held-out digits was " + accuracy + "; the lecture's"
                + " model reaches about 0.93 after 2 epochs");
    }

    // BEGIN HIDDEN TESTS
    @Test
    @Graded(points = 2, name = "accuracy is counted correctly", visibility = Visibility.AFTER_DUE_DATE)
    void accuracyAgreesWithEvaluate() {
        Sequential model = MnistClassifier.build(3);
        model.compile(new org.nnlab.core.optim.Adam(0.001), new org.nnlab.core.loss.SparseCategoricalCrossentropy(),
                org.nnlab.core.train.Metric.ACCURACY);
        double expected = model.evaluate(digits.test(), 200).get("accuracy");
        assertEquals(expected, MnistClassifier.accuracy(model, digits.test()), 1e-9,
                "accuracy of an untrained model against nn-core's evaluate");
    }
    // END HIDDEN TESTS
}
