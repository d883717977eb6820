package org.nnlab.viz.svg;

import com.google.common.xml.XmlEscapers;

/**
 * Appends SVG markup to a buffer with compact, locale-independent numbers and escaped text.
 *
 * <p>Numbers are rounded to two decimals (a hundredth of a point, far below a screen pixel) and
 * written without trailing zeros ({@code 12}, {@code 12.5}, {@code 0.25}, never {@code 12.50}
 * or {@code -0}); magnitudes beyond 10⁷ are clamped so that a wild data value cannot overflow.
 */
final class SvgWriter {
    private static final double CLAMP = 1e7;
    private final StringBuilder sb;

    SvgWriter(int capacity) {
        this.sb = new StringBuilder(capacity);
    }

    /** Appends {@code v} in compact form. */
    SvgWriter num(double v) {
        double c = Double.isNaN(v) ? 0 : Math.max(-CLAMP, Math.min(CLAMP, v));
        long scaled = Math.round(c * 100);
        if (scaled < 0) {
            sb.append('-');
            scaled = -scaled;
        }
        sb.append(scaled / 100);
        long frac = scaled % 100;
        if (frac != 0) {
            sb.append('.');
            if (frac < 10) {
                sb.append('0').append(frac);
            } else {
                sb.append(frac % 10 == 0 ? frac / 10 : frac);
            }
        }
        return this;
    }

    /** Appends markup as is. */
    SvgWriter raw(String s) {
        sb.append(s);
        return this;
    }

    /** Appends one character as is. */
    SvgWriter raw(char c) {
        sb.append(c);
        return this;
    }

    /** Appends {@code name="v"} with a leading space. */
    SvgWriter attr(String name, double v) {
        sb.append(' ').append(name).append("=\"");
        num(v);
        sb.append('"');
        return this;
    }

    /** Appends {@code name="value"} with a leading space, escaping the value. */
    SvgWriter attr(String name, String value) {
        sb.append(' ').append(name).append("=\"");
        text(value);
        sb.append('"');
        return this;
    }

    /**
     * Appends text escaped for XML, in content and attributes alike (Guava's attribute escaper):
     * {@code & < > " '} and line breaks as references, and the characters XML 1.0 forbids (control
     * characters, U+FFFE, U+FFFF) as U+FFFD.
     */
    SvgWriter text(String s) {
        sb.append(XmlEscapers.xmlAttributeEscaper().escape(s));
        return this;
    }

    /** The current length of the buffer. */
    int length() {
        return sb.length();
    }

    @Override
    public String toString() {
        return sb.toString();
    }
}
