package org.nnlab.data.idx;

import java.util.Arrays;
import java.util.Objects;
import org.nnlab.core.tensor.Tensor;

/**
 * The contents of one IDX file: its element type, its dimensions, and its values in their natural
 * primitive form, row-major (the last dimension varies fastest).
 *
 * <p>Bytes stay bytes: 60,000 MNIST images are a 47 MB {@code byte[]}, not 376 MB of doubles.
 * Ask for the array that matches {@link #type()} ({@link #bytes()} for both byte types,
 * {@link #shorts()}, {@link #ints()}, {@link #floats()}, {@link #doubles()}); the others throw.
 * {@link #getAsDouble(int)} and {@link #toTensor()} read any type, unsigned bytes as 0 to 255.
 * The accessors return the backing array (no copy), so an {@code IdxArray} is as immutable as
 * its caller lets it be.
 */
public final class IdxArray {
    private final IdxType type;
    private final int[] dims;
    private final Object data;

    private IdxArray(IdxType type, int[] dims, Object data, int length) {
        this.type = type;
        this.dims = dims.clone();
        long n = checkedSize(this.dims);
        if (n != length) {
            throw new IllegalArgumentException("Dimensions " + Arrays.toString(dims) + " hold " + n
                    + " values but the " + type.name().toLowerCase() + " array has " + length
                    + ". Hint: the product of the dimensions must equal the array length.");
        }
        this.data = data;
    }

    /** Unsigned bytes (IDX type {@code 0x08}), e.g. MNIST pixels; values are read as {@code b & 0xFF}. */
    public static IdxArray ofUnsignedBytes(byte[] values, int... dims) {
        return new IdxArray(IdxType.UNSIGNED_BYTE, dims, values, values.length);
    }

    /** Signed bytes (IDX type {@code 0x09}). */
    public static IdxArray ofBytes(byte[] values, int... dims) {
        return new IdxArray(IdxType.BYTE, dims, values, values.length);
    }

    /** 16-bit integers (IDX type {@code 0x0B}). */
    public static IdxArray ofShorts(short[] values, int... dims) {
        return new IdxArray(IdxType.SHORT, dims, values, values.length);
    }

    /** 32-bit integers (IDX type {@code 0x0C}). */
    public static IdxArray ofInts(int[] values, int... dims) {
        return new IdxArray(IdxType.INT, dims, values, values.length);
    }

    /** 32-bit floats (IDX type {@code 0x0D}). */
    public static IdxArray ofFloats(float[] values, int... dims) {
        return new IdxArray(IdxType.FLOAT, dims, values, values.length);
    }

    /** 64-bit doubles (IDX type {@code 0x0E}). */
    public static IdxArray ofDoubles(double[] values, int... dims) {
        return new IdxArray(IdxType.DOUBLE, dims, values, values.length);
    }

    /** The element type. */
    public IdxType type() {
        return type;
    }

    /** A copy of the dimensions, e.g. {@code [60000, 28, 28]}. */
    public int[] dims() {
        return dims.clone();
    }

    /** Dimension {@code axis}. */
    public int dim(int axis) {
        return dims[axis];
    }

    /** The number of dimensions (0 for a single value). */
    public int rank() {
        return dims.length;
    }

    /** The number of values: the product of the dimensions. */
    public int size() {
        return (int) checkedSize(dims);
    }

    /** The values of an {@link IdxType#UNSIGNED_BYTE} or {@link IdxType#BYTE} array. */
    public byte[] bytes() {
        if (type != IdxType.UNSIGNED_BYTE && type != IdxType.BYTE) {
            throw wrongType("bytes()");
        }
        return (byte[]) data;
    }

    /** The values of a {@link IdxType#SHORT} array. */
    public short[] shorts() {
        return (short[]) require(IdxType.SHORT, "shorts()");
    }

    /** The values of an {@link IdxType#INT} array. */
    public int[] ints() {
        return (int[]) require(IdxType.INT, "ints()");
    }

    /** The values of a {@link IdxType#FLOAT} array. */
    public float[] floats() {
        return (float[]) require(IdxType.FLOAT, "floats()");
    }

    /** The values of a {@link IdxType#DOUBLE} array. */
    public double[] doubles() {
        return (double[]) require(IdxType.DOUBLE, "doubles()");
    }

    /** Value {@code i} of the flat, row-major data as a double; unsigned bytes give 0 to 255. */
    public double getAsDouble(int i) {
        switch (type) {
            case UNSIGNED_BYTE:
                return ((byte[]) data)[i] & 0xFF;
            case BYTE:
                return ((byte[]) data)[i];
            case SHORT:
                return ((short[]) data)[i];
            case INT:
                return ((int[]) data)[i];
            case FLOAT:
                return ((float[]) data)[i];
            default:
                return ((double[]) data)[i];
        }
    }

    /** All values as doubles in a tensor of shape {@link #dims()} (a copy; 8 bytes per value). */
    public Tensor toTensor() {
        double[] out = new double[size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = getAsDouble(i);
        }
        return Tensor.wrap(out, dims);
    }

    private Object require(IdxType expected, String accessor) {
        if (type != expected) {
            throw wrongType(accessor);
        }
        return data;
    }

    private IllegalStateException wrongType(String accessor) {
        return new IllegalStateException(accessor + " needs an IDX array of that type but this one holds "
                + type.name().toLowerCase() + " values (" + Arrays.toString(dims) + "). Hint: check type() first,"
                + " or use getAsDouble(i) / toTensor(), which read any type.");
    }

    /** The product of {@code dims}, checked for negative sizes and for exceeding a Java array. */
    static long checkedSize(int[] dims) {
        long n = 1;
        for (int d : dims) {
            if (d < 0) {
                throw new IllegalArgumentException("IDX dimensions " + Arrays.toString(dims)
                        + " include a negative size; every dimension must be >= 0");
            }
            n *= d;
            if (n > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("IDX dimensions " + Arrays.toString(dims)
                        + " hold more values than a Java array can (" + (Integer.MAX_VALUE - 8) + ")");
            }
        }
        return n;
    }

    /** Same type, same dimensions and bit-identical values. */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof IdxArray)) {
            return false;
        }
        IdxArray a = (IdxArray) o;
        return type == a.type && Arrays.equals(dims, a.dims) && Objects.deepEquals(data, a.data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * type.hashCode() + Arrays.hashCode(dims)) + Arrays.deepHashCode(new Object[] {data});
    }

    /** The type and dimensions, e.g. {@code IdxArray[unsigned_byte 60000×28×28]}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("IdxArray[").append(type.name().toLowerCase()).append(' ');
        for (int i = 0; i < dims.length; i++) {
            sb.append(i == 0 ? "" : "×").append(dims[i]);
        }
        return sb.append(dims.length == 0 ? "scalar]" : "]").toString();
    }
}
