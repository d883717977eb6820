package org.nnlab.data.idx;

import java.util.Optional;

/**
 * The element type of an IDX file, as coded in the third byte of its magic number.
 *
 * <p>Multi-byte types are stored big-endian. {@link #UNSIGNED_BYTE} (MNIST's pixels and labels)
 * is held in Java as a {@code byte} and read back with {@code b & 0xFF}; {@link #BYTE} is the same
 * storage read as a signed value.
 */
public enum IdxType {
    /** Code {@code 0x08}: unsigned byte, 0 to 255. */
    UNSIGNED_BYTE(0x08, 1),
    /** Code {@code 0x09}: signed byte, −128 to 127. */
    BYTE(0x09, 1),
    /** Code {@code 0x0B}: 16-bit signed integer. */
    SHORT(0x0B, 2),
    /** Code {@code 0x0C}: 32-bit signed integer. */
    INT(0x0C, 4),
    /** Code {@code 0x0D}: 32-bit IEEE 754 float. */
    FLOAT(0x0D, 4),
    /** Code {@code 0x0E}: 64-bit IEEE 754 double. */
    DOUBLE(0x0E, 8);

    private final int code;
    private final int bytes;

    IdxType(int code, int bytes) {
        this.code = code;
        this.bytes = bytes;
    }

    /** The type code in the magic number, e.g. {@code 0x08}. */
    public int code() {
        return code;
    }

    /** The number of bytes one element takes in the file. */
    public int bytesPerElement() {
        return bytes;
    }

    /** The type with the given code, or empty if no IDX type has it. */
    public static Optional<IdxType> fromCode(int code) {
        for (IdxType t : values()) {
            if (t.code == code) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** The codes of all types, for error messages: {@code 0x08, 0x09, 0x0B, 0x0C, 0x0D, 0x0E}. */
    static String knownCodes() {
        StringBuilder sb = new StringBuilder();
        for (IdxType t : values()) {
            sb.append(sb.length() == 0 ? "" : ", ").append(String.format("0x%02X (%s)", t.code, t.name().toLowerCase()));
        }
        return sb.toString();
    }
}
