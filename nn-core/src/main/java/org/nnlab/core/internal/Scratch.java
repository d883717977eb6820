package org.nnlab.core.internal;

/**
 * One thread's packing buffers for {@link MatMul}, grown on demand and reused.
 *
 * <p>Two sets of rows, because a product needs both at once: the right-hand matrix packed one row
 * array per row ({@link #packedRight}), read by every thread of a split product, and each thread's
 * own rows of the result being accumulated ({@link #resultRows}). Reuse keeps the hot path free of
 * allocation. Contents are whatever the last product left.
 */
final class Scratch {
    private double[][] packedRight;
    private double[][] resultRows;
    private double[] flat = new double[0];

    /** At least {@code count} rows of at least {@code length} values for the packed right-hand matrix. */
    double[][] packedRight(int count, int length) {
        packedRight = grown(packedRight, count, length);
        return packedRight;
    }

    /** At least {@code count} rows of at least {@code length} values for rows of the result. */
    double[][] resultRows(int count, int length) {
        resultRows = grown(resultRows, count, length);
        return resultRows;
    }

    private static double[][] grown(double[][] rows, int count, int length) {
        int haveLength = rows == null || rows.length == 0 ? 0 : rows[0].length;
        if (rows == null || rows.length < count || haveLength < length) {
            int c = Math.max(count, rows == null ? 0 : rows.length);
            int l = Math.max(length, haveLength);
            return new double[c][l];
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
