package org.nnlab.viz.svg;

import java.awt.geom.Path2D;
import org.nnlab.viz.plot.Marker;

/**
 * The outline of one marker centred on a page point, sized like matplotlib's: {@code size} is the
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
     * The outline of marker {@code m} centred on (x, y): a closed polygon for filled shapes, open
     * strokes for the line markers ({@code + x | _}). Circles, points and pixels are drawn by the
     * canvases themselves.
     */
    static Path2D shape(Marker m, double x, double y, double size) {
        double r = size / 2;
        Path2D.Double p = new Path2D.Double();
        switch (m) {
            case PLUS:
            case HLINE:
            case VLINE:
                if (m != Marker.VLINE) {
                    p.moveTo(x - r, y);
                    p.lineTo(x + r, y);
                }
                if (m != Marker.HLINE) {
                    p.moveTo(x, y - r);
                    p.lineTo(x, y + r);
                }
                return p;
            case X:
                p.moveTo(x - r, y - r);
                p.lineTo(x + r, y + r);
                p.moveTo(x - r, y + r);
                p.lineTo(x + r, y - r);
                return p;
            default:
                double[] q = shape(m);
                for (int i = 0; i < q.length; i += 2) {
                    if (i == 0) {
                        p.moveTo(x + q[i] * r, y - q[i + 1] * r);
                    } else {
                        p.lineTo(x + q[i] * r, y - q[i + 1] * r);
                    }
                }
                p.closePath();
                return p;
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
