package org.nnlab.core.train;

import java.util.Arrays;
import org.nnlab.core.tensor.Precision;
import org.nnlab.core.tensor.Tensor;

/** {@link Examples} backed by two in-memory tensors. */
final class TensorExamples implements Examples {
    private final Tensor x;
    private final Tensor y;

    TensorExamples(Tensor x, Tensor y) {
        this.x = x;
        this.y = y;
    }

    @Override
    public int size() {
        return x.rows();
    }

    @Override
    public int[] featureShape() {
        int[] s = x.shape();
        return Arrays.copyOfRange(s, 1, s.length);
    }

    @Override
    public int[] targetShape() {
        int[] s = y.shape();
        return Arrays.copyOfRange(s, 1, s.length);
    }

    @Override
    public void gatherFeatures(int[] indices, int from, int to, double[] into) {
        gather(x, indices, from, to, into);
    }

    /** The tensors are only read. */
    @Override
    public boolean concurrentGathers() {
        return true;
    }

    @Override
    public void gatherFeatures(int[] indices, int from, int to, float[] into) {
        int w = x.rowSize();
        for (int r = 0; r < to - from; r++) {
            int row = indices[from + r] * w;
            if (x.precision() == Precision.FLOAT32) {
                System.arraycopy(x.floatData(), row, into, r * w, w);
            } else {
                double[] d = x.data();
                for (int k = 0; k < w; k++) {
                    into[r * w + k] = (float) d[row + k];
                }
            }
        }
    }

    @Override
    public void gatherTargets(int[] indices, int from, int to, double[] into) {
        gather(y, indices, from, to, into);
    }

    private static void gather(Tensor t, int[] indices, int from, int to, double[] into) {
        int w = t.rowSize();
        for (int r = 0; r < to - from; r++) {
            int row = indices[from + r] * w;
            if (t.precision() == Precision.FLOAT64) {
                System.arraycopy(t.data(), row, into, r * w, w);
            } else {
                float[] f = t.floatData();
                for (int k = 0; k < w; k++) {
                    into[r * w + k] = f[row + k];
                }
            }
        }
    }
}
