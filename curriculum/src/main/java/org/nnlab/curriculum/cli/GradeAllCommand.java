package org.nnlab.curriculum.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.nnlab.curriculum.exercise.Exercise;
import org.nnlab.curriculum.grading.BatchGrader;
import org.nnlab.curriculum.grading.GradeOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code nnlab grade-all}: grades a folder of submissions (one per student) into scores.csv and a summary. */
@Command(name = "grade-all", mixinStandardHelpOptions = true,
        description = {"Grade every submission in a folder (one sub-folder or zip per student), up to --jobs at once:"
                + " <out>/scores.csv, <out>/<student>/results.json and feedback.html, and <out>/summary.html with the"
                + " mean, the median and a histogram of the scores.",
                "A submission the grader fails on gets 0 with the reason; it never stops the others."})
final class GradeAllCommand implements Callable<Integer> {
    @Mixin
    ExercisesOption exercises;

    @Option(names = {"-e", "--exercise"}, required = true, paramLabel = "<id>", description = "Exercise id or number.")
    String exercise;

    @Option(names = {"-s", "--submissions"}, required = true, paramLabel = "<folder>",
            description = "Folder with one sub-folder (or zip) per student, named after the student.")
    Path submissions;

    @Option(names = "--out", required = true, paramLabel = "<folder>", description = "Where to write the results.")
    Path out;

    @Option(names = "--jobs", paramLabel = "<n>",
            description = "Submissions graded at once, each in its own test JVM (default: the number of cores, ${DEFAULT-VALUE}).")
    int jobs = Runtime.getRuntime().availableProcessors();

    @Option(names = "--memory", paramLabel = "<size>", description = "Heap limit of each test JVM (default: ${DEFAULT-VALUE}).")
    String memory = GradeOptions.DEFAULT_MEMORY;

    @Option(names = "--disk", paramLabel = "<size>", description = "What each test JVM may write into its folder before it is"
            + " ended (default: ${DEFAULT-VALUE}).")
    String disk = GradeOptions.DEFAULT_DISK;

    @Option(names = "--allow-unsandboxed", description = "Grade even on a JDK without a SecurityManager (24 and later).")
    boolean allowUnsandboxed;

    @Override
    public Integer call() {
        Exercise e = exercises.catalog().find(exercise);
        GradeOptions options = GradeOptions.defaults().withMemory(memory).withDisk(disk)
                .withAllowUnsandboxed(allowUnsandboxed);
        int total = BatchGrader.submissions(submissions).size();
        ProgressBar bar = new ProgressBar(System.err, total, System.console() != null);
        BatchGrader.Batch batch = new BatchGrader(options, jobs).grade(e, submissions, out, bar::done);
        bar.finish();
        System.out.printf(Locale.ROOT, "Graded %d submissions of %s in %.1f s with %d job(s): mean %.2f, median %.2f of"
                        + " %s%n", batch.grades().size(), e.id(), batch.seconds(), jobs, batch.mean(), batch.median(),
                batch.grades().get(0).report().maxScore());
        long failures = batch.grades().stream().filter(g -> !g.error().isEmpty()).count();
        if (failures > 0) {
            System.out.println(failures + " submission(s) could not be graded (0 points, reason in scores.csv).");
        }
        System.out.println("Wrote " + out.resolve("scores.csv") + ", " + out.resolve("summary.html")
                + " and one results.json and feedback.html per student.");
        return 0;
    }

    /** A progress bar on a terminal, one line per submission otherwise (logs, CI). */
    static final class ProgressBar {
        private final PrintStream out;
        private final int total;
        private final boolean terminal;
        private final long start = System.nanoTime();
        private int done;

        ProgressBar(PrintStream out, int total, boolean terminal) {
            this.out = out;
            this.total = total;
            this.terminal = terminal;
        }

        void done(BatchGrader.StudentGrade g) {
            done++;
            double elapsed = (System.nanoTime() - start) / 1e9;
            double left = elapsed / done * (total - done);
            if (terminal) {
                int width = 30;
                int filled = (int) Math.round(width * done / (double) total);
                out.printf(Locale.ROOT, "\r[%s%s] %d/%d  %s elapsed, ~%s left   ", "=".repeat(filled),
                        " ".repeat(width - filled), done, total, clock(elapsed), clock(left));
            } else {
                out.printf(Locale.ROOT, "%d/%d %s: %s/%s%s%n", done, total, g.student(), points(g.report().score()),
                        points(g.report().maxScore()), g.error().isEmpty() ? "" : " (not graded: see scores.csv)");
            }
            out.flush();
        }

        void finish() {
            if (terminal) {
                out.println();
            }
        }

        private static String clock(double seconds) {
            long s = Math.round(seconds);
            return String.format(Locale.ROOT, "%02d:%02d", s / 60, s % 60);
        }

        private static String points(double p) {
            return p == Math.rint(p) ? String.valueOf((long) p) : String.format(Locale.ROOT, "%.2f", p);
        }
    }
}
