package org.nnlab.viz.plot;

import java.util.Objects;

/**
 * A raster of values shown as coloured pixels, made by {@link Axes#imshow}.
 *
 * <p>As in matplotlib, row 0 is drawn at the top (origin "upper"), pixel (r, c) is centred on
 * (c, r), and the axes' y direction is flipped to match. Values map linearly from
 * [{@link #vmin()}, {@link #vmax()}] (by default the finite data range) onto the colormap; values
 * outside are clamped and NaN pixels are transparent and counted by {@link #skippedCount()}.
 */
public final class Image extends Series implements Mappable {
    private final int rows;
    private final int cols;
    private final double[] values;
    private final int skipped;
    private Colormap cmap = Colormap.VIRIDIS;
    private double vmin;
    private double vmax;

    Image(double[][] data) {
        super(SeriesKind.IMAGE, Color.cycle(0));
        if (data == null || data.length == 0 || data[0] == null || data[0].length == 0) {
            throw new IllegalArgumentException("imshow: the image is empty (" + (data == null ? "null" : data.length
                    + " rows") + "); expected at least 1×1 values. Hint: imshow takes values[row][column].");
        }
        rows = data.length;
        cols = data[0].length;
        values = new double[rows * cols];
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        int bad = 0;
        for (int r = 0; r < rows; r++) {
            if (data[r] == null || data[r].length != cols) {
                throw new IllegalArgumentException("imshow: row " + r + " has " + (data[r] == null ? "no" : data[r].length)
                        + " values but row 0 has " + cols + "; expected a rectangular array. Hint: pad or crop the rows.");
            }
            for (int c = 0; c < cols; c++) {
                double v = data[r][c];
                values[r * cols + c] = v;
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                } else {
                    bad++;
                }
            }
        }
        skipped = bad;
        vmin = bad == values.length ? 0 : lo;
        vmax = bad == values.length ? 1 : hi;
    }

    /** Rows of pixels. */
    public int rows() {
        return rows;
    }

    /** Columns of pixels. */
    public int cols() {
        return cols;
    }

    /** Value at pixel (r, c). */
    public double value(int r, int c) {
        return values[r * cols + c];
    }

    @Override
    public Colormap cmap() {
        return cmap;
    }

    @Override
    public double vmin() {
        return vmin;
    }

    @Override
    public double vmax() {
        return vmax;
    }

    @Override
    public double[] levels() {
        return null;
    }

    @Override
    public Color colorOf(double v) {
        return cmap.at(vmax > vmin ? (v - vmin) / (vmax - vmin) : 0.5);
    }

    /** Sets the colormap, e.g. {@link Colormap#GRAY} for digits. */
    public Image cmap(Colormap m) {
        this.cmap = Objects.requireNonNull(m, "cmap");
        return this;
    }

    /** Sets the values mapped to the ends of the colormap. */
    public Image range(double vmin, double vmax) {
        Limits checked = new Limits(vmin, vmax);
        this.vmin = checked.lo();
        this.vmax = checked.hi();
        return this;
    }

    /** Sets the legend label. */
    public Image label(String label) {
        setLabel(label);
        return this;
    }

    @Override
    public int pointCount() {
        return values.length;
    }

    @Override
    public int skippedCount() {
        return skipped;
    }

    @Override
    void extend(DataBounds bounds) {
        bounds.stickyX(-0.5);
        bounds.stickyX(cols - 0.5);
        bounds.stickyY(-0.5);
        bounds.stickyY(rows - 0.5);
    }
}
