package org.nnlab.dsl.spec;

/**
 * The range checks hyperparameter records run in their constructors, with messages that teach.
 *
 * <p>Each check returns the value so a compact constructor reads as a list of rules. NaN fails
 * every check.
 */
final class Bounds {
    private Bounds() {
    }

    /** {@code value} must be finite and &gt; 0. */
    static double positive(String what, double value, String hint) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(what + " (" + value + ") must be > 0. Hint: " + hint);
        }
        return value;
    }

    /** {@code value} must be ≥ 0 and finite. */
    static double nonNegative(String what, double value, String hint) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(what + " (" + value + ") must be >= 0. Hint: " + hint);
        }
        return value;
    }

    /** {@code value} must lie in [0, 1). */
    static double halfOpenUnit(String what, double value, String hint) {
        if (!(value >= 0 && value < 1)) {
            throw new IllegalArgumentException(what + " (" + value + ") must be in [0, 1). Hint: " + hint);
        }
        return value;
    }

    /** {@code value} must lie in (0, 1). */
    static double openUnit(String what, double value, String hint) {
        if (!(value > 0 && value < 1)) {
            throw new IllegalArgumentException(what + " (" + value + ") must be in (0, 1). Hint: " + hint);
        }
        return value;
    }

    /** {@code value} must be ≥ {@code min}. */
    static int atLeast(String what, int value, int min, String hint) {
        if (value < min) {
            throw new IllegalArgumentException(what + " (" + value + ") must be >= " + min + ". Hint: " + hint);
        }
        return value;
    }

    /** A layer name must be null (automatic) or non-blank without spaces or slashes. */
    static String layerName(String name) {
        if (name != null && (name.isBlank() || !name.matches("[A-Za-z0-9_.\\-]+"))) {
            throw new IllegalArgumentException("Layer name '" + name + "' must be letters, digits, '_', '.' or '-'."
                    + " Hint: leave it out to get Keras's automatic names (dense, dense_1, …).");
        }
        return name;
    }
}
