package org.nnlab.core.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TensorTest {

    @Test
    void storesRowsContiguously() {
        Tensor t = Tensor.matrix(new double[][] {{1, 2, 3}, {4, 5, 6}});
        assertArrayEquals(new int[] {2, 3}, t.shape());
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, t.data(), 0.0);
        assertEquals(6.0, t.get(1, 2));
        t.set(0, 1, 9);
        assertEquals(9.0, t.get(1));
    }

    @Test
    void wrapRejectsDataOfTheWrongSize() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Tensor.wrap(new double[5], 2, 3));
        assertEquals("Cannot view 5 values as shape [2, 3], which holds 6 values", e.getMessage());
    }

    @Test
    void rejectsNegativeSizes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(2, -1));
        assertEquals("Shape [2, -1] has a negative size; every size must be >= 0", e.getMessage());
    }

    @Test
    void matrixRejectsRaggedRows() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Tensor.matrix(new double[][] {{1, 2}, {3, 4, 5}}));
        assertEquals("Row 1 has 3 values but row 0 has 2; a matrix needs rows of equal length", e.getMessage());
    }

    @Test
    void sizeOfRejectsShapesBeyondAnArray() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Tensor.sizeOf(new int[] {65536, 65536}));
        assertEquals("Shape [65536, 65536] holds 4294967296 values, more than a Java array can (2147483647)",
                e.getMessage());
    }

    @Test
    void reshapeSharesTheData() {
        Tensor t = Tensor.zeros(2, 3, 4);
        Tensor flat = t.reshape(6, 4);
        flat.data()[5] = 7;
        assertEquals(7.0, t.get(5));
        assertArrayEquals(new int[] {6, 4}, flat.shape());
    }

    @Test
    void reshapeRejectsAnotherSize() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Tensor.zeros(2, 3).reshape(4, 2));
        assertEquals("Cannot reshape [2, 3] (6 values) to [4, 2] (8 values)", e.getMessage());
    }

    @Test
    void flattenRowsKeepsTheBatchAxis() {
        Tensor images = Tensor.zeros(32, 28, 28);
        Tensor flat = images.flattenRows();
        assertArrayEquals(new int[] {32, 784}, flat.shape());
        assertSame(images.data(), flat.data());
        assertEquals(784, images.rowSize());
        assertEquals(5, Tensor.zeros(0, 5).rowSize());
    }

    @Test
    void sliceRowsCopies() {
        Tensor t = Tensor.matrix(new double[][] {{1, 2}, {3, 4}, {5, 6}});
        Tensor s = t.sliceRows(1, 3);
        assertEquals(Tensor.matrix(new double[][] {{3, 4}, {5, 6}}), s);
        s.data()[0] = 0;
        assertEquals(3.0, t.get(1, 0));
    }

    @Test
    void sliceRowsRejectsRangeOutside() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Tensor.zeros(3, 2).sliceRows(2, 5));
        assertEquals("Row range [2, 5) is outside [0, 3) of a tensor of shape [3, 2]", e.getMessage());
    }

    @Test
    void gatherRowsTakesRowsInIndexOrder() {
        Tensor t = Tensor.matrix(new double[][] {{0, 0}, {1, 1}, {2, 2}, {3, 3}});
        int[] order = {3, 1, 0, 2};
        Tensor batch = t.gatherRows(order, 1, 3, null);
        assertEquals(Tensor.matrix(new double[][] {{1, 1}, {0, 0}}), batch);
    }

    @Test
    void gatherRowsReusesABufferOfTheSameShape() {
        Tensor t = Tensor.zeros(10, 2, 3);
        Tensor buffer = Tensor.zeros(4, 2, 3);
        assertSame(buffer, t.gatherRows(new int[] {0, 1, 2, 3}, 0, 4, buffer));
    }

    @Test
    void gatherRowsDoesNotReuseABufferOfAnotherShape() {
        // [4, 6] holds as many values as [4, 2, 3] but is not the shape of a batch of this tensor.
        Tensor t = Tensor.zeros(10, 2, 3);
        Tensor buffer = Tensor.zeros(4, 6);
        Tensor batch = t.gatherRows(new int[] {0, 1, 2, 3}, 0, 4, buffer);
        assertNotSame(buffer, batch);
        assertArrayEquals(new int[] {4, 2, 3}, batch.shape());
    }

    @Test
    void gatherRowsRejectsAnIndexOutsideTheRows() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Tensor.zeros(3, 2).gatherRows(new int[] {0, 3}, 0, 2, null));
        assertEquals("Row index 3 at position 1 is outside [0, 3) of a tensor of shape [3, 2]", e.getMessage());
    }

    @Test
    void argmaxRowsPicksTheFirstOfTies() {
        Tensor t = Tensor.matrix(new double[][] {{0.1, 0.7, 0.2}, {0.5, 0.5, 0.0}, {-3, -2, -1}});
        assertArrayEquals(new int[] {1, 0, 2}, t.argmaxRows());
    }

    @Test
    void equalsComparesShapeAndBits() {
        Tensor a = Tensor.matrix(new double[][] {{1, 2}, {3, Double.NaN}});
        Tensor b = Tensor.matrix(new double[][] {{1, 2}, {3, Double.NaN}});
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, a.reshape(4));
        assertNotEquals(Tensor.vector(0.0), Tensor.vector(-0.0));
        assertNotEquals(a, Tensor.matrix(new double[][] {{1, 2}, {3, 4}}));
    }

    @Test
    void requireSameShapeNamesBothShapes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Tensor.zeros(32, 10).requireSameShape(Tensor.zeros(32, 5), "mean squared error"));
        assertEquals("mean squared error needs tensors of the same shape but got [32, 10] and [32, 5]", e.getMessage());
    }

    @Test
    void copyFromRejectsAnotherShape() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Tensor.zeros(2, 2).copyFrom(Tensor.zeros(4)));
        assertEquals("copyFrom needs tensors of the same shape but got [2, 2] and [4]", e.getMessage());
    }

    @Test
    void copyIsDeep() {
        Tensor t = Tensor.vector(1, 2);
        Tensor c = t.copy();
        c.data()[0] = 5;
        assertEquals(1.0, t.get(0));
    }

    @Test
    void findsTheFirstNonFiniteValue() {
        assertEquals(-1, Tensor.vector(1, 2).firstNonFinite());
        assertEquals(1, Tensor.vector(1, Double.NaN, Double.POSITIVE_INFINITY).firstNonFinite());
    }

    @Test
    void normIsEuclidean() {
        assertEquals(5.0, Tensor.vector(3, 4).norm(), 0.0);
    }

    @Test
    void describesShapesAsKerasDoes() {
        assertEquals("(None, 28, 28)", Tensor.describeShape(new int[] {28, 28}));
    }

    @Test
    void toStringIsANumpyLikeRoundedViewByShape() {
        assertEquals("Tensor([[ 1.0000,  0.5000],\n        [-2.0000,  0.2500]], shape=[2, 2])",
                Tensor.of(new double[][] {{1, 0.5}, {-2, 0.25}}).toString());
        assertEquals("Tensor([0.0000, 0.0000, 0.0000, ..., 0.0000, 0.0000, 0.0000], shape=[12])",
                Tensor.zeros(12).toString());
        assertEquals("Tensor([[[0.0000],\n         [1.0000]],\n\n        [[2.0000],\n         [3.0000]]], shape=[2, 2, 1])",
                Tensor.wrap(new double[] {0, 1, 2, 3}, 2, 2, 1).toString());
        assertEquals("Tensor([1.0000e-06, 2.5000e+03], shape=[2])", Tensor.of(1e-6, 2500).toString());
        assertEquals("Tensor([   NaN, 1.0000], shape=[2])", Tensor.of(Double.NaN, 1).toString());
        assertEquals(Tensor.vector(1, 2), Tensor.of(1, 2));
        assertEquals(Tensor.matrix(new double[][] {{1, 2}}), Tensor.of(new double[][] {{1, 2}}));
    }

    @Test
    void aFloat32TensorPrintsItsValuesAndSaysFloat32AsNumpySaysDtype() {
        assertEquals("Tensor([ 0.1000, -2.5000], shape=[2], dtype=float32)",
                Tensor.wrap(new float[] {0.1f, -2.5f}, 2).toString());
        assertEquals("Tensor([1.0000e-06, 2.5000e+03], shape=[2], dtype=float32)",
                Tensor.of(1e-6, 2500).to(Precision.FLOAT32).toString());
    }

    @Test
    void filledSetsEveryValue() {
        assertArrayEquals(new double[] {0.5, 0.5, 0.5}, Tensor.filled(0.5, 3).data(), 0.0);
    }

    @Test
    void recognisesABatchOfAnExampleShape() {
        Tensor images = Tensor.zeros(32, 28, 28);
        assertTrue(images.isBatchOf(new int[] {28, 28}));
        assertFalse(images.isBatchOf(new int[] {784}));
        assertFalse(images.isBatchOf(new int[] {32, 28, 28}));
        assertTrue(Tensor.zeros(5).isBatchOf(new int[0]));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(Precision.class)
    void firstNonFiniteFindsTheFirstNanOrInfinityAnywhere(Precision precision) {
        int n = 5000;
        for (int bad : new int[] {0, 1, 2047, 2048, 2049, 4096, n - 1}) {
            for (double value : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
                Tensor t = Tensor.zeros(precision, n);
                for (int i = 0; i < n; i++) {
                    t.set(i, i % 3 == 0 ? -0.0 : (i - 2500) * 1e30 / n);
                }
                assertEquals(-1, t.firstNonFinite(), precision + ": all finite, -0.0 and large values included");
                t.set(bad, value);
                t.set(Math.min(n - 1, bad + 7), Double.NaN);
                assertEquals(bad, t.firstNonFinite(), precision + ": " + value + " at " + bad);
            }
        }
        assertEquals(-1, Tensor.zeros(precision, 0).firstNonFinite(), "empty");
        assertEquals(precision == Precision.FLOAT32 ? 0 : -1, Tensor.filled(Precision.FLOAT64, 1e39, 1).to(precision)
                .firstNonFinite(), "1e39 is finite in double and overflows to infinity in float");
    }

    @Test
    void addSumsElementwiseInEitherPrecision() {
        for (Precision precision : Precision.values()) {
            Tensor a = Tensor.of(1, 2, 3).to(precision);
            a.add(Tensor.of(0.5, -2, 4).to(precision));
            assertEquals(1.5, a.get(0), 0.0, precision.toString());
            assertEquals(0.0, a.get(1), 0.0, precision.toString());
            assertEquals(7.0, a.get(2), 0.0, precision.toString());
        }
    }

    @Test
    void scaleMultipliesEveryElementInEitherPrecision() {
        for (Precision precision : Precision.values()) {
            Tensor a = Tensor.of(1, -2, 3).to(precision);
            a.scale(0.5);
            assertEquals(0.5, a.get(0), 0.0, precision.toString());
            assertEquals(-1.0, a.get(1), 0.0, precision.toString());
            assertEquals(1.5, a.get(2), 0.0, precision.toString());
        }
    }

    @Test
    void addRefusesAnotherPrecision() {
        Tensor a = Tensor.of(1, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> a.add(Tensor.of(1, 2).to(Precision.FLOAT32)));
        assertEquals("add needs two tensors of one precision but got float64 and float32."
                + " Hint: copyFrom converts between precisions.", e.getMessage());
    }
}
