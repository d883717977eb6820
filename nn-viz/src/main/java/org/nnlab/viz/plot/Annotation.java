package org.nnlab.viz.plot;

import java.util.Objects;

/**
 * Text placed in an axes, made by {@link Axes#text} or {@link Axes#annotate} (text with an arrow
 * pointing at a data point).
 *
 * <p>Positions are in data coordinates unless {@link #inAxesCoordinates()} is set, in which case
 * (0, 0) is the lower-left and (1, 1) the upper-right corner of the axes, like
 * {@code transform=ax.transAxes}. Text is not clipped to the axes.
 */
public final class Annotation {
    /** Horizontal alignment of the text relative to its anchor point. */
    public enum Align {
        /** The text starts at the anchor; the default. */
        LEFT,
        /** The text is centred on the anchor. */
        CENTER,
        /** The text ends at the anchor. */
        RIGHT
    }

    private final String text;
    private final double x;
    private final double y;
    private final double[] arrowTo;
    private Color color = Color.BLACK;
    private double fontSize = 10;
    private Align align = Align.LEFT;
    private boolean axesCoordinates;
    private boolean boxed;
    private boolean middle;

    Annotation(String text, double x, double y, double[] arrowTo) {
        Mathtext.parse(text);
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            throw new IllegalArgumentException("text: position (" + x + ", " + y + ") must be finite");
        }
        this.text = Objects.requireNonNull(text, "text");
        this.x = x;
        this.y = y;
        this.arrowTo = arrowTo;
    }

    /** The text (mathtext allowed). */
    public String text() {
        return text;
    }

    /** The anchor's x. */
    public double x() {
        return x;
    }

    /** The anchor's y. */
    public double y() {
        return y;
    }

    /** The point the arrow points at (data coordinates), or null for plain text. */
    public double[] arrowTo() {
        return arrowTo == null ? null : arrowTo.clone();
    }

    /** The text colour. */
    public Color color() {
        return color;
    }

    /** The font size in points. */
    public double fontSize() {
        return fontSize;
    }

    /** The horizontal alignment. */
    public Align align() {
        return align;
    }

    /** Whether (x, y) are axes fractions rather than data values. */
    public boolean inAxesCoordinates() {
        return axesCoordinates;
    }

    /** Whether the text sits on a white rounded box. */
    public boolean boxed() {
        return boxed;
    }

    /** Whether y is the text's vertical middle rather than its baseline. */
    public boolean verticallyCentered() {
        return middle;
    }

    /** Centres the text vertically on y (for labels inside cells), like {@code va='center'}. */
    public Annotation verticalCenter() {
        this.middle = true;
        return this;
    }

    /** Sets the colour. */
    public Annotation color(String spec) {
        this.color = Color.parse(spec);
        return this;
    }

    /** Sets the font size in points. */
    public Annotation fontSize(double size) {
        if (!(size > 0 && size < 200)) {
            throw new IllegalArgumentException("fontSize (" + size + ") must be in (0, 200) points; the default is 10");
        }
        this.fontSize = size;
        return this;
    }

    /** Sets the horizontal alignment. */
    public Annotation align(Align a) {
        this.align = Objects.requireNonNull(a, "align");
        return this;
    }

    /** Interprets the position as axes fractions (0..1), like {@code transform=ax.transAxes}. */
    public Annotation axesCoordinates() {
        this.axesCoordinates = true;
        return this;
    }

    /** Draws the text on a white box with a grey rim, like {@code bbox=dict(boxstyle='round')}. */
    public Annotation withBox() {
        this.boxed = true;
        return this;
    }
}
