package org.nnlab.core.tensor;

import java.util.Arrays;

/**
 * The floating-point type a tensor stores and a model computes in.
 *
 * <p>{@link #FLOAT32} is the default, as Keras's {@code floatx} is {@code "float32"} and PyTorch's
 * default dtype is {@code torch.float32}: half the memory of doubles and twice the values per
 * vector instruction, which is what makes training fast. Its 24-bit significand gives about 7
 * decimal digits, plenty for weights and activations (relative rounding error 2^−24 ≈ 6e-8).
 * {@link #FLOAT64} is Java's {@code double}, 53 bits and about 16 digits: it is what exactness needs.
 * Gradient checks always run in it (finite differences with a step of 1e-5 would drown in float32's
 * rounding), as PyTorch's {@code gradcheck} demands float64, and so do the lecture's backprop by
 * hand and the optimizer rule tests, whose expected values are computed in double.
 */
public enum Precision {
    /** IEEE 754 single precision, Java's {@code float}: Keras's and PyTorch's default. */
    FLOAT32("float32", Float.BYTES),
    /** IEEE 754 double precision, Java's {@code double}: for gradient checks and exact lessons. */
    FLOAT64("float64", Double.BYTES);

    /** The precision of a model that does not choose one: {@link #FLOAT32}, Keras's {@code floatx}. */
    public static final Precision DEFAULT = FLOAT32;

    private final String kerasName;
    private final int bytes;

    Precision(String kerasName, int bytes) {
        this.kerasName = kerasName;
        this.bytes = bytes;
    }

    /** The dtype name Keras and numpy use, {@code "float32"} or {@code "float64"}. */
    public String kerasName() {
        return kerasName;
    }

    /** The bytes one value takes: 4 or 8. */
    public int bytes() {
        return bytes;
    }

    /** {@code value} rounded to this precision, as storing it in a tensor of this precision would round it. */
    public double round(double value) {
        return this == FLOAT32 ? (float) value : value;
    }

    /**
     * The precision named {@code name}, {@code "float32"} or {@code "float64"} (case-insensitive).
     *
     * @throws IllegalArgumentException naming the accepted names
     */
    public static Precision named(String name) {
        for (Precision p : values()) {
            if (p.kerasName.equalsIgnoreCase(String.valueOf(name).trim())) {
                return p;
            }
        }
        throw new IllegalArgumentException("Precision '" + name + "' is not one nnlab computes in; expected one of "
                + Arrays.stream(values()).map(Precision::kerasName).toList() + ". Hint: float32 (the default, as"
                + " Keras's floatx) trains fast; float64 is for gradient checks and exact comparisons.");
    }
}
