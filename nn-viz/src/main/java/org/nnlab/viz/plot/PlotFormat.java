package org.nnlab.viz.plot;

/**
 * A parsed matplotlib format string such as {@code "ro"}, {@code "b--"}, {@code "k:"} or {@code "C1^-"}.
 *
 * <p>A format string holds at most one colour (a letter of {@code bgrcmykw} or {@code C0}–{@code C9}),
 * one marker and one line style, in any order. As in matplotlib, a marker without a line style
 * means "markers only", and no marker and no line style means a solid line. The colour is null
 * when the string names none (the axes then takes the next colour of the cycle).
 *
 * @param color null if the string names no colour
 * @param marker {@link Marker#NONE} if none is named
 * @param lineStyle {@link LineStyle#NONE} for a marker-only format
 */
public record PlotFormat(Color color, Marker marker, LineStyle lineStyle) {
    static final String MARKER_CODES = ". , o v ^ < > s p * h + x D d | _";
    private static final String COLOR_CODES = "bgrcmykw";

    /**
     * Parses a format string strictly.
     *
     * @throws IllegalArgumentException naming the offending character and listing what is accepted
     */
    public static PlotFormat parse(String fmt) {
        if (fmt == null) {
            throw new IllegalArgumentException("Format string is null; expected e.g. 'ro', 'b--' or '' for the defaults");
        }
        Color color = null;
        Marker marker = null;
        LineStyle style = null;
        int i = 0;
        while (i < fmt.length()) {
            char c = fmt.charAt(i);
            String two = i + 1 < fmt.length() ? fmt.substring(i, i + 2) : "";
            if (two.equals("--") || two.equals("-.")) {
                style = once(style, two.equals("--") ? LineStyle.DASHED : LineStyle.DASHDOT, "line style", fmt);
                i += 2;
            } else if (c == '-' || c == ':') {
                style = once(style, c == '-' ? LineStyle.SOLID : LineStyle.DOTTED, "line style", fmt);
                i++;
            } else if (c == 'C' && i + 1 < fmt.length() && Character.isDigit(fmt.charAt(i + 1))) {
                color = once(color, Color.cycle(fmt.charAt(i + 1) - '0'), "colour", fmt);
                i += 2;
            } else if (COLOR_CODES.indexOf(c) >= 0) {
                color = once(color, Color.parse(String.valueOf(c)), "colour", fmt);
                i++;
            } else if (Marker.ofCode(c) != null) {
                marker = once(marker, Marker.ofCode(c), "marker", fmt);
                i++;
            } else {
                throw new IllegalArgumentException("Unrecognized character '" + c + "' at index " + i
                        + " of format string '" + fmt + "'; expected colours " + String.join(" ", COLOR_CODES.split(""))
                        + " or C0..C9, markers " + MARKER_CODES + ", line styles - -- -. :"
                        + ". Hint: for other colours use color(\"tab:orange\") or color(\"#ff7f0e\") instead.");
            }
        }
        if (style == null) {
            style = marker == null ? LineStyle.SOLID : LineStyle.NONE;
        }
        return new PlotFormat(color, marker == null ? Marker.NONE : marker, style);
    }

    private static <T> T once(T previous, T next, String what, String fmt) {
        if (previous != null) {
            throw new IllegalArgumentException("Format string '" + fmt + "' names more than one " + what
                    + " (" + previous + " and " + next + "); expected at most one colour, one marker and one"
                    + " line style. Hint: 'ro--' is red circles joined by a dashed line.");
        }
        return next;
    }
}
