package org.nnlab.viz.plot;

/**
 * A closed interval [lo, hi] of data values on one axis, with lo strictly below hi.
 */
public record Limits(double lo, double hi) {
    /** Checks that both ends are finite and {@code lo < hi}. */
    public Limits {
        if (!Double.isFinite(lo) || !Double.isFinite(hi)) {
            throw new IllegalArgumentException("Axis limits (" + lo + ", " + hi + ") must be finite; expected"
                    + " two finite numbers. Hint: compute limits from finite data only.");
        }
        if (!(lo < hi)) {
            throw new IllegalArgumentException("Axis limits (" + lo + ", " + hi + ") are "
                    + (lo == hi ? "empty" : "inverted") + "; expected lower < upper. Hint: "
                    + (lo == hi ? "widen the range, e.g. (" + (lo - 1) + ", " + (hi + 1) + ")"
                    : "pass (" + hi + ", " + lo + "); to flip the axis direction use invertYaxis()") + ".");
        }
    }

    /** hi − lo. */
    public double span() {
        return hi - lo;
    }

    /** Whether {@code v} lies in [lo, hi]. */
    public boolean contains(double v) {
        return v >= lo && v <= hi;
    }
}
