package org.nnlab.viz.plot;

/**
 * A point marker, with matplotlib's format-string code.
 *
 * <p>Filled markers ({@code o s ^ v < > D d p h * .}) are painted with the series colour; line
 * markers ({@code + x | _}) are stroked. {@link #PIXEL} is a 1-point square as in matplotlib.
 */
public enum Marker {
    /** No marker: a format string without one, or a line drawn alone. */
    NONE(' ', true),
    /** {@code '.'}: a filled circle of half the marker size. */
    POINT('.', true),
    /** {@code ','}: a filled square one point wide, whatever the marker size. */
    PIXEL(',', true),
    /** {@code 'o'}: a filled circle as wide as the marker size. */
    CIRCLE('o', true),
    /** {@code 'v'}: a filled triangle pointing down. */
    TRIANGLE_DOWN('v', true),
    /** {@code '^'}: a filled triangle pointing up. */
    TRIANGLE_UP('^', true),
    /** {@code '<'}: a filled triangle pointing left. */
    TRIANGLE_LEFT('<', true),
    /** {@code '>'}: a filled triangle pointing right. */
    TRIANGLE_RIGHT('>', true),
    /** {@code 's'}: a filled square. */
    SQUARE('s', true),
    /** {@code 'p'}: a filled regular pentagon, one vertex up. */
    PENTAGON('p', true),
    /** {@code '*'}: a filled five-pointed star. */
    STAR('*', true),
    /** {@code 'h'}: a filled regular hexagon, one vertex up. */
    HEXAGON('h', true),
    /** {@code '+'}: a stroked plus sign. */
    PLUS('+', false),
    /** {@code 'x'}: a stroked diagonal cross. */
    X('x', false),
    /** {@code 'D'}: a filled square turned 45°. */
    DIAMOND('D', true),
    /** {@code 'd'}: a filled diamond, narrower than it is tall. */
    THIN_DIAMOND('d', true),
    /** {@code '|'}: a stroked vertical tick. */
    VLINE('|', false),
    /** {@code '_'}: a stroked horizontal tick. */
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
