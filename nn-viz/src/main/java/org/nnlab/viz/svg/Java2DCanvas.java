package org.nnlab.viz.svg;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Composite;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.LinearGradientPaint;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.nnlab.viz.plot.Color;
import org.nnlab.viz.plot.Colormap;
import org.nnlab.viz.plot.LineStyle;
import org.nnlab.viz.plot.Marker;
import org.nnlab.viz.plot.Mathtext;

/**
 * Draws onto a Java2D {@link Graphics2D} in page points, scaled to the image's resolution, with
 * anti-aliased shapes and text in the bundled DejaVu Sans (matplotlib's font, so the PNG and the
 * SVG shown in a browser with DejaVu installed have the same text). Pure Java: no native library
 * beyond the JDK's own font rasteriser.
 */
final class Java2DCanvas implements Canvas {
    private static final Font REGULAR = load("DejaVuSans.ttf");
    private static final Font OBLIQUE = load("DejaVuSans-Oblique.ttf");
    private final Graphics2D g;
    private final FontRenderContext frc;
    private final Deque<Shape> clips = new ArrayDeque<>();

    /** Draws on {@code g}, already scaled so that one unit is one point. */
    Java2DCanvas(Graphics2D g) {
        this.g = g;
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        this.frc = g.getFontRenderContext();
    }

    private static Font load(String name) {
        try (InputStream in = Java2DCanvas.class.getResourceAsStream("fonts/" + name)) {
            if (in == null) {
                throw new IllegalStateException("The font " + name + " is missing from nn-viz's jar"
                        + " (org/nnlab/viz/svg/fonts/); rebuild nn-viz");
            }
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the bundled font " + name, e);
        } catch (FontFormatException e) {
            throw new IllegalStateException("The bundled font " + name + " is not a TrueType font", e);
        }
    }

    @Override
    public void beginClip(double x, double y, double w, double h) {
        clips.push(g.getClip() == null ? new Rectangle2D.Double(-1e6, -1e6, 2e6, 2e6) : g.getClip());
        g.clip(new Rectangle2D.Double(x, y, w, h));
    }

    @Override
    public void endClip() {
        g.setClip(clips.pop());
    }

    @Override
    public void stroke(Path2D path, Color color, double width, LineStyle style, double alpha) {
        double[] dashes = style.dashes(width);
        float[] d = null;
        if (dashes != null) {
            d = new float[dashes.length];
            for (int i = 0; i < d.length; i++) {
                d[i] = (float) dashes[i];
            }
        }
        g.setStroke(new BasicStroke((float) width, style == LineStyle.SOLID ? BasicStroke.CAP_SQUARE : BasicStroke.CAP_BUTT,
                BasicStroke.JOIN_ROUND, 10f, d, 0f));
        paint(color, alpha);
        g.draw(path);
    }

    @Override
    public void fill(Path2D path, Color fill, double alpha, Color edge, double edgeWidth) {
        paint(fill, alpha);
        g.fill(path);
        outline(path, edge, edgeWidth, 1);
    }

    @Override
    public void rect(double x, double y, double w, double h, Color fill, double fillAlpha, Color edge,
                     double edgeWidth, double radius) {
        Shape r = radius > 0 ? new RoundRectangle2D.Double(x, y, w, h, 2 * radius, 2 * radius)
                : new Rectangle2D.Double(x, y, w, h);
        if (fill != null) {
            paint(fill, fillAlpha);
            g.fill(r);
        }
        outline(r, edge, edgeWidth, 1);
    }

    @Override
    public void markers(Marker m, double[] px, double[] py, double[] diameters, Color[] colors, Color color,
                        double alpha, Color edge, double edgeWidth) {
        for (int i = 0; i < px.length; i++) {
            double size = diameters[diameters.length == 1 ? 0 : i];
            Color c = colors == null ? color : colors[i];
            Shape s;
            if (m == Marker.CIRCLE || m == Marker.POINT) {
                double r = m == Marker.POINT ? size / 4 : size / 2;
                s = new Ellipse2D.Double(px[i] - r, py[i] - r, 2 * r, 2 * r);
            } else if (m == Marker.PIXEL) {
                s = new Rectangle2D.Double(px[i] - 0.5, py[i] - 0.5, 1, 1);
            } else {
                s = MarkerPath.shape(m, px[i], py[i], size);
            }
            if (m.filled()) {
                paint(c, alpha);
                g.fill(s);
                outline(s, edge, edgeWidth, alpha);
            } else {
                outline(s, c, 1, alpha);
            }
        }
    }

    @Override
    public void text(double x, double y, String label, double size, Anchor anchor, Color color, double rotation) {
        List<Mathtext.Run> runs = Mathtext.parse(label);
        TextLayout[] layouts = new TextLayout[runs.size()];
        double width = 0;
        for (int i = 0; i < layouts.length; i++) {
            Mathtext.Run r = runs.get(i);
            if (!r.text().isEmpty()) {
                Font f = (r.italic() ? OBLIQUE : REGULAR).deriveFont((float) (size * TextMetrics.scale(r.level())));
                layouts[i] = new TextLayout(r.text(), f, frc);
                width += layouts[i].getAdvance();
            }
        }
        AffineTransform saved = g.getTransform();
        if (rotation != 0) {
            g.rotate(-Math.toRadians(rotation), x, y);
        }
        paint(color, 1);
        double pen = anchor == Anchor.START ? x : anchor == Anchor.MIDDLE ? x - width / 2 : x - width;
        for (int i = 0; i < layouts.length; i++) {
            if (layouts[i] != null) {
                double rise = TextPainter.baselineOffset(runs.get(i).level()) * size;
                layouts[i].draw(g, (float) pen, (float) (y - rise));
                pen += layouts[i].getAdvance();
            }
        }
        g.setTransform(saved);
    }

    @Override
    public void image(BufferedImage img, double x, double y, double w, double h, double alpha) {
        Composite saved = g.getComposite();
        g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, (float) alpha));
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        AffineTransform at = new AffineTransform(w / img.getWidth(), 0, 0, h / img.getHeight(), x, y);
        g.drawImage(img, at, null);
        g.setComposite(saved);
    }

    @Override
    public void cells(double[] rects, int count, Color color, double alpha) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
        paint(color, alpha);
        Rectangle2D.Double r = new Rectangle2D.Double();
        for (int i = 0; i < count; i++) {
            r.setRect(rects[4 * i], rects[4 * i + 1], rects[4 * i + 2], rects[4 * i + 3]);
            g.fill(r);
        }
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    }

    @Override
    public void verticalGradient(double x, double y, double w, double h, Colormap cmap) {
        int stops = GRADIENT_STOPS;
        float[] fractions = new float[stops + 1];
        java.awt.Color[] colors = new java.awt.Color[stops + 1];
        for (int i = 0; i <= stops; i++) {
            fractions[i] = (float) i / stops;
            Color c = cmap.at((double) i / stops);
            colors[i] = new java.awt.Color(c.r(), c.g(), c.b());
        }
        g.setPaint(new LinearGradientPaint((float) x, (float) (y + h), (float) x, (float) y, fractions, colors));
        g.fill(new Rectangle2D.Double(x, y, w, h));
    }

    private void outline(Shape s, Color edge, double width, double alpha) {
        if (edge != null) {
            g.setStroke(new BasicStroke((float) width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
            paint(edge, alpha);
            g.draw(s);
        }
    }

    private void paint(Color c, double alpha) {
        g.setPaint(new java.awt.Color(c.r(), c.g(), c.b(), (int) Math.round(255 * Math.max(0, Math.min(1, alpha)))));
    }
}
