package org.nnlab.viz.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One plotting area of a {@link Figure}, with pyplot's {@code ax.*} calls.
 *
 * <p>Plot calls ({@link #plot}, {@link #scatter}, {@link #imshow}, …) add a {@link Series} and
 * return it for further options. Without an explicit colour, lines and stems take the next colour
 * of the default cycle (C0, C1, …), and scatters, bars and histograms take theirs from a second,
 * independent cycle, as in matplotlib. Decorations ({@link #title}, {@link #xlim}, {@link #grid},
 * {@link #legend}, …) return the axes. Everything stays queryable: the computed limits, the legend
 * entries, the series with their data.
 */
public final class Axes {
    private final List<Series> series = new ArrayList<>();
    private final List<Annotation> annotations = new ArrayList<>();
    private final AxisSettings x = new AxisSettings("x");
    private final AxisSettings y = new AxisSettings("y");
    private final Figure figure;
    private final int row;
    private final int col;
    private String title;
    private double titleSize = Double.NaN;
    private double xLabelSize = Double.NaN;
    private double yLabelSize = Double.NaN;
    private double tickSize = Double.NaN;
    private double legendSize = Double.NaN;
    private Color titleColor = Color.BLACK;
    private boolean axisOn = true;
    private double gridAlpha = -1;
    private boolean equal;
    private LegendLocation legend;
    private Mappable colorbar;
    private String colorbarLabel;
    private int lineCycle;
    private int patchCycle;

    Axes(Figure figure, int row, int col) {
        this.figure = figure;
        this.row = row;
        this.col = col;
    }

    /** Plots y against 0, 1, …, n−1 as a solid line. */
    public Line plot(double[] y) {
        return plot(indices(y.length), y, "");
    }

    /** Plots y against 0, 1, …, n−1 with a format string such as {@code "ro"}. */
    public Line plot(double[] y, String fmt) {
        return plot(indices(y.length), y, fmt);
    }

    /** Plots y against x as a solid line. */
    public Line plot(double[] x, double[] y) {
        return plot(x, y, "");
    }

    /**
     * Plots y against x with a matplotlib format string ({@code "b--"}, {@code "ko"}, {@code "C2^:"}).
     *
     * @throws IllegalArgumentException for different lengths or an unknown format character
     */
    public Line plot(double[] x, double[] y, String fmt) {
        PlotFormat f = PlotFormat.parse(fmt);
        Series.requireSameLength("plot", x, y);
        return add(new Line(x, y, f, f.color() != null ? f.color() : Color.cycle(lineCycle++)));
    }

    /** Draws a marker at each (x[i], y[i]); see {@link Scatter} for per-point colours and sizes. */
    public Scatter scatter(double[] x, double[] y) {
        Series.requireSameLength("scatter", x, y);
        return add(new Scatter(x, y, Color.cycle(patchCycle++)));
    }

    /** A stem plot of y against 0, 1, …, n−1. */
    public Stem stem(double[] y) {
        return stem(indices(y.length), y);
    }

    /** A stem plot: a line from 0 to each y[i] at x[i], topped with a circle. */
    public Stem stem(double[] x, double[] y) {
        Series.requireSameLength("stem", x, y);
        return add(new Stem(x, y, Color.cycle(lineCycle++)));
    }

    /** Bars of the given heights centred on x, 0.8 wide. */
    public Bars bar(double[] x, double[] heights) {
        Series.requireSameLength("bar", x, heights);
        Series.requireNonEmpty("bar", "heights", heights.length);
        double[] w = new double[x.length];
        java.util.Arrays.fill(w, 0.8);
        return add(new Bars(SeriesKind.BAR, x, heights, w, null, null, Color.cycle(patchCycle++)));
    }

    /** Bars for named categories at x = 0, 1, …, labelled with the names. */
    public Bars bar(List<String> categories, double[] heights) {
        if (categories.size() != heights.length) {
            throw new IllegalArgumentException("bar: " + categories.size() + " categories but " + heights.length
                    + " heights; expected one height per category");
        }
        Bars b = bar(indices(heights.length), heights);
        Bars named = new Bars(SeriesKind.BAR, b.x(), heights, b.widths(), null, categories, b.color());
        series.set(series.size() - 1, named);
        xticks(indices(heights.length), categories.toArray(new String[0]));
        return named;
    }

    /**
     * A histogram of {@code data} in {@code bins} equal bins over its finite range, like
     * {@code numpy.histogram}: each bin is half-open [a, b) except the last, which is closed.
     * Non-finite samples are dropped and counted in the series' {@link Series#skippedCount()}.
     */
    public Bars hist(double[] data, int bins) {
        return add(Bars.histogram(data, bins, null, Color.cycle(patchCycle++)));
    }

    /** A histogram over an explicit range; samples outside it are not counted in any bin. */
    public Bars hist(double[] data, int bins, Limits range) {
        return add(Bars.histogram(data, bins, Objects.requireNonNull(range, "range"), Color.cycle(patchCycle++)));
    }

    /** Shows {@code values[row][col]} as an image (row 0 on top), viridis by default. */
    public Image imshow(double[][] values) {
        Image im = add(new Image(values));
        y.inverted = true;
        return im;
    }

    /** Fills the bands of z over the grid xs × ys; see {@link FilledContour}. */
    public FilledContour contourf(double[] xs, double[] ys, double[][] z) {
        return add(new FilledContour(xs, ys, z));
    }

    /**
     * The line where {@code z} crosses {@code level} over the grid xs × ys, like matplotlib's
     * {@code contour(X, Y, Z, levels=[level])}; in the next line colour. See {@link ContourLines}.
     */
    public ContourLines contour(double[] xs, double[] ys, double[][] z, double level) {
        return add(new ContourLines(xs, ys, z, level, Color.cycle(lineCycle++)));
    }

    /** A solid horizontal line across the axes at y, in C0. */
    public RefLine axhline(double y) {
        return axhline(y, "");
    }

    /** A solid vertical line across the axes at x, in C0. */
    public RefLine axvline(double x) {
        return axvline(x, "");
    }

    /** A horizontal line across the axes at y, in C0 unless the format names a colour. */
    public RefLine axhline(double y, String fmt) {
        PlotFormat f = PlotFormat.parse(fmt);
        return add(new RefLine(SeriesKind.HLINE, y, f, f.color() != null ? f.color() : Color.cycle(0)));
    }

    /** A vertical line across the axes at x, in C0 unless the format names a colour. */
    public RefLine axvline(double x, String fmt) {
        PlotFormat f = PlotFormat.parse(fmt);
        return add(new RefLine(SeriesKind.VLINE, x, f, f.color() != null ? f.color() : Color.cycle(0)));
    }

    /** Text at (x, y) in data coordinates. */
    public Annotation text(double x, double y, String text) {
        Annotation a = new Annotation(text, x, y, null).fontSize(figure.fontSize());
        annotations.add(a);
        return a;
    }

    /** Text at {@code textAt} with an arrow pointing at {@code pointAt} (both data coordinates). */
    public Annotation annotate(String text, double[] pointAt, double[] textAt) {
        if (pointAt.length != 2 || textAt.length != 2) {
            throw new IllegalArgumentException("annotate: points must be {x, y} pairs but got lengths "
                    + pointAt.length + " and " + textAt.length);
        }
        Annotation a = new Annotation(text, textAt[0], textAt[1], pointAt.clone()).fontSize(figure.fontSize());
        annotations.add(a);
        return a;
    }

    /** Sets the title (mathtext allowed). */
    public Axes title(String text) {
        Mathtext.parse(text);
        this.title = text;
        return this;
    }

    /** Sets the title and its font size in points, like {@code plt.title(text, fontsize=15)}. */
    public Axes title(String text, double fontSize) {
        title(text);
        this.titleSize = checkedSize("title", fontSize);
        return this;
    }

    /**
     * Sets every font size of this axes at once, like passing {@code fontsize=size} to each call:
     * axis labels, tick labels and legend at {@code size}, the title at 1.2 × {@code size}
     * (matplotlib's "large").
     */
    public Axes fontSize(double size) {
        checkedSize("fontSize", size);
        this.titleSize = Figure.TITLE_SCALE * size;
        this.xLabelSize = size;
        this.yLabelSize = size;
        this.tickSize = size;
        this.legendSize = size;
        return this;
    }

    /** Sets the tick labels' font size in points, like {@code plt.xticks(fontsize=15)} (both axes). */
    public Axes tickLabelSize(double size) {
        this.tickSize = checkedSize("tickLabelSize", size);
        return this;
    }

    /** The title's font size in points: set here, else 1.2 × the figure's font size. */
    public double titleFontSize() {
        return Double.isNaN(titleSize) ? Figure.TITLE_SCALE * figure.fontSize() : titleSize;
    }

    /** The x label's font size in points: set here, else the figure's font size. */
    public double xLabelFontSize() {
        return Double.isNaN(xLabelSize) ? figure.fontSize() : xLabelSize;
    }

    /** The y label's font size in points: set here, else the figure's font size. */
    public double yLabelFontSize() {
        return Double.isNaN(yLabelSize) ? figure.fontSize() : yLabelSize;
    }

    /** The tick labels' font size in points: set here, else the figure's font size. */
    public double tickFontSize() {
        return Double.isNaN(tickSize) ? figure.fontSize() : tickSize;
    }

    /** The legend's font size in points: set here, else the figure's font size. */
    public double legendFontSize() {
        return Double.isNaN(legendSize) ? figure.fontSize() : legendSize;
    }

    static double checkedSize(String what, double size) {
        if (!(size > 0 && size < 200)) {
            throw new IllegalArgumentException(what + " (" + size + ") must be a font size in (0, 200) points;"
                    + " matplotlib's default is 10");
        }
        return size;
    }

    /** Sets the title's colour, e.g. {@code "r"} to flag a wrong prediction. */
    public Axes titleColor(String spec) {
        this.titleColor = Color.parse(spec);
        return this;
    }

    /** Hides spines, ticks and tick labels, like {@code ax.axis('off')} (for images and diagrams). */
    public Axes axisOff() {
        this.axisOn = false;
        return this;
    }

    /** Sets the x-axis label (mathtext allowed, e.g. {@code "$x_1$"}). */
    public Axes xlabel(String text) {
        x.label(text);
        return this;
    }

    /** Sets the y-axis label (mathtext allowed). */
    public Axes ylabel(String text) {
        y.label(text);
        return this;
    }

    /** Sets the x-axis label and its font size, like {@code plt.xlabel(text, fontsize=15)}. */
    public Axes xlabel(String text, double fontSize) {
        x.label(text);
        this.xLabelSize = checkedSize("xlabel", fontSize);
        return this;
    }

    /** Sets the y-axis label and its font size, like {@code plt.ylabel(text, fontsize=15)}. */
    public Axes ylabel(String text, double fontSize) {
        y.label(text);
        this.yLabelSize = checkedSize("ylabel", fontSize);
        return this;
    }

    /** Fixes the x limits; lower must be below upper. */
    public Axes xlim(double lo, double hi) {
        x.limits = x.checkedLimits(lo, hi);
        return this;
    }

    /** Fixes the y limits; lower must be below upper (use {@link #invertYaxis()} to flip). */
    public Axes ylim(double lo, double hi) {
        y.limits = y.checkedLimits(lo, hi);
        return this;
    }

    /** Sets the x scale. */
    public Axes xscale(Scale scale) {
        x.scale = Objects.requireNonNull(scale, "scale");
        return this;
    }

    /** Sets the y scale, e.g. {@link Scale#LOG} for gradient norms or losses. */
    public Axes yscale(Scale scale) {
        y.scale = Objects.requireNonNull(scale, "scale");
        return this;
    }

    /** Draws y increasing downwards (as images do). */
    public Axes invertYaxis() {
        y.inverted = !y.inverted;
        return this;
    }

    /** Draws grid lines at the major ticks (light grey, opaque). */
    public Axes grid() {
        return grid(1);
    }

    /** Draws grid lines at the major ticks with the given opacity, like {@code grid(alpha=0.3)}. */
    public Axes grid(double alpha) {
        if (!(alpha > 0 && alpha <= 1)) {
            throw new IllegalArgumentException("grid alpha (" + alpha + ") must be in (0, 1]");
        }
        this.gridAlpha = alpha;
        return this;
    }

    /**
     * Makes one unit the same length on both axes, like matplotlib's {@code axis('equal')}: the box
     * keeps its size and one axis' limits change around their centre to fill it (adjustable
     * "datalim"), even limits set with {@link #xlim} or {@link #ylim}; see {@link #equalLimits}.
     */
    public Axes axisEqual() {
        this.equal = true;
        return this;
    }

    /** Shows a legend of the labelled series at the best position. */
    public Axes legend() {
        return legend(LegendLocation.BEST);
    }

    /** Shows a legend at a named position such as {@code "upper left"}. */
    public Axes legend(String location) {
        return legend(LegendLocation.parse(location));
    }

    /** Shows a legend at {@code location}. */
    public Axes legend(LegendLocation location) {
        this.legend = Objects.requireNonNull(location, "location");
        return this;
    }

    /** Shows a legend at a matplotlib location code, like {@code plt.legend(loc=1)} (1 is upper right, 0 best). */
    public Axes legend(int locationCode) {
        return legend(LegendLocation.ofCode(locationCode));
    }

    /** Shows a legend at a location code with text of {@code fontSize} points, like {@code legend(loc=1, fontsize=15)}. */
    public Axes legend(int locationCode, double fontSize) {
        legend(LegendLocation.ofCode(locationCode));
        this.legendSize = checkedSize("legend fontSize", fontSize);
        return this;
    }

    /** Shows a legend at a named location with text of {@code fontSize} points. */
    public Axes legend(String location, double fontSize) {
        legend(LegendLocation.parse(location));
        this.legendSize = checkedSize("legend fontSize", fontSize);
        return this;
    }

    /** Adds a colorbar right of the axes for {@code mappable} (an image or filled contour here). */
    public Axes colorbar(Mappable mappable, String label) {
        if (!series.contains((Series) mappable)) {
            throw new IllegalArgumentException("colorbar: the image or contour is not in this axes; add it with imshow or contourf first");
        }
        if (label != null) {
            Mathtext.parse(label);
        }
        this.colorbar = mappable;
        this.colorbarLabel = label;
        return this;
    }

    /** Places x ticks at {@code positions} with the given labels (or formatted values if none). */
    public Axes xticks(double[] positions, String... labels) {
        x.ticks(positions, labels);
        return this;
    }

    /** Places y ticks at {@code positions} with the given labels (or formatted values if none). */
    public Axes yticks(double[] positions, String... labels) {
        y.ticks(positions, labels);
        return this;
    }

    /** The series in drawing order. */
    public List<Series> series() {
        return List.copyOf(series);
    }

    /** The texts and annotations. */
    public List<Annotation> annotations() {
        return List.copyOf(annotations);
    }

    /** The title, or null. */
    public String title() {
        return title;
    }

    /** The title's colour (black by default). */
    public Color titleColor() {
        return titleColor;
    }

    /** Whether spines, ticks and tick labels are drawn. */
    public boolean axisOn() {
        return axisOn;
    }

    /** The settings of the x axis (label, scale, limits, ticks). */
    public AxisSettings xaxis() {
        return x;
    }

    /** The settings of the y axis. */
    public AxisSettings yaxis() {
        return y;
    }

    /** The x limits: the explicit ones, or the autoscaled data range with 5% margins. */
    public Limits xlim() {
        return x.limits != null ? x.limits : Autoscale.limits(series, x.scale, y.scale, true);
    }

    /** The y limits: the explicit ones, or the autoscaled data range with 5% margins. */
    public Limits ylim() {
        return y.limits != null ? y.limits : Autoscale.limits(series, x.scale, y.scale, false);
    }

    /** The grid opacity, or a negative number when the grid is off. */
    public double gridAlpha() {
        return gridAlpha;
    }

    /**
     * The x and y limits shown in a box of {@code boxWidth} × {@code boxHeight} points: {@link #xlim()}
     * and {@link #ylim()}, except with {@link #axisEqual()}, where matplotlib's {@code apply_aspect}
     * with adjustable 'datalim' resizes one of them about its centre so that a unit has the same
     * length on both axes. It grows the axis that is too short; when both views hold the data with
     * room to spare (more than 5% beyond it), it may instead shrink the other, if the data still fit.
     */
    public Limits[] equalLimits(double boxWidth, double boxHeight) {
        Limits xl = xlim();
        Limits yl = ylim();
        if (!equal || x.scale != Scale.LINEAR || y.scale != Scale.LINEAR || !(boxWidth > 0 && boxHeight > 0)) {
            return new Limits[] {xl, yl};
        }
        double ratio = boxHeight / boxWidth;
        double xsize = xl.span();
        double ysize = yl.span();
        double yExpander = ratio * xsize / ysize - 1;
        if (Math.abs(yExpander) < 0.005) {
            return new Limits[] {xl, yl};
        }
        DataBounds b = new DataBounds(x.scale, y.scale);
        for (Series s : series) {
            s.extend(b);
        }
        double xr = b.xmin <= b.xmax ? 1.05 * (b.xmax - b.xmin) : 0;
        double yr = b.ymin <= b.ymax ? 1.05 * (b.ymax - b.ymin) : 0;
        double ySize = ratio * xsize;
        double xSize = ysize / ratio;
        boolean adjustY = xsize - xr > 0 && ysize - yr > 0
                ? (ySize - yr > 0 && yExpander < 0) || (xSize - xr < 0 && yExpander > 0)
                : yExpander > 0;
        if (adjustY) {
            double mid = (yl.lo() + yl.hi()) / 2;
            return new Limits[] {xl, new Limits(mid - ySize / 2, mid + ySize / 2)};
        }
        double mid = (xl.lo() + xl.hi()) / 2;
        return new Limits[] {new Limits(mid - xSize / 2, mid + xSize / 2), yl};
    }

    /** Whether {@link #axisEqual()} was called. */
    public boolean equalAspect() {
        return equal;
    }

    /** The legend position, or null when no legend is shown. */
    public LegendLocation legendLocation() {
        return legend;
    }

    /** The legend rows: one per labelled series, in drawing order. */
    public List<LegendEntry> legendEntries() {
        List<LegendEntry> out = new ArrayList<>();
        for (Series s : series) {
            if (s.label() != null) {
                double width = s instanceof Line l ? l.lineWidth() : s instanceof RefLine r ? r.lineWidth()
                        : s instanceof ContourLines c ? c.lineWidth() : 1.5;
                out.add(new LegendEntry(s.label(), s.kind(), s.color(), s.marker(), s.lineStyle(), s.alpha(), width));
            }
        }
        return List.copyOf(out);
    }

    /** The series the colorbar shows, or null. */
    public Mappable colorbar() {
        return colorbar;
    }

    /** The colorbar's label, or null. */
    public String colorbarLabel() {
        return colorbarLabel;
    }

    /** The grid row of this axes in its figure. */
    public int row() {
        return row;
    }

    /** The grid column of this axes in its figure. */
    public int col() {
        return col;
    }

    /** The number of points, over all series, not drawn because they are NaN or infinite. */
    public int skippedCount() {
        int n = 0;
        for (Series s : series) {
            n += s.skippedCount();
        }
        return n;
    }

    private <S extends Series> S add(S s) {
        series.add(s);
        return s;
    }

    private static double[] indices(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
        }
        return x;
    }
}
