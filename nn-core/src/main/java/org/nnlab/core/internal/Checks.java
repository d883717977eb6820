package org.nnlab.core.internal;

/**
 * The range checks of nnlab's hyperparameters and options, with one message recipe for all.
 *
 * <p>Every check reads {@code what (value) must be …. Hint: …} and returns the value, so a
 * validating constructor reads as a list of rules, the way Guava's {@code MathPreconditions} gives
 * its package one recipe. NaN fails every check, and so does an infinity where a finite number is
 * wanted. This is the only place such a rule is written: nn-dsl and model files reach it through
 * the constructors of nn-core's configuration records.
 */
public final class Checks {
    private Checks() {
    }

    /**
     * {@code value} must be finite and &gt; 0.
     *
     * @param what names the value, e.g. {@code "Adam learningRate"}
     * @param hint what to do instead, without the leading "Hint: "
     */
    public static double positive(String what, double value, String hint) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(what + " (" + value + ") must be > 0" + hinted(hint));
        }
        return value;
    }

    /** {@code value} must be finite and ≥ 0. */
    public static double nonNegative(String what, double value, String hint) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(what + " (" + value + ") must be >= 0" + hinted(hint));
        }
        return value;
    }

    /** {@code value} must lie in [0, 1). */
    public static double unitInterval(String what, double value, String hint) {
        if (!(value >= 0 && value < 1)) {
            throw new IllegalArgumentException(what + " (" + value + ") must be in [0, 1)" + hinted(hint));
        }
        return value;
    }

    /** {@code value} must lie in (0, 1). */
    public static double openUnitInterval(String what, double value, String hint) {
        if (!(value > 0 && value < 1)) {
            throw new IllegalArgumentException(what + " (" + value + ") must be in (0, 1)" + hinted(hint));
        }
        return value;
    }

    /** {@code value} must be ≥ {@code min}. */
    public static int atLeast(String what, int value, int min, String hint) {
        if (value < min) {
            throw new IllegalArgumentException(what + " (" + value + ") must be " + (min == 1 ? "> 0" : ">= " + min)
                    + hinted(hint));
        }
        return value;
    }

    /** {@code value} must be ≥ {@code min}. */
    public static long atLeast(String what, long value, long min, String hint) {
        if (value < min) {
            throw new IllegalArgumentException(what + " (" + value + ") must be " + (min == 1 ? "> 0" : ">= " + min)
                    + hinted(hint));
        }
        return value;
    }

    /** {@code value} must lie in [0, 1]. */
    public static double closedUnitInterval(String what, double value, String hint) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(what + " (" + value + ") must be in [0, 1]" + hinted(hint));
        }
        return value;
    }

    private static String hinted(String hint) {
        return hint.isEmpty() ? "" : ". Hint: " + hint;
    }
}
