package org.nnlab.viz.plot;

/**
 * An axis scale: linear, or base-10 logarithmic (values ≤ 0 are not drawn on a log axis).
 */
public enum Scale {
    /** Data values map to positions unchanged, matplotlib's {@code 'linear'}. */
    LINEAR,
    /** Positions follow log10 of the value, matplotlib's {@code 'log'}; values ≤ 0 are not drawn. */
    LOG;

    /** Maps a data value to the scale's linear space; NaN for values a log axis cannot show. */
    public double forward(double v) {
        if (this == LINEAR) {
            return v;
        }
        return v > 0 ? Math.log10(v) : Double.NaN;
    }

    /** The inverse of {@link #forward}. */
    public double inverse(double u) {
        return this == LINEAR ? u : Math.pow(10, u);
    }
}
