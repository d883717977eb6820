package org.nnlab.curriculum.lecture;

import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.nnlab.core.io.AtomicFile;
import org.nnlab.core.train.Verbosity;
import org.nnlab.data.mnist.MnistDataset;
import org.nnlab.viz.report.Report;

/**
 * The lecture on artificial neural networks, every experiment in order, as one run.
 *
 * <p>Writes {@code report.html} (self-contained: inline SVG and CSS, opens with no network),
 * {@code summary.json} (every number, keyed by lesson), and {@code figures/*.svg} and
 * {@code *.png} into the output folder. The run writes into a fresh folder beside it and puts it in
 * place only when every lesson has finished, so a failed run leaves the previous report whole. The
 * MNIST data given with {@code --data} is read before any lesson runs. Same seed → same numbers
 * (timings aside).
 */
public final class Lecture {
    /** The default seed; {@code --seed} changes it. */
    public static final long DEFAULT_SEED = 42;

    private final List<Lesson> lessons = List.of(new PerceptronLesson(), new LogisticRegressionLesson(),
            new HiddenLayerLesson(), new ReluLesson(), new RecursionLesson(), new BackpropLesson(),
            new MnistLesson(), new VanishingGradientsLesson());

    /** What to run and where to write it. */
    public record Options(long seed, Path out, Optional<String> only, Optional<Path> data, PrintStream log,
                          Verbosity verbosity) {
    }

    /**
     * Runs the lessons and writes the report; returns the summary that {@code summary.json} holds.
     *
     * @throws IllegalArgumentException if {@code only} names no lesson, the data folder cannot be
     *     read, or the output folder cannot be written (each before any lesson runs)
     */
    public Map<String, Object> run(Options options) throws Exception {
        List<Lesson> selected = options.only().map(this::find).map(List::of).orElse(lessons);
        MnistDataset mnist = options.data().map(Lecture::load).orElse(null);
        try (ReportFolder folder = ReportFolder.prepare(options.out())) {
            Report report = Report.titled("Artificial neural networks, the lecture in nnlab");
            report.paragraph("Every experiment of the lecture, run by nnlab in plain Java with seed " + options.seed()
                    + ". Each section declares its models with nnlab's DSL (the code shown is cut from the lesson's"
                    + " own source, so it is the code that ran), trains them, and shows the figures and numbers the"
                    + " lecture discusses, with the lecture's own numbers beside ours where it prints them. All"
                    + " numbers are also in summary.json; every figure is in figures/ as SVG and PNG.");
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("seed", options.seed());
            Map<String, Object> sections = new LinkedHashMap<>();
            Map<String, Object> seconds = new LinkedHashMap<>();
            long start = System.nanoTime();
            for (int i = 0; i < selected.size(); i++) {
                Lesson lesson = selected.get(i);
                MnistDataset data = mnist != null || !lesson.id().equals("mnist") ? mnist : MnistDataset.builtin();
                LessonContext ctx = new LessonContext(lesson, options.seed(), folder.figures(), options.data(), data,
                        options.log(), options.verbosity(), report);
                String title = lesson.title(ctx);
                options.log().printf(Locale.ROOT, "[%d/%d] %s%n", i + 1, selected.size(), title);
                long t0 = System.nanoTime();
                report.section(title);
                lesson.run(ctx);
                sections.put(lesson.id(), ctx.numbers());
                double s = (System.nanoTime() - t0) / 1e9;
                seconds.put(lesson.id(), Math.round(s * 100) / 100.0);
                options.log().printf(Locale.ROOT, "      done in %.1f s%n", s);
            }
            seconds.put("total", Math.round((System.nanoTime() - start) / 1e7) / 100.0);
            summary.put("sections", sections);
            summary.put("seconds", seconds);
            report.writeTo(folder.path().resolve("report.html"));
            writeJson(summary, folder.path().resolve("summary.json"));
            folder.commit();
            return summary;
        }
    }

    /** The ids of every lesson, in lecture order. */
    public List<String> lessonIds() {
        return lessons.stream().map(Lesson::id).toList();
    }

    private static MnistDataset load(Path folder) {
        try {
            return MnistDataset.load(folder);
        } catch (IOException | RuntimeException e) {
            String what = String.valueOf(e.getMessage());
            int hint = what.indexOf(" Hint:");
            throw new IllegalArgumentException("--data " + folder + ": " + (hint < 0 ? what : what.substring(0, hint))
                    + " Hint: give --data a folder holding those four MNIST-format files, e.g. --data"
                    + " /usr/share/datasets/fashion-mnist (sudo apt-get install dataset-fashion-mnist), or leave"
                    + " --data out to use the built-in digits.", e);
        }
    }

    private Lesson find(String id) {
        return lessons.stream().filter(l -> l.id().equals(id)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("No lesson '" + id + "'. The lessons are: "
                        + lessons.stream().map(Lesson::id).collect(Collectors.joining(", "))));
    }

    /** Writes JSON atomically: a crash mid-write leaves any previous summary intact. */
    private static void writeJson(Map<String, Object> summary, Path file) throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .disable(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        AtomicFile.write(file, out -> mapper.writer(new DefaultPrettyPrinter()).writeValue(out, summary));
    }
}
