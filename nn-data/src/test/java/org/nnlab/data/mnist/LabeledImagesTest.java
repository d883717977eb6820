package org.nnlab.data.mnist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nnlab.core.tensor.Tensor;

class LabeledImagesTest {
    private static final List<String> ABC = List.of("a", "b", "c");

    /** Three 1×2 images with pixels (0, 255), (51, 102), (153, 204) and labels 2, 0, 1. */
    private static LabeledImages three() {
        byte[] px = {0, (byte) 255, 51, 102, (byte) 153, (byte) 204};
        return LabeledImages.of(px, new int[] {2, 0, 1}, 1, 2, ABC);
    }

    @Test
    void gathersABatchOfPixelsDividedBy255InTheGivenOrder() {
        double[] into = new double[4];
        three().gatherFeatures(new int[] {9, 2, 0}, 1, 3, into);
        assertArrayEquals(new double[] {153 / 255.0, 204 / 255.0, 0.0, 1.0}, into);
        double[] y = new double[2];
        three().gatherTargets(new int[] {2, 0}, 0, 2, y);
        assertArrayEquals(new double[] {1, 2}, y);
    }

    @Test
    void gathersFloatsAsTheDoublePixelsRoundedOnce() {
        float[] into = new float[4];
        three().range(1, 3).gatherFeatures(new int[] {1, 0}, 0, 2, into);
        assertArrayEquals(new float[] {(float) (153 / 255.0), (float) (204 / 255.0), (float) (51 / 255.0),
                (float) (102 / 255.0)}, into);
    }

    @Test
    void rangeIsAViewOfTheSameImages() {
        LabeledImages tail = three().range(1, 3);
        assertEquals(2, tail.size());
        assertEquals(0, tail.label(0));
        assertArrayEquals(new int[] {0, 1}, tail.labels());
        assertEquals(102 / 255.0, tail.image(0).get(0, 1));
        assertArrayEquals(new int[] {1, 1, 0}, tail.labelHistogram());
    }

    @Test
    void convertsToTensorsOnRequest() {
        LabeledImages images = three();
        assertArrayEquals(new int[] {3, 1, 2}, images.featuresTensor().shape());
        assertEquals(Tensor.vector(2, 0, 1), images.labelsTensor());
        assertArrayEquals(new double[] {0, 0, 1, 1, 0, 0, 0, 1, 0}, images.oneHotLabels().data());
        assertArrayEquals(new byte[] {51, 102}, images.pixels(1));
    }

    @Test
    void rejectsALabelWithoutAClassName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LabeledImages.of(new byte[2], new int[] {0, 3}, 1, 1, ABC));
        assertTrue(e.getMessage().startsWith("Label 1 is 3 but the classes are 0..2 [a, b, c]"), e.getMessage());
    }

    @Test
    void rejectsPixelsThatDoNotMatchTheLabelCount() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LabeledImages.of(new byte[5], new int[] {0, 1}, 1, 2, ABC));
        assertTrue(e.getMessage().startsWith("2 labels need 4 pixels of 1×2 images but got 5"), e.getMessage());
    }
}
