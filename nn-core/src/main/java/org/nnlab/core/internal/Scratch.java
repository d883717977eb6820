package org.nnlab.core.internal;

/**
 * One thread's packing buffers for the products, grown on demand and reused, in both precisions.
 *
 * <p>Two sets of rows, because a product needs both at once: the right-hand matrix packed one row
 * array per row ({@code packedRight}), read by every thread of a split product, and each thread's
 * own rows of the result being accumulated ({@code resultRows}). Reuse keeps the hot path free of
 * allocation. Contents are whatever the last product left. Each precision has its own buffers; the
 * float32 ones are generated from the float64 ones.
 */
final class Scratch {

    // [float64] The float32 twin below is generated from this code (Float32Generator).
    private double[][] packedRight64;
    private double[][] resultRows64;
    private double[] flat64 = new double[0];

    /** At least {@code count} rows of at least {@code length} values for the packed right-hand matrix. */
    double[][] packedRight64(int count, int length) {
        packedRight64 = grown(packedRight64, count, length);
        return packedRight64;
    }

    /** At least {@code count} rows of at least {@code length} values for rows of the result. */
    double[][] resultRows64(int count, int length) {
        resultRows64 = grown(resultRows64, count, length);
        return resultRows64;
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
    double[] flat64(int size) {
        if (flat64.length < size) {
            flat64 = new double[size];
        }
        return flat64;
    }
    // [float32] Generated from the [float64] code above by Float32Generator; do not edit.
    private float[][] packedRight32;
    private float[][] resultRows32;
    private float[] flat32 = new float[0];

    /** At least {@code count} rows of at least {@code length} values for the packed right-hand matrix. */
    float[][] packedRight32(int count, int length) {
        packedRight32 = grown(packedRight32, count, length);
        return packedRight32;
    }

    /** At least {@code count} rows of at least {@code length} values for rows of the result. */
    float[][] resultRows32(int count, int length) {
        resultRows32 = grown(resultRows32, count, length);
        return resultRows32;
    }

    private static float[][] grown(float[][] rows, int count, int length) {
        int haveLength = rows == null || rows.length == 0 ? 0 : rows[0].length;
        if (rows == null || rows.length < count || haveLength < length) {
            int c = Math.max(count, rows == null ? 0 : rows.length);
            int l = Math.max(length, haveLength);
            return new float[c][l];
        }
        return rows;
    }

    /** A flat buffer of at least {@code size} values. */
    float[] flat32(int size) {
        if (flat32.length < size) {
            flat32 = new float[size];
        }
        return flat32;
    }
    // [end float32]
}
