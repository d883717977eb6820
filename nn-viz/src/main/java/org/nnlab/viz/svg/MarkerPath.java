package org.nnlab.viz.svg;

import org.nnlab.viz.plot.Marker;

/**
 * Writes one marker centred on a page point, sized like matplotlib's: {@code size} is the
 * marker's nominal diameter in points (a circle's diameter, a square's side, a triangle's height).
 */
final class MarkerPath {
    // Unit polygons (radius 1, y up) for the filled shapes.
    private static final double[] TRIANGLE_UP = {0, 1, -1, -1, 1, -1};
    private static final double[] SQUARE = {-1, -1, 1, -1, 1, 1, -1, 1};
    private static final double[] DIAMOND = {0, 1.414, 1.414, 0, 0, -1.414, -1.414, 0};
    private static final double[] THIN_DIAMOND = {0, 1.414, 0.849, 0, 0, -1.414, -0.849, 0};
    private static final double[] PENTAGON = regular(5, 1, 0);
    private static final double[] HEXAGON = regular(6, 1, 0);
    private static final double[] STAR = star();

    private MarkerPath() {
    }

    /**
     * Writes the marker element.
     *
     * @param fill a per-marker fill (or stroke, for line markers) colour, or null to inherit the group's
     */
    static void write(SvgWriter w, Marker m, double x, double y, double size, String fill, boolean filled) {
        double r = size / 2;
        switch (m) {
            case CIRCLE:
            case POINT:
                w.raw("<circle").attr("cx", x).attr("cy", y).attr("r", m == Marker.POINT ? r / 2 : r);
                break;
            case PIXEL:
                w.raw("<rect").attr("x", x - 0.5).attr("y", y - 0.5).raw(" width=\"1\" height=\"1\"");
                break;
            case PLUS:
            case X:
            case VLINE:
            case HLINE:
                w.raw("<path d=\"");
                lines(w, m, x, y, r);
                w.raw('"');
                break;
            default:
                w.raw("<path d=\"");
                polygon(w, shape(m), x, y, r);
                w.raw('"');
        }
        if (fill != null) {
            w.raw(filled ? " fill=\"" : " stroke=\"").raw(fill).raw('"');
        }
        w.raw("/>\n");
    }

    private static void lines(SvgWriter w, Marker m, double x, double y, double r) {
        if (m == Marker.PLUS || m == Marker.HLINE) {
            w.raw('M').num(x - r).raw(' ').num(y).raw('h').num(2 * r);
        }
        if (m == Marker.PLUS || m == Marker.VLINE) {
            w.raw('M').num(x).raw(' ').num(y - r).raw('v').num(2 * r);
        }
        if (m == Marker.X) {
            double d = r;
            w.raw('M').num(x - d).raw(' ').num(y - d).raw('L').num(x + d).raw(' ').num(y + d)
                    .raw('M').num(x - d).raw(' ').num(y + d).raw('L').num(x + d).raw(' ').num(y - d);
        }
    }

    private static double[] shape(Marker m) {
        switch (m) {
            case TRIANGLE_UP: return TRIANGLE_UP;
            case TRIANGLE_DOWN: return rotate(TRIANGLE_UP, 180);
            case TRIANGLE_LEFT: return rotate(TRIANGLE_UP, 90);
            case TRIANGLE_RIGHT: return rotate(TRIANGLE_UP, -90);
            case SQUARE: return SQUARE;
            case DIAMOND: return scaled(DIAMOND, 0.707);
            case THIN_DIAMOND: return scaled(THIN_DIAMOND, 0.707);
            case PENTAGON: return PENTAGON;
            case HEXAGON: return HEXAGON;
            case STAR: return STAR;
            default: throw new IllegalArgumentException("No polygon for marker " + m);
        }
    }

    private static void polygon(SvgWriter w, double[] p, double x, double y, double r) {
        for (int i = 0; i < p.length; i += 2) {
            w.raw(i == 0 ? 'M' : 'L').num(x + p[i] * r).raw(' ').num(y - p[i + 1] * r);
        }
        w.raw('Z');
    }

    private static double[] regular(int n, double radius, double phase) {
        double[] p = new double[2 * n];
        for (int i = 0; i < n; i++) {
            double a = Math.PI / 2 + phase + 2 * Math.PI * i / n;
            p[2 * i] = radius * Math.cos(a);
            p[2 * i + 1] = radius * Math.sin(a);
        }
        return p;
    }

    private static double[] star() {
        double[] p = new double[20];
        for (int i = 0; i < 10; i++) {
            double a = Math.PI / 2 + Math.PI * i / 5;
            double rad = i % 2 == 0 ? 1 : 0.381966;
            p[2 * i] = rad * Math.cos(a);
            p[2 * i + 1] = rad * Math.sin(a);
        }
        return p;
    }

    private static double[] rotate(double[] p, double degrees) {
        double c = Math.cos(Math.toRadians(degrees));
        double s = Math.sin(Math.toRadians(degrees));
        double[] q = new double[p.length];
        for (int i = 0; i < p.length; i += 2) {
            q[i] = p[i] * c - p[i + 1] * s;
            q[i + 1] = p[i] * s + p[i + 1] * c;
        }
        return q;
    }

    private static double[] scaled(double[] p, double k) {
        double[] q = p.clone();
        for (int i = 0; i < q.length; i++) {
            q[i] *= k;
        }
        return q;
    }
}
