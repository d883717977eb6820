package org.nnlab.curriculum.exercise;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.nnlab.curriculum.grading.Compilation;
import org.nnlab.curriculum.grading.GradeOptions;
import org.nnlab.curriculum.grading.GradeReport;
import org.nnlab.curriculum.grading.Grader;
import org.nnlab.curriculum.grading.Submission;
import org.nnlab.curriculum.grading.SubmissionCompiler;
import org.nnlab.curriculum.grading.TestResult;
import org.nnlab.exercise.Visibility;

/**
 * Proves an exercise is ready to hand out: the reference solution earns every point, the starter
 * compiles with the tests it ships with and earns no point at all, and every known-wrong and
 * hostile submission ({@link KnownSubmission}) gets exactly its expected score.
 *
 * <p>A starter that scores above 0 means a graded test does not exercise the student's code (it
 * would hand out free points); a reference below 100% means a test or the solution is wrong; a
 * known submission off its score means a test can be fooled, or is too strict.
 */
public final class SelfCheck {
    private SelfCheck() {
    }

    /**
     * What one known submission scored.
     *
     * @param submission the case
     * @param report its grade
     */
    public record Known(KnownSubmission submission, GradeReport report) {
        /** Whether it got exactly its expected score, every expected text appears and no forbidden one. */
        public boolean passed() {
            return Math.abs(report.score() - submission.score()) < 1e-9 && missingTexts().isEmpty()
                    && leakedTexts().isEmpty();
        }

        /** The forbidden texts that appear in the notes or in a visible test's feedback. */
        public List<String> leakedTexts() {
            String seen = String.join("\n", report.notes()) + "\n" + String.join("\n", report.results().stream()
                    .filter(r -> r.test().visibility() == Visibility.VISIBLE).map(TestResult::feedback).toList());
            return submission.forbid().stream().filter(seen::contains).toList();
        }

        /** The expected texts that appear neither in the notes nor in any test's feedback. */
        public List<String> missingTexts() {
            String all = String.join("\n", report.notes()) + "\n"
                    + String.join("\n", report.results().stream().map(TestResult::feedback).toList());
            String flat = all.replaceAll("\\s+", " ");
            return submission.expect().stream().filter(t -> !flat.contains(t.replaceAll("\\s+", " "))).toList();
        }
    }

    /**
     * What the self-check found.
     *
     * @param exercise the exercise checked
     * @param reference the grade of the reference solution, with every test
     * @param starter the grade of the student release, with every test
     * @param known the grades of the known-wrong and hostile submissions
     * @param problems what is wrong, empty when the exercise is ready
     */
    public record Result(Exercise exercise, GradeReport reference, GradeReport starter, List<Known> known,
                         List<String> problems) {
        /** Copies the lists, so a result cannot change after it is made. */
        public Result {
            known = List.copyOf(known);
            problems = List.copyOf(problems);
        }

        /** Whether the exercise passed every check. */
        public boolean passed() {
            return problems.isEmpty();
        }

        /** One line per check, for the terminal. */
        public String summary() {
            StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                    "%-11s reference %5.1f / %-5.1f starter %4.1f / %-5.1f %d known submissions %s%n",
                    exercise.id(), reference.score(), reference.maxScore(), starter.score(), starter.maxScore(),
                    known.size(), passed() ? "ok" : "FAILED"));
            for (Known k : known) {
                out.append("    ").append(k.passed() ? "ok   " : "WRONG").append(' ')
                        .append(k.submission().describe(k.report().score())).append('\n');
            }
            if (!passed()) {
                out.append("  ").append(String.join("\n  ", problems)).append('\n');
            }
            return out.toString();
        }
    }

    /** Runs every check on {@code exercise}, grading up to {@code jobs} submissions at once. */
    public static Result run(Exercise exercise, GradeOptions options, int jobs) {
        Map<String, String> solution = exercise.referenceSources();
        Map<String, String> starter = exercise.starterSources();
        List<String> problems = new ArrayList<>();

        Compilation released = SubmissionCompiler.forGrading(options.classpath())
                .compile(starter, starter, exercise.testSources(true), Exercise.packageOf(exercise.studentFiles().get(0)));
        if (!released.succeeded()) {
            problems.add("the student release does not compile with its visible tests:\n" + released.explain());
        }

        GradeOptions full = options.withVisibleOnly(false);
        List<KnownSubmission> cases = exercise.knownSubmissions();
        List<Map<String, String>> submissions = new ArrayList<>(List.of(solution, starter));
        List<GradeOptions> settings = new ArrayList<>(List.of(full, full));
        for (KnownSubmission k : cases) {
            submissions.add(k.apply(k.fromStarter() ? starter : solution));
            settings.add(Double.isInfinite(k.limitSeconds()) ? full : full.withMaxTestSeconds(k.limitSeconds()));
        }
        List<GradeReport> reports = gradeAll(settings, exercise, submissions, jobs);
        GradeReport reference = reports.get(0);
        for (TestResult r : reference.results()) {
            if (!r.passed()) {
                problems.add("the reference solution fails '" + r.test().name() + "' (" + r.test().location() + "): "
                        + r.feedback());
            }
        }
        GradeReport release = reports.get(1);
        for (TestResult r : release.results()) {
            if (r.passed()) {
                problems.add("the starter passes '" + r.test().name() + "' (" + r.test().location()
                        + "): that test gives points without calling any method the student writes");
            }
        }
        List<Known> known = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            Known k = new Known(cases.get(i), reports.get(i + 2));
            known.add(k);
            if (!k.passed()) {
                problems.add(String.format(Locale.ROOT, "checks/%s.txt (%s) scored %.1f, expected %.1f%s:%n%s",
                        k.submission().name(), k.submission().attack(), k.report().score(), k.submission().score(),
                        (k.missingTexts().isEmpty() ? "" : "; missing text " + k.missingTexts())
                                + (k.leakedTexts().isEmpty() ? "" : "; leaked " + k.leakedTexts()), details(k.report())));
            }
        }
        return new Result(exercise, reference, release, known, problems);
    }

    private static String details(GradeReport report) {
        StringBuilder out = new StringBuilder();
        report.notes().forEach(n -> out.append("      note: ").append(n.replace("\n", "\n      ")).append('\n'));
        for (TestResult r : report.results()) {
            out.append(String.format(Locale.ROOT, "      %s %s: %s%n", r.passed() ? "PASS" : "FAIL", r.test().name(),
                    r.passed() ? "" : r.feedback().lines().findFirst().orElse("")));
        }
        return out.toString();
    }

    private static List<GradeReport> gradeAll(List<GradeOptions> settings, Exercise exercise,
                                              List<Map<String, String>> submissions, int jobs) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, jobs));
        try {
            List<Future<GradeReport>> futures = new ArrayList<>();
            for (int i = 0; i < submissions.size(); i++) {
                Grader grader = new Grader(settings.get(i));
                Map<String, String> s = submissions.get(i);
                futures.add(pool.submit(() -> grader.grade(exercise, Submission.of(s))));
            }
            List<GradeReport> out = new ArrayList<>();
            for (Future<GradeReport> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during the self-check of " + exercise.id(), e);
        } finally {
            pool.shutdownNow();
        }
    }
}
