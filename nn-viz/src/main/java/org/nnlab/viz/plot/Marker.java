package org.nnlab.viz.plot;

/**
 * A point marker, with matplotlib's format-string code.
 *
 * <p>Filled markers ({@code o s ^ v < > D d p h * .}) are painted with the series colour; line
 * markers ({@code + x | _}) are stroked. {@link #PIXEL} is a 1-point square as in matplotlib.
 */
public enum Marker {
    NONE(' ', true),
    POINT('.', true),
    PIXEL(',', true),
    CIRCLE('o', true),
    TRIANGLE_DOWN('v', true),
    TRIANGLE_UP('^', true),
    TRIANGLE_LEFT('<', true),
    TRIANGLE_RIGHT('>', true),
    SQUARE('s', true),
    PENTAGON('p', true),
    STAR('*', true),
    HEXAGON('h', true),
    PLUS('+', false),
    X('x', false),
    DIAMOND('D', true),
    THIN_DIAMOND('d', true),
    VLINE('|', false),
    HLINE('_', false);

    private final char code;
    private final boolean filled;

    Marker(char code, boolean filled) {
        this.code = code;
        this.filled = filled;
    }

    /** The format-string character, e.g. {@code 'o'}; a space for {@link #NONE}. */
    public char code() {
        return code;
    }

    /** Whether the marker is a filled shape (true) or drawn with strokes only (false). */
    public boolean filled() {
        return filled;
    }

    /** The marker for a format-string character, or null if {@code c} is not a marker code. */
    public static Marker ofCode(char c) {
        for (Marker m : values()) {
            if (m != NONE && m.code == c) {
                return m;
            }
        }
        return null;
    }

    /**
     * The marker for a one-character code such as {@code "o"} or {@code "^"}.
     *
     * @throws IllegalArgumentException listing the accepted codes
     */
    public static Marker parse(String code) {
        Marker m = code != null && code.length() == 1 ? ofCode(code.charAt(0)) : null;
        if (m == null) {
            throw new IllegalArgumentException("Unknown marker '" + code + "'; expected one of "
                    + PlotFormat.MARKER_CODES + ". Hint: 'o' is a circle, 's' a square, '^' a triangle.");
        }
        return m;
    }
}
