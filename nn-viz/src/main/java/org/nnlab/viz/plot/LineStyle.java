package org.nnlab.viz.plot;

/**
 * How a line is stroked, with matplotlib's format-string codes and dash patterns.
 *
 * <p>Dash lengths are matplotlib's (in multiples of the line width): dashed 3.7 on 1.6 off,
 * dotted 1 on 1.65 off, dash-dot 6.4, 1.6, 1, 1.6.
 */
public enum LineStyle {
    /** {@code "-"}: an unbroken line, the default. */
    SOLID("-", null),
    /** {@code "--"}: dashes 3.7 line widths long with gaps of 1.6. */
    DASHED("--", new double[] {3.7, 1.6}),
    /** {@code "-."}: a dash of 6.4 and a dot of 1 line width, separated by gaps of 1.6. */
    DASHDOT("-.", new double[] {6.4, 1.6, 1, 1.6}),
    /** {@code ":"}: dots 1 line width long with gaps of 1.65. */
    DOTTED(":", new double[] {1, 1.65}),
    /** No line: only markers are drawn. */
    NONE("", null);

    private final String code;
    private final double[] dashes;

    LineStyle(String code, double[] dashes) {
        this.code = code;
        this.dashes = dashes;
    }

    /** The format-string code, e.g. {@code "--"}; empty for {@link #NONE}. */
    public String code() {
        return code;
    }

    /** The dash pattern scaled by {@code lineWidth}, or null for a solid line. */
    public double[] dashes(double lineWidth) {
        if (dashes == null) {
            return null;
        }
        double[] d = dashes.clone();
        for (int i = 0; i < d.length; i++) {
            d[i] *= Math.max(lineWidth, 1);
        }
        return d;
    }
}
