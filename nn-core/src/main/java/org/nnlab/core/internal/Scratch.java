package org.nnlab.core.internal;

/**
 * One thread's packing buffers for {@link MatMul}, grown on demand and reused.
 *
 * <p>Reuse keeps the hot path free of allocation. Contents are whatever the last product left.
 */
final class Scratch {
    private final double[][][] rowSets = new double[2][][];
    private double[] flat = new double[0];

    /** Row set {@code set} (0 or 1): at least {@code count} rows of at least {@code length} values. */
    double[][] rows(int set, int count, int length) {
        double[][] rows = rowSets[set];
        int haveLength = rows == null || rows.length == 0 ? 0 : rows[0].length;
        if (rows == null || rows.length < count || haveLength < length) {
            int c = Math.max(count, rows == null ? 0 : rows.length);
            int l = Math.max(length, haveLength);
            rows = new double[c][l];
            rowSets[set] = rows;
        }
        return rows;
    }

    /** A flat buffer of at least {@code size} values. */
    double[] flat(int size) {
        if (flat.length < size) {
            flat = new double[size];
        }
        return flat;
    }
}
