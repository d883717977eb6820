package org.nnlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nnlab.core.tensor.Tensor;

class StandardizerTest {
    private static final Tensor TRAIN = Tensor.matrix(new double[][] {{1, 5}, {3, 5}});

    @Test
    void fitsPopulationMeanAndStandardDeviationPerColumn() {
        Standardizer s = Standardizer.fit(TRAIN);
        assertArrayEquals(new double[] {2, 5}, s.means());
        assertArrayEquals(new double[] {1, 0}, s.standardDeviations());
    }

    @Test
    void appliesTrainingStatisticsToOtherData() {
        Standardizer s = Standardizer.fit(TRAIN);
        assertArrayEquals(new double[] {-1, 0, 1, 0}, s.transform(TRAIN).data());
        assertArrayEquals(new double[] {8, 2}, s.transform(Tensor.matrix(new double[][] {{10, 7}})).data());
    }

    @Test
    void leavesAConstantColumnCentredInsteadOfDividingByZero() {
        Tensor z = Standardizer.fit(TRAIN).transform(Tensor.matrix(new double[][] {{2, 4}}));
        assertEquals(-1.0, z.get(0, 1));
    }

    @Test
    void inverseTransformUndoesTransform() {
        Standardizer s = Standardizer.fit(Tensor.matrix(new double[][] {{1, -2}, {4, 8}, {0.5, 3}}));
        Tensor x = Tensor.matrix(new double[][] {{3, 1}});
        assertArrayEquals(x.data(), s.inverseTransform(s.transform(x)).data(), 1e-12);
    }

    @Test
    void rejectsDataOfAnotherWidth() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Standardizer.fit(TRAIN).transform(Tensor.zeros(1, 3)));
        assertTrue(e.getMessage().startsWith("This standardizer was fitted on rows of 2 values but got shape [1, 3]"),
                e.getMessage());
    }
}
