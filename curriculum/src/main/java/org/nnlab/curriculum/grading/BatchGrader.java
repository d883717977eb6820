package org.nnlab.curriculum.grading;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.nnlab.core.io.AtomicFile;
import org.nnlab.curriculum.exercise.Exercise;
import org.nnlab.viz.plot.Axes;
import org.nnlab.viz.plot.Figure;
import org.nnlab.viz.plot.Limits;
import org.nnlab.viz.report.Report;

/**
 * Grades a folder of submissions, one sub-folder (or zip) per student, into one folder of results.
 *
 * <p>Up to {@code jobs} submissions are graded at once, each in its own test JVMs, and each
 * student's {@code results.json} and {@code feedback.html} go to their own folder, so outputs
 * never mix. A submission the grader fails on (an error of the grader, not the student's) gets 0
 * with the reason and never stops the others. At the end: {@code scores.csv} (one row per
 * student: total, tests passed, each test's points, notes), {@code summary.html} (mean, median,
 * the histogram of scores as an nn-viz figure) and {@code scores-histogram.svg}.
 */
public final class BatchGrader {
    private static final CSVFormat CSV = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get();

    private final GradeOptions options;
    private final int jobs;

    /** A batch grader running up to {@code jobs} submissions at once. */
    public BatchGrader(GradeOptions options, int jobs) {
        if (jobs < 1) {
            throw new IllegalArgumentException("jobs (" + jobs + ") must be >= 1");
        }
        this.options = options;
        this.jobs = jobs;
    }

    /**
     * One student's grade.
     *
     * @param student the sub-folder's (or zip's) name
     * @param report the grade; every test at 0 when grading failed
     * @param error why the grader could not grade it, or empty
     */
    public record StudentGrade(String student, GradeReport report, String error) {
    }

    /**
     * The whole batch.
     *
     * @param grades one per student, sorted by name
     * @param seconds the wall-clock time of the batch
     */
    public record Batch(List<StudentGrade> grades, double seconds) {
        /** Copies the list. */
        public Batch {
            grades = List.copyOf(grades);
        }

        /** The mean score. */
        public double mean() {
            return scores().length == 0 ? 0 : Arrays.stream(scores()).average().orElse(0);
        }

        /** The median score. */
        public double median() {
            double[] s = scores();
            Arrays.sort(s);
            return s.length == 0 ? 0 : s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
        }

        /** Every student's score, in name order. */
        public double[] scores() {
            return grades.stream().mapToDouble(g -> g.report().score()).toArray();
        }
    }

    /** The submissions in {@code folder}: its sub-folders and zip files, by name; dot files are skipped. */
    public static List<Path> submissions(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("Submissions folder " + folder + " does not exist. Hint: pass a folder"
                    + " with one sub-folder (or zip) per student.");
        }
        try (Stream<Path> entries = Files.list(folder)) {
            List<Path> found = entries.filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> Files.isDirectory(p) || p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip"))
                    .sorted().toList();
            if (found.isEmpty()) {
                throw new IllegalArgumentException("Submissions folder " + folder + " holds no sub-folder and no zip."
                        + " Hint: one sub-folder (or zip) per student, named after the student.");
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the submissions folder " + folder, e);
        }
    }

    /**
     * Grades every submission in {@code submissionsFolder} into {@code out}; {@code progress} hears of
     * each one as it finishes (from one thread at a time).
     *
     * @throws IllegalStateException before grading anything, if the JDK has no SecurityManager and
     *     the options do not allow that
     */
    public Batch grade(Exercise exercise, Path submissionsFolder, Path out, Consumer<StudentGrade> progress) {
        if (!Sandbox.available() && !options.allowUnsandboxed()) {
            throw new IllegalStateException(Sandbox.refusal());
        }
        List<Path> submissions = submissions(submissionsFolder);
        long start = System.nanoTime();
        Grader grader = new Grader(options);
        ExecutorService pool = Executors.newFixedThreadPool(jobs);
        try {
            List<Future<StudentGrade>> futures = new ArrayList<>();
            for (Path s : submissions) {
                futures.add(pool.submit(() -> {
                    StudentGrade g = gradeOne(grader, exercise, s, out);
                    synchronized (progress) {
                        progress.accept(g);
                    }
                    return g;
                }));
            }
            List<StudentGrade> grades = new ArrayList<>();
            for (Future<StudentGrade> f : futures) {
                grades.add(f.get());
            }
            Batch batch = new Batch(grades, (System.nanoTime() - start) / 1e9);
            writeCsv(batch, out.resolve("scores.csv"));
            writeSummary(exercise, batch, out);
            return batch;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the batch summary into " + out + ": " + e.getMessage(), e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Batch grading failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while grading " + submissionsFolder, e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static StudentGrade gradeOne(Grader grader, Exercise exercise, Path submission, Path out) {
        String student = submission.getFileName().toString().replaceFirst("(?i)\\.zip$", "");
        GradeReport report;
        String error = "";
        try {
            report = grader.grade(exercise, submission);
        } catch (RuntimeException e) {
            error = "The grader could not grade this submission (" + e.getClass().getSimpleName() + ": " + e.getMessage()
                    + "). This is not a verdict on the submission; the instructor has the details.";
            String why = error;
            List<TestResult> zeros = TestPlan.of(exercise).tests().stream()
                    .map(t -> TestResult.of(t, TestOutcome.of("NOT_RUN", why))).toList();
            report = new GradeReport(exercise.id(), exercise.title(), zeros, List.of(error), 0, true);
        }
        Path folder = out.resolve(safe(student));
        GradescopeResults.write(report, folder.resolve("results.json"));
        FeedbackReport.write(report, folder.resolve("feedback.html"));
        return new StudentGrade(student, report, error);
    }

    /** A student's name as a folder name: no path separators, no leading dot. */
    static String safe(String student) {
        String s = student.replaceAll("[/\\\\:\\x00-\\x1f]", "_");
        return s.startsWith(".") ? "_" + s.substring(1) : s;
    }

    private static void writeCsv(Batch batch, Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            AtomicFile.write(file, stream -> {
                Writer w = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
                CSVPrinter csv = new CSVPrinter(w, CSV);
                List<TestResult> first = batch.grades().get(0).report().results();
                List<Object> header = new ArrayList<>(List.of("student", "score", "max_score", "tests_passed"));
                first.forEach(r -> header.add(r.test().name()));
                header.add("notes");
                csv.printRecord(header);
                for (StudentGrade g : batch.grades()) {
                    List<Object> row = new ArrayList<>(List.of(cell(g.student()), number(g.report().score()),
                            number(g.report().maxScore()), g.report().passedCount()));
                    g.report().results().forEach(r -> row.add(number(r.score())));
                    row.add(cell(String.join(" | ", g.report().notes()).replace('\n', ' ')));
                    csv.printRecord(row);
                }
                csv.flush();
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static void writeSummary(Exercise exercise, Batch batch, Path out) throws IOException {
        double max = batch.grades().get(0).report().maxScore();
        Figure figure = new Figure(6.4, 3.6);
        Axes ax = figure.subplot();
        // One bar per whole point, centred on it: scores 12 and 13 fall in different bars.
        double top = Math.ceil(max);
        int bins = (int) Math.min(40, top + 1);
        double width = (top + 1) / bins;
        ax.hist(batch.scores(), bins, new Limits(-width / 2, top + width / 2)).edgeColor("w");
        ax.title("Scores of " + batch.grades().size() + " submissions").xlabel("score (of " + number(max) + ")")
                .ylabel("submissions");
        figure.description("Histogram of the scores of exercise " + exercise.id());
        java.util.Map<String, Object> numbers = new java.util.LinkedHashMap<>();
        numbers.put("submissions", batch.grades().size());
        numbers.put("mean", Math.round(batch.mean() * 100) / 100.0);
        numbers.put("median", batch.median());
        numbers.put("maximum possible", max);
        numbers.put("grader failures", batch.grades().stream().filter(g -> !g.error().isEmpty()).count());
        numbers.put("grading time (s)", Math.round(batch.seconds() * 10) / 10.0);
        Report.titled("Exercise " + exercise.id() + ": " + exercise.title() + " — all submissions")
                .numbers(numbers).figure(figure, "Scores of every submission.")
                .paragraph("Per student: <student>/results.json and <student>/feedback.html; every score in scores.csv.")
                .writeTo(out.resolve("summary.html"));
        AtomicFile.write(out.resolve("scores-histogram.svg"),
                stream -> stream.write(figure.toSvg().getBytes(StandardCharsets.UTF_8)));
    }

    /** Text a spreadsheet will not run as a formula (a leading = + - @ gets a quote, as OWASP advises). */
    public static String cell(String text) {
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    private static String number(double v) {
        return FeedbackReport.points(v);
    }
}
