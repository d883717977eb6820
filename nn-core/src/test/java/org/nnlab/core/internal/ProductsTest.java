package org.nnlab.core.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A dense layer's products agree with the textbook references whichever kernel the workspace picks. */
class ProductsTest {

    @Test
    void agreeWithTheReferencesForSparseDenseAndLargeInputs() {
        SplittableRandom rng = new SplittableRandom(21);
        assertAgree(rng, 32, 784, 100, 0.8);   // MNIST-like: the sparse kernels
        assertAgree(rng, 32, 50, 20, 0.1);     // dense enough for the packed kernels
        assertAgree(rng, 400, 784, 10, 0.8);   // too many entries for the lists: the packed kernels
        assertAgree(rng, 3, 5, 1, 1.0);        // all zeros
    }

    @Test
    void theWeightGradientNeedsAForwardPassFirst() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new Products().xTdz(new double[4], 2, new double[6]));
        assertEquals("Products.xTdz needs the x of a forward pass; call xW first", e.getMessage());
    }

    private static void assertAgree(SplittableRandom rng, int rows, int in, int out, double zeroFraction) {
        double[] x = random(rng, rows * in, zeroFraction);
        double[] w = random(rng, in * out, 0);
        double[] dz = random(rng, rows * out, 0);
        double[] dW = random(rng, in * out, 0);

        Products products = new Products();
        double[] y = new double[rows * out];
        products.xW(x, rows, in, w, out, y);
        double[] dWFast = dW.clone();
        products.xTdz(dz, out, dWFast);
        double[] dx = new double[rows * in];
        Products.dzWt(dz, w, dx, rows, out, in);

        double[] yRef = new double[rows * out];
        MatMul.abReference(x, w, yRef, rows, in, out, false);
        double[] dWRef = dW.clone();
        MatMul.atbReference(x, dz, dWRef, rows, in, out, true);
        double[] dxRef = new double[rows * in];
        MatMul.abtReference(dz, w, dxRef, rows, out, in, false);
        assertArrayEquals(yRef, y, 1e-10);
        assertArrayEquals(dWRef, dWFast, 1e-10);
        assertArrayEquals(dxRef, dx, 1e-10);
    }

    private static double[] random(SplittableRandom rng, int n, double zeroFraction) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = rng.nextDouble() < zeroFraction ? 0 : rng.nextDouble(-1, 1);
        }
        return v;
    }
}
