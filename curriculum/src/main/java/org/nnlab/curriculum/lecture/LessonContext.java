package org.nnlab.curriculum.lecture;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nnlab.core.train.FitOptions;
import org.nnlab.core.train.Verbosity;
import org.nnlab.data.mnist.MnistDataset;
import org.nnlab.viz.plot.Figure;
import org.nnlab.viz.report.Report;

/**
 * What a lesson writes into: its section of the HTML report, its SVG figures, and its numbers.
 *
 * <p>Numbers go to {@code summary.json} under the lesson's id; figures are also saved as
 * standalone {@code figures/<lesson>-<name>.svg} and {@code .png} files (the PNG at 150 dpi, for
 * LaTeX or Word).
 */
public final class LessonContext {
    /** The resolution of the PNG copies of the figures: print quality for a 6-inch figure. */
    static final double PNG_DPI = 150;
    private final Lesson lesson;
    private final long seed;
    private final Path figureFolder;
    private final Optional<Path> dataFolder;
    private final MnistDataset mnist;
    private final PrintStream log;
    private final Verbosity verbosity;
    private final Report report;
    private final Map<String, Object> numbers = new LinkedHashMap<>();

    LessonContext(Lesson lesson, long seed, Path figureFolder, Optional<Path> dataFolder, MnistDataset mnist,
                  PrintStream log, Verbosity verbosity, Report report) {
        this.lesson = lesson;
        this.seed = seed;
        this.figureFolder = figureFolder;
        this.dataFolder = dataFolder;
        this.mnist = mnist;
        this.log = log;
        this.verbosity = verbosity;
        this.report = report;
    }

    /** The lecture's seed; lessons derive every random choice from it. */
    public long seed() {
        return seed;
    }

    /** The folder given with {@code --data}, if any. */
    public Optional<Path> dataFolder() {
        return dataFolder;
    }

    /** The MNIST-format dataset: the one given with {@code --data}, else the built-in digits. */
    public MnistDataset mnist() {
        return mnist;
    }

    /** Fit options that report progress as the command line asked (bars, epoch lines or nothing). */
    public FitOptions.Builder fit() {
        return FitOptions.builder().verbosity(verbosity).out(log);
    }

    /** Where progress lines go. */
    public PrintStream log() {
        return log;
    }

    /** How model training reports progress. */
    public Verbosity verbosity() {
        return verbosity;
    }

    /** Adds a paragraph of prose. */
    public LessonContext paragraph(String text) {
        report.paragraph(text);
        return this;
    }

    /** Adds a code listing, e.g. a model's summary. */
    public LessonContext code(String text) {
        report.code(text);
        return this;
    }

    /**
     * Shows the code between {@code // SNIPPET name} and {@code // END SNIPPET} in the lesson's own
     * source: the code that runs, not a copy of it.
     */
    public LessonContext snippet(String name) {
        report.code(Snippets.of(lesson.getClass(), name));
        return this;
    }

    /** Adds a table. */
    public LessonContext table(List<String> header, List<? extends List<?>> rows) {
        report.table(header, rows);
        return this;
    }

    /** Adds a figure with its caption to the report and saves it as {@code figures/<lesson>-<name>.svg}. */
    public LessonContext figure(String name, Figure figure, String caption) {
        report.figure(figure, caption);
        try {
            figure.saveSvg(figureFolder.resolve(lesson.id() + "-" + name + ".svg"));
            figure.savePng(figureFolder.resolve(lesson.id() + "-" + name + ".png"), PNG_DPI);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write figure " + name + " of lesson " + lesson.id()
                    + " to " + figureFolder + ": " + e.getMessage(), e);
        }
        return this;
    }

    /** Records a number for {@code summary.json} (and returns it, to use inline). */
    public <T> T number(String key, T value) {
        numbers.put(key, value);
        return value;
    }

    Map<String, Object> numbers() {
        return numbers;
    }
}
