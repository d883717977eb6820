package org.nnlab.viz.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import org.nnlab.core.io.AtomicFile;
import org.nnlab.viz.plot.Figure;

/**
 * Builds one self-contained HTML5 page: a title, then sections, paragraphs, code blocks, tables,
 * key/value numbers and figures (inline SVG) with captions, in the order they were added.
 *
 * <p>The page needs no network: CSS and SVG are inline and there are no external links; the only
 * script, inline, is the player of {@link #animation animations}, present only when there is one.
 * All text is escaped. In tables, numeric cells are right-aligned with tabular digits; doubles are
 * shown with up to 4 decimals (or in scientific notation when tiny or huge). Figures are rendered
 * when the page is written, so a figure changed after {@link #figure} shows its final state.
 * The same content gives the same bytes.
 *
 * <pre>{@code
 * Report.titled("XOR with a 2-2-1 network")
 *       .section("Training").paragraph("Loss falls below 0.05 by epoch 400.")
 *       .figure(lossFigure, "Training loss per epoch")
 *       .table(List.of("layer", "params"), List.of(List.of("dense", 6), List.of("dense_1", 3)))
 *       .writeTo(Path.of("target/xor.html"));
 * }</pre>
 */
public final class Report {
    private final String title;
    private final List<Object> blocks = new ArrayList<>();

    private Report(String title) {
        this.title = title;
    }

    /** Starts a report with a page title (the {@code <h1>} and the browser tab's title). */
    public static Report titled(String title) {
        return new Report(requireText("title", title));
    }

    /** Adds a section heading. */
    public Report section(String heading) {
        blocks.add(new Html.Heading(requireText("section heading", heading)));
        return this;
    }

    /** Adds a paragraph of plain text (escaped; no markup). */
    public Report paragraph(String text) {
        blocks.add(new Html.Paragraph(Objects.requireNonNull(text, "text")));
        return this;
    }

    /** Adds a preformatted block, e.g. a model summary or a code listing. */
    public Report code(String text) {
        blocks.add(new Html.Code(Objects.requireNonNull(text, "text")));
        return this;
    }

    /**
     * Adds a table; each row must have as many cells as the header.
     *
     * @throws IllegalArgumentException naming the row whose length differs
     */
    public Report table(List<String> header, List<? extends List<?>> rows) {
        if (header.isEmpty()) {
            throw new IllegalArgumentException("table: the header is empty; expected at least one column name");
        }
        for (int r = 0; r < rows.size(); r++) {
            if (rows.get(r).size() != header.size()) {
                throw new IllegalArgumentException("table: row " + r + " has " + rows.get(r).size() + " cells but the header has "
                        + header.size() + " columns " + header + "; expected one cell per column. Hint: use \"\" for an empty cell.");
            }
        }
        List<List<Object>> copy = new ArrayList<>();
        for (List<?> row : rows) {
            copy.add(new ArrayList<>(row));
        }
        blocks.add(new Html.Table(List.copyOf(header), copy));
        return this;
    }

    /**
     * Adds a key/value block of numbers (e.g. accuracy, loss, epochs). The map's order is kept if
     * it has one (LinkedHashMap, TreeMap); otherwise keys are sorted, so output stays deterministic.
     */
    public Report numbers(Map<String, ?> values) {
        Map<String, Object> ordered = values instanceof LinkedHashMap || values instanceof SortedMap
                ? new LinkedHashMap<>(values) : new LinkedHashMap<>(new TreeMap<>(values));
        blocks.add(new Html.Numbers(ordered));
        return this;
    }

    /** Adds a figure as inline SVG, with a caption below it (null for none). */
    public Report figure(Figure figure, String caption) {
        blocks.add(new Html.FigureBlock(Objects.requireNonNull(figure, "figure"), caption));
        return this;
    }

    /**
     * Adds an animation that plays and can be stepped through (frame buttons, a slider), with a
     * caption below it (null for none); the page then carries one small inline script.
     */
    public Report animation(Animation animation, String caption) {
        blocks.add(new Html.AnimationBlock(Objects.requireNonNull(animation, "animation"), caption));
        return this;
    }

    /** The figures added so far, in order. */
    public List<Figure> figures() {
        List<Figure> out = new ArrayList<>();
        for (Object b : blocks) {
            if (b instanceof Html.FigureBlock) {
                out.add(((Html.FigureBlock) b).figure());
            }
        }
        return List.copyOf(out);
    }

    /** The whole page as HTML5. */
    public String toHtml() {
        return Html.page(title, blocks);
    }

    /**
     * Writes the page to {@code file} atomically (temporary file, then a move), creating folders.
     *
     * @throws IOException naming the file and folder if it cannot be written
     */
    public void writeTo(Path file) throws IOException {
        AtomicFile.writeString(file, toHtml());
    }

    /**
     * Writes each figure as a standalone SVG file {@code <stem>-1.svg}, {@code <stem>-2.svg}, … in
     * {@code folder}, and returns the paths.
     */
    public List<Path> writeFigures(Path folder, String stem) throws IOException {
        List<Path> paths = new ArrayList<>();
        List<Figure> figs = figures();
        for (int i = 0; i < figs.size(); i++) {
            Path p = folder.resolve(stem + "-" + (i + 1) + ".svg");
            figs.get(i).saveSvg(p);
            paths.add(p);
        }
        return List.copyOf(paths);
    }

    private static String requireText(String what, String s) {
        if (s == null || s.isBlank()) {
            throw new IllegalArgumentException("Report " + what + " is " + (s == null ? "null" : "blank")
                    + "; expected some text");
        }
        return s;
    }
}
