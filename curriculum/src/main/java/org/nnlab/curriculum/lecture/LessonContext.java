package org.nnlab.curriculum.lecture;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nnlab.core.train.Verbosity;
import org.nnlab.viz.plot.Figure;
import org.nnlab.viz.report.Report;

/**
 * What a lesson writes into: its section of the HTML report, its SVG figures, and its numbers.
 *
 * <p>Numbers go to {@code summary.json} under the lesson's id; figures are also saved as
 * standalone {@code figures/<lesson>-<name>.svg} files.
 */
public final class LessonContext {
    private final Lesson lesson;
    private final long seed;
    private final Path figureFolder;
    private final Optional<Path> dataFolder;
    private final PrintStream log;
    private final Verbosity verbosity;
    private final Report report;
    private final Map<String, Object> numbers = new LinkedHashMap<>();

    LessonContext(Lesson lesson, long seed, Path figureFolder, Optional<Path> dataFolder, PrintStream log,
                  Verbosity verbosity, Report report) {
        this.lesson = lesson;
        this.seed = seed;
        this.figureFolder = figureFolder;
        this.dataFolder = dataFolder;
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

    /** Adds a code listing, e.g. the DSL that declares a model. */
    public LessonContext code(String text) {
        report.code(text);
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

    /** Adds the numbers recorded so far as a key/value block in the report. */
    public LessonContext showNumbers(Map<String, ?> values) {
        report.numbers(values);
        return this;
    }

    Map<String, Object> numbers() {
        return numbers;
    }
}
