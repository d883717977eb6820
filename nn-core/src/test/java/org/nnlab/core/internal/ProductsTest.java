package org.nnlab.core.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nnlab.core.tensor.Precision;
import org.nnlab.core.tensor.Tensor;

/** A dense layer's products agree with the textbook references whichever kernel the workspace picks. */
class ProductsTest {

    @Test
    void agreeWithTheReferencesForSparseDenseAndLargeInputs() {
        SplittableRandom rng = new SplittableRandom(21);
        assertAgree(rng, 32, 784, 100, 0.8);   // MNIST-like: the sparse kernels
        assertAgree(rng, 32, 50, 20, 0.1);     // dense enough for the packed kernels
        assertAgree(rng, 400, 784, 10, 0.8);   // too many entries for the lists: the packed kernels
        assertAgree(rng, 3, 5, 1, 1.0);        // all zeros
        assertAgree(rng, 32, 100, 10, 0.5);    // a classifier: z and dW computed transposed
        assertAgree(rng, 7, 3, 15, 0.0);       // the widest output computed transposed
    }

    @Test
    void theWeightGradientNeedsAForwardPassFirst() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new Products().xTdz(Tensor.zeros(2, 2), Tensor.zeros(3, 2), null));
        assertEquals("Products.xTdz needs the x of a forward pass; call xW first", e.getMessage());
    }

    private static void assertAgree(SplittableRandom rng, int rows, int in, int out, double zeroFraction) {
        assertAgree(rng, rows, in, out, zeroFraction, true);
        // An inference forward lists no nonzeros; a backward pass after it goes the dense way.
        assertAgree(rng, rows, in, out, zeroFraction, false);
    }

    private static void assertAgree(SplittableRandom rng, int rows, int in, int out, double zeroFraction,
                                    boolean forBackward) {
        for (Precision precision : Precision.values()) {
            Tensor x = random(rng, precision, zeroFraction, rows, in);
            Tensor w = random(rng, precision, 0, in, out);
            Tensor b = random(rng, precision, 0, out);
            Tensor dz = random(rng, precision, 0, rows, out);
            Tensor dW = random(rng, precision, 0, in, out);
            Tensor db = random(rng, precision, 0, out);

            Products products = new Products();
            Tensor z = Tensor.zeros(precision, rows, out);
            products.xW(x, w, b, z, forBackward);
            Tensor dWFast = dW.copy();
            Tensor dbFast = db.copy();
            products.xTdz(dz, dWFast, dbFast);
            Tensor dx = Tensor.zeros(precision, rows, in);
            Products.dzWt(dz, w, dx);

            double[] zRef = new double[rows * out];
            for (int r = 0; r < rows; r++) {
                System.arraycopy(values(b), 0, zRef, r * out, out);
            }
            MatMul.abReference(values(x), values(w), zRef, rows, in, out, true);
            double[] dWRef = values(dW);
            MatMul.atbReference(values(x), values(dz), dWRef, rows, in, out, true);
            double[] dbRef = values(db);
            for (int r = 0; r < rows; r++) {
                for (int j = 0; j < out; j++) {
                    dbRef[j] += dz.get(r, j);
                }
            }
            double[] dxRef = new double[rows * in];
            MatMul.abtReference(values(dz), values(w), dxRef, rows, out, in, false);
            // float32 sums of up to 784 products of values in (−1, 1): well within 1e-3
            double tolerance = precision == Precision.FLOAT32 ? 1e-3 : 1e-10;
            String where = precision + " " + rows + "x" + in + "x" + out + (forBackward ? "" : ", inference");
            assertArrayEquals(zRef, values(z), tolerance, "z = x·W + b, " + where);
            assertArrayEquals(dWRef, values(dWFast), tolerance, "dW += xᵀ·dz, " + where);
            assertArrayEquals(dbRef, values(dbFast), tolerance, "db += Σ dz, " + where);
            assertArrayEquals(dxRef, values(dx), tolerance, "dx = dz·Wᵀ, " + where);
        }
    }

    private static double[] values(Tensor t) {
        return t.to(Precision.FLOAT64).data().clone();
    }

    private static Tensor random(SplittableRandom rng, Precision precision, double zeroFraction, int... shape) {
        Tensor t = Tensor.zeros(precision, shape);
        for (int i = 0; i < t.size(); i++) {
            t.set(i, rng.nextDouble() < zeroFraction ? 0 : rng.nextDouble(-1, 1));
        }
        return t;
    }

}
