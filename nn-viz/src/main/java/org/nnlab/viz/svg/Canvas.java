package org.nnlab.viz.svg;

import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import org.nnlab.viz.plot.Color;
import org.nnlab.viz.plot.Colormap;
import org.nnlab.viz.plot.LineStyle;
import org.nnlab.viz.plot.Marker;

/**
 * A drawing surface in page points (72 per inch, y growing downwards): everything the painters
 * draw goes through it, so the SVG and the PNG of a figure come from the same layout and paint
 * calls. {@link SvgCanvas} writes SVG elements; {@link Java2DCanvas} draws into an image.
 */
interface Canvas {
    /** How many colours sample a colormap along a colorbar's gradient. */
    int GRADIENT_STOPS = 24;

    /** Horizontal text alignment on the anchor point. */
    enum Anchor { START, MIDDLE, END }

    /** Clips what is drawn next to a rectangle, until {@link #endClip()}. */
    void beginClip(double x, double y, double w, double h);

    /** Ends the clip begun last. */
    void endClip();

    /** Strokes {@code path}: round joins, square caps for solid lines and butt caps for dashes, as matplotlib. */
    void stroke(Path2D path, Color color, double width, LineStyle style, double alpha);

    /** Fills {@code path}; {@code edge} (may be null) is stroked {@code edgeWidth} wide on top. */
    void fill(Path2D path, Color fill, double alpha, Color edge, double edgeWidth);

    /** A rectangle, filled (null for none) and outlined (null for none), with rounded corners of {@code radius}. */
    void rect(double x, double y, double w, double h, Color fill, double fillAlpha, Color edge, double edgeWidth,
              double radius);

    /**
     * Markers centred on page points.
     *
     * @param diameters each marker's nominal size in points (one entry for all, or one per point)
     * @param colors one colour per point, or null to use {@code color} for all
     * @param edge the rim of filled markers, or null
     */
    void markers(Marker marker, double[] px, double[] py, double[] diameters, Color[] colors, Color color,
                 double alpha, Color edge, double edgeWidth);

    /** A label with mathtext on its baseline at (x, y), turned {@code rotation} degrees counter-clockwise. */
    void text(double x, double y, String label, double size, Anchor anchor, Color color, double rotation);

    /** An image stretched over the rectangle with nearest-neighbour pixels. */
    void image(BufferedImage image, double x, double y, double w, double h, double alpha);

    /**
     * Axis-aligned rectangles of one colour, {x, y, w, h} in turn, drawn without anti-aliased edges
     * so that neighbouring cells meet without seams (the bands of a filled contour).
     */
    void cells(double[] rects, int count, Color color, double alpha);

    /** A rectangle filled with {@code cmap} from its bottom (0) to its top (1). */
    void verticalGradient(double x, double y, double w, double h, Colormap cmap);
}
