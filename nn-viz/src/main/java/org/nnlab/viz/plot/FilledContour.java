package org.nnlab.viz.plot;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Values on a grid, filled in colour bands between levels, made by {@link Axes#contourf}; the
 * figure of a classifier's decision regions.
 *
 * <p>{@code z[j][i]} is the value at ({@code xs[i]}, {@code ys[j]}), as matplotlib's
 * {@code contourf(X, Y, Z)} with {@code Z} of shape (ny, nx). Each grid point colours the cell
 * around it (edges halfway to its neighbours, clipped to the grid's extent). A value v falls in
 * band i when level[i] ≤ v ≤ level[i+1]; values outside every band and NaN are left unfilled (and
 * NaN counted). Band i gets colormap colour i / (bands − 1), so the bands span the whole map.
 */
public final class FilledContour extends Series implements Mappable {
    private final double[] xs;
    private final double[] ys;
    private final double[] z;
    private final int skipped;
    private final double zmin;
    private final double zmax;
    private double[] levels;
    private Colormap cmap = Colormap.VIRIDIS;
    private List<Color> bandColors;

    FilledContour(double[] xs, double[] ys, double[][] z) {
        super(SeriesKind.CONTOURF, Color.cycle(0));
        if (xs.length < 2 || ys.length < 2) {
            throw new IllegalArgumentException("contourf: the grid is " + xs.length + " × " + ys.length
                    + " points; expected at least 2 × 2. Hint: sample the plane on a grid such as 200 × 200.");
        }
        requireIncreasing("contourf", "xs", xs);
        requireIncreasing("contourf", "ys", ys);
        if (z.length != ys.length) {
            throw new IllegalArgumentException("contourf: z has " + z.length + " rows but ys has " + ys.length
                    + " values; expected z[j][i] with one row per y. Hint: Z has shape (len(ys), len(xs)).");
        }
        this.xs = xs.clone();
        this.ys = ys.clone();
        this.z = new double[xs.length * ys.length];
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        int bad = 0;
        for (int j = 0; j < ys.length; j++) {
            if (z[j].length != xs.length) {
                throw new IllegalArgumentException("contourf: row " + j + " of z has " + z[j].length
                        + " values but xs has " + xs.length + "; expected one value per x");
            }
            for (int i = 0; i < xs.length; i++) {
                double v = z[j][i];
                this.z[j * xs.length + i] = v;
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                } else {
                    bad++;
                }
            }
        }
        skipped = bad;
        zmin = bad == this.z.length ? 0 : lo;
        zmax = bad == this.z.length ? 1 : (hi > lo ? hi : lo + 1);
        levels = Ticks.niceLevels(zmin, zmax, 8);
    }

    /** A copy of the grid's x coordinates. */
    public double[] xs() {
        return xs.clone();
    }

    /** A copy of the grid's y coordinates. */
    public double[] ys() {
        return ys.clone();
    }

    /** The value at grid point (xs[i], ys[j]). */
    public double value(int i, int j) {
        return z[j * xs.length + i];
    }

    @Override
    public double[] levels() {
        return levels.clone();
    }

    @Override
    public Colormap cmap() {
        return cmap;
    }

    @Override
    public double vmin() {
        return levels[0];
    }

    @Override
    public double vmax() {
        return levels[levels.length - 1];
    }

    /** The band index of {@code v}, or −1 when v is NaN or outside the levels. */
    public int band(double v) {
        if (!(v >= levels[0] && v <= levels[levels.length - 1])) {
            return -1;
        }
        int k = Arrays.binarySearch(levels, v);
        int i = k >= 0 ? k : -k - 2;
        return Math.min(i, levels.length - 2);
    }

    /** The fill colour of band {@code i}. */
    public Color bandColor(int i) {
        if (bandColors != null) {
            return bandColors.get(i);
        }
        int bands = levels.length - 1;
        return cmap.at(bands == 1 ? 0.5 : (double) i / (bands - 1));
    }

    @Override
    public Color colorOf(double v) {
        int b = band(v);
        return b < 0 ? null : bandColor(b);
    }

    /** Sets the band boundaries (at least two, strictly increasing), like {@code levels=[…]}. */
    public FilledContour levels(double... newLevels) {
        if (newLevels.length < 2) {
            throw new IllegalArgumentException("contourf: levels " + Arrays.toString(newLevels)
                    + " has " + newLevels.length + " value(s); expected at least 2 boundaries. Hint: levels(0, 0.5, 1) gives two bands.");
        }
        requireIncreasing("contourf", "levels", newLevels);
        if (bandColors != null && bandColors.size() != newLevels.length - 1) {
            bandColors = null;
        }
        this.levels = newLevels.clone();
        return this;
    }

    /** Chooses about {@code n} nice band boundaries over the data range, like {@code levels=n}. */
    public FilledContour levels(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("contourf: levels(" + n + ") must ask for at least 1 band");
        }
        return levels(Ticks.niceLevels(zmin, zmax, n));
    }

    /** Sets the colormap. */
    public FilledContour cmap(Colormap m) {
        this.cmap = Objects.requireNonNull(m, "cmap");
        this.bandColors = null;
        return this;
    }

    /** Gives each band its own colour (one spec per band), like {@code colors=[…]}. */
    public FilledContour colors(String... specs) {
        if (specs.length != levels.length - 1) {
            throw new IllegalArgumentException("contourf: " + specs.length + " colours for " + (levels.length - 1)
                    + " bands; expected one colour per band (levels − 1). Hint: set levels first.");
        }
        Color[] cs = new Color[specs.length];
        for (int i = 0; i < specs.length; i++) {
            cs[i] = Color.parse(specs[i]);
        }
        this.bandColors = List.of(cs);
        return this;
    }

    /** Sets the opacity in [0, 1]. */
    public FilledContour alpha(double alpha) {
        setAlpha(alpha);
        return this;
    }

    @Override
    public int pointCount() {
        return z.length;
    }

    @Override
    public int skippedCount() {
        return skipped;
    }

    @Override
    void extend(DataBounds bounds) {
        bounds.stickyX(xs[0]);
        bounds.stickyX(xs[xs.length - 1]);
        bounds.stickyY(ys[0]);
        bounds.stickyY(ys[ys.length - 1]);
    }

    static void requireIncreasing(String call, String what, double[] v) {
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i]) || (i > 0 && !(v[i] > v[i - 1]))) {
                throw new IllegalArgumentException(call + ": " + what + " must be finite and strictly increasing, but "
                        + what + "[" + i + "] = " + v[i] + (i > 0 ? " after " + v[i - 1] : "")
                        + ". Hint: build the grid with evenly spaced values, e.g. from a linspace.");
            }
        }
    }
}
