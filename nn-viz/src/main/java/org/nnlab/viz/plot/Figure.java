package org.nnlab.viz.plot;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.nnlab.core.io.AtomicFile;
import org.nnlab.viz.svg.PngRenderer;
import org.nnlab.viz.svg.SvgRenderer;

/**
 * A figure: a size in inches and a grid of {@link Axes}, like {@code plt.subplots}.
 *
 * <p>One inch is 72 points, the SVG's user unit, so a 6.4 × 4.8 inch figure (matplotlib's default
 * {@value #DEFAULT_WIDTH} × {@value #DEFAULT_HEIGHT}) is 460.8 × 345.6 pt and text is sized in
 * points as in matplotlib. The SVG is made by {@link #toSvg()}; it is byte-identical for the same
 * figure.
 *
 * <pre>{@code
 * Figure fig = new Figure(8, 3);
 * List<Axes> ax = fig.subplots(1, 2);
 * ax.get(0).plot(x, y, "b-").label("$\\sigma(z)$");
 * ax.get(0).legend();
 * fig.saveSvg(Path.of("sigmoid.svg"));
 * }</pre>
 */
public final class Figure {
    /** matplotlib's default figure width in inches. */
    public static final double DEFAULT_WIDTH = 6.4;
    /** matplotlib's default figure height in inches. */
    public static final double DEFAULT_HEIGHT = 4.8;
    /** matplotlib's default font size in points ({@code rcParams['font.size']}). */
    public static final double DEFAULT_FONT_SIZE = 10;
    /** How much larger than the font size titles are: matplotlib's "large". */
    public static final double TITLE_SCALE = 1.2;

    private final double width;
    private final double height;
    private final List<Axes> axes = new ArrayList<>();
    private int rows;
    private int cols;
    private String suptitle;
    private String title;
    private String description;
    private double fontSize = DEFAULT_FONT_SIZE;

    /** A figure of matplotlib's default size. */
    public Figure() {
        this(DEFAULT_WIDTH, DEFAULT_HEIGHT);
    }

    /**
     * A figure of {@code width} × {@code height} inches, like {@code figsize=(width, height)}.
     *
     * @throws IllegalArgumentException unless both are in (0, 100]
     */
    public Figure(double width, double height) {
        if (!(width > 0 && width <= 100 && height > 0 && height <= 100)) {
            throw new IllegalArgumentException("Figure size (" + width + ", " + height + ") inches must be in (0, 100]"
                    + "; expected e.g. (6.4, 4.8), matplotlib's default");
        }
        this.width = width;
        this.height = height;
    }

    /**
     * Creates a {@code rows} × {@code cols} grid of axes, returned row by row.
     *
     * @throws IllegalStateException if the figure already has axes
     */
    public List<Axes> subplots(int rows, int cols) {
        if (rows < 1 || cols < 1 || rows * cols > 400) {
            throw new IllegalArgumentException("subplots(" + rows + ", " + cols + ") must have 1..400 axes in a grid"
                    + " of at least 1 × 1");
        }
        if (!axes.isEmpty()) {
            throw new IllegalStateException("This figure already has " + axes.size() + " axes; subplots may be called"
                    + " once. Hint: create a new Figure for another layout.");
        }
        this.rows = rows;
        this.cols = cols;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                axes.add(new Axes(this, r, c));
            }
        }
        return List.copyOf(axes);
    }

    /** Creates the figure's single axes, like {@code fig, ax = plt.subplots()}. */
    public Axes subplot() {
        return subplots(1, 1).get(0);
    }

    /** The axes at ({@code row}, {@code col}). */
    public Axes axes(int row, int col) {
        if (row < 0 || row >= rows || col < 0 || col >= cols) {
            throw new IllegalArgumentException("No axes at (" + row + ", " + col + "); the grid is " + rows + " × " + cols);
        }
        return axes.get(row * cols + col);
    }

    /** All axes, row by row. */
    public List<Axes> axes() {
        return List.copyOf(axes);
    }

    /** Grid rows. */
    public int rows() {
        return rows;
    }

    /** Grid columns. */
    public int cols() {
        return cols;
    }

    /** Width in inches. */
    public double width() {
        return width;
    }

    /** Height in inches. */
    public double height() {
        return height;
    }

    /**
     * Sets the figure's font size in points, like {@code rcParams['font.size']}: tick labels, axis
     * labels, legends and texts use it, titles 1.2 times it, unless an axes or a call sets its own.
     * Set it before adding texts (as rcParams, it applies to what is created after).
     */
    public Figure fontSize(double size) {
        this.fontSize = Axes.checkedSize("Figure fontSize", size);
        return this;
    }

    /** The figure's font size in points ({@value #DEFAULT_FONT_SIZE} by default). */
    public double fontSize() {
        return fontSize;
    }

    /** Sets a title centred above all axes (mathtext allowed). */
    public Figure suptitle(String text) {
        Mathtext.parse(text);
        this.suptitle = text;
        return this;
    }

    /** The centred title above all axes, or null. */
    public String suptitle() {
        return suptitle;
    }

    /** Sets the accessible title (the SVG {@code <title>}), if it should differ from the visible one. */
    public Figure title(String text) {
        this.title = text;
        return this;
    }

    /**
     * The accessible title: the one set by {@link #title(String)}, else the suptitle, else the first
     * axes title, else "Figure"; in plain text.
     */
    public String title() {
        if (title != null) {
            return title;
        }
        if (suptitle != null) {
            return Mathtext.plain(suptitle);
        }
        for (Axes a : axes) {
            if (a.title() != null) {
                return Mathtext.plain(a.title());
            }
        }
        return "Figure";
    }

    /** Sets a longer description (the SVG {@code <desc>}) for screen readers. */
    public Figure description(String text) {
        this.description = text;
        return this;
    }

    /** The description, or null. */
    public String description() {
        return description;
    }

    /** The figure as a standalone SVG document; element ids start with "f". */
    public String toSvg() {
        return SvgRenderer.render(this, "f");
    }

    /** The figure as SVG with element ids starting with {@code idPrefix} (unique per HTML page). */
    public String toSvg(String idPrefix) {
        return SvgRenderer.render(this, idPrefix);
    }

    /**
     * Writes the SVG to {@code file} atomically (a temporary file in the same folder, then a move).
     *
     * @throws IOException naming the file and folder if it cannot be written
     */
    public void saveSvg(Path file) throws IOException {
        AtomicFile.writeString(file, toSvg());
    }

    /**
     * The figure as PNG bytes at {@code dpi} dots per inch, drawn with Java2D from the same layout
     * as the SVG ({@code figsize × dpi} pixels, like matplotlib's {@code savefig(dpi=…)}).
     */
    public byte[] toPng(double dpi) {
        return PngRenderer.png(this, dpi);
    }

    /** Writes a PNG at matplotlib's default {@value PngRenderer#DEFAULT_DPI} dpi, atomically. */
    public void savePng(Path file) throws IOException {
        savePng(file, PngRenderer.DEFAULT_DPI);
    }

    /** Writes a PNG at {@code dpi} dots per inch (300 for print), atomically. */
    public void savePng(Path file, double dpi) throws IOException {
        AtomicFile.write(file, toPng(dpi));
    }

    /**
     * Writes the figure in the format its file name ends in, like matplotlib's {@code savefig}:
     * {@code .svg}, or {@code .png} at {@value PngRenderer#DEFAULT_DPI} dpi.
     *
     * @throws IllegalArgumentException for another extension
     */
    public void savefig(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".svg")) {
            saveSvg(file);
        } else if (name.endsWith(".png")) {
            savePng(file);
        } else {
            throw new IllegalArgumentException("savefig: cannot tell the format of '" + file.getFileName()
                    + "'; expected a name ending in .svg or .png. Hint: fig.savefig(Path.of(\"figure.png\")).");
        }
    }
}
