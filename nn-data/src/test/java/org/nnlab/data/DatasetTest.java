package org.nnlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nnlab.core.tensor.Tensor;

class DatasetTest {
    /** Ten rows: features (i, 10·i), target i. */
    private static Dataset ten() {
        double[][] x = new double[10][];
        double[] y = new double[10];
        for (int i = 0; i < 10; i++) {
            x[i] = new double[] {i, 10 * i};
            y[i] = i;
        }
        return Dataset.of(Tensor.matrix(x), Tensor.wrap(y, 10, 1));
    }

    @Test
    void shuffleKeepsRowsTogetherAndDependsOnlyOnTheSeed() {
        Dataset a = ten().shuffle(42);
        assertEquals(a.features(), ten().shuffle(42).features());
        assertNotEquals(a.features(), ten().shuffle(43).features());
        for (int i = 0; i < 10; i++) {
            assertEquals(a.targets().get(i), a.features().get(i, 0));
            assertEquals(10 * a.targets().get(i), a.features().get(i, 1));
        }
        double[] sorted = a.targets().data().clone();
        Arrays.sort(sorted);
        assertArrayEquals(ten().targets().data(), sorted);
    }

    @Test
    void splitPutsTheRoundedTestFractionInTheTestPart() {
        Dataset.Split s = ten().testSplit(0.25, 7);
        assertEquals(7, s.train().size());
        assertEquals(3, s.test().size());
        List<Double> all = new ArrayList<>();
        for (double v : s.train().targets().data()) {
            all.add(v);
        }
        for (double v : s.test().targets().data()) {
            all.add(v);
        }
        assertEquals(10, all.stream().distinct().count());
    }

    @Test
    void batchesCoverEveryRowOnceWithASmallerLastBatch() {
        List<Integer> sizes = new ArrayList<>();
        double sum = 0;
        for (Dataset.Batch b : ten().batches(4, 1)) {
            sizes.add(b.features().rows());
            assertEquals(b.features().rows(), b.targets().rows());
            for (double v : b.targets().data()) {
                sum += v;
            }
        }
        assertEquals(List.of(4, 4, 2), sizes);
        assertEquals(45.0, sum);
    }

    @Test
    void unshuffledBatchesAreInRowOrder() {
        Dataset.Batch first = ten().batches(3).iterator().next();
        assertArrayEquals(new double[] {0, 1, 2}, first.targets().data());
    }

    @Test
    void oneHotEncodesClassIndices() {
        Tensor h = Dataset.oneHot(Tensor.vector(2, 0), 3);
        assertArrayEquals(new double[] {0, 0, 1, 1, 0, 0}, h.data());
        assertArrayEquals(new int[] {10, 10}, ten().oneHot(10).targets().shape());
    }

    @Test
    void oneHotRejectsALabelOutsideTheClasses() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Dataset.oneHot(Tensor.vector(0, 3), 3));
        assertTrue(e.getMessage().startsWith("Row 1 has label 3.0 but one-hot encoding with 3 classes needs an integer"
                + " in [0, 3)"), e.getMessage());
    }

    @Test
    void permutationIsAPermutation() {
        int[] p = Dataset.permutation(1000, 5);
        int[] s = p.clone();
        Arrays.sort(s);
        for (int i = 0; i < 1000; i++) {
            assertEquals(i, s[i]);
        }
        assertArrayEquals(p, Dataset.permutation(1000, 5));
    }

    @Test
    void isExamplesForTheTrainingLoop() {
        double[] into = new double[4];
        ten().gatherFeatures(new int[] {3, 1}, 0, 2, into);
        assertArrayEquals(new double[] {3, 30, 1, 10}, into);
        assertArrayEquals(new int[] {1}, ten().targetShape());
    }
}
