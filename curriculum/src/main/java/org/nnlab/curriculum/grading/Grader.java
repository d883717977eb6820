package org.nnlab.curriculum.grading;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.nnlab.curriculum.exercise.Exercise;
import org.nnlab.exercise.Visibility;

/**
 * Grades a submission: compiles it with the graded tests, runs them in a sandboxed JVM, and
 * scores every planned test.
 *
 * <p>Scores come only from the {@link TestPlan} (read from the instructor's source) and from
 * signed "this test finished successfully" records; anything else — a compile error, a missing
 * file, a crash, a timeout, a forged line — leaves the affected tests at 0 with an explanation.
 * When the test JVM dies during a test (out of memory, {@code exit} without the sandbox) or the
 * grader ends it (a test past its limit, kept by the grader's clock), that test gets 0 and a fresh
 * JVM runs the tests without a verdict, so one misbehaving method costs only its own tests.
 */
public final class Grader {
    private final GradeOptions options;

    /** A grader with {@code options}. */
    public Grader(GradeOptions options) {
        this.options = options;
    }

    /** Grades the student files of {@code exercise} found under {@code folder}. */
    public GradeReport grade(Exercise exercise, Path folder) {
        return grade(exercise, Submission.collect(exercise, folder));
    }

    /**
     * Grades {@code submission} against every graded test of {@code exercise} (or the visible ones).
     *
     * @throws IllegalStateException on a JDK without a SecurityManager, unless the options allow it
     */
    public GradeReport grade(Exercise exercise, Submission submission) {
        long start = System.nanoTime();
        boolean sandbox = Sandbox.available();
        if (!sandbox && !options.allowUnsandboxed()) {
            throw new IllegalStateException(Sandbox.refusal());
        }
        TestPlan plan = options.visibleOnly() ? TestPlan.of(exercise).visibleOnly() : TestPlan.of(exercise);
        List<String> notes = new ArrayList<>(submission.notes());
        Verdicts verdicts = new Verdicts();
        boolean sandboxed = sandbox;
        if (!submission.refusals().isEmpty()) {
            String why = submission.explainRefusals();
            notes.add(why);
            plan.tests().forEach(t -> verdicts.give(t.id(), TestOutcome.of("NOT_RUN", why)));
        } else {
            Compilation compilation = SubmissionCompiler.forGrading(options.classpath())
                    .compile(submission.sources(), exercise.starterSources(),
                    // A student checking a draft compiles the tests they were given; grading uses them all.
                    exercise.testSources(options.visibleOnly()), studentPackage(exercise));
            if (!compilation.succeeded()) {
                notes.add(compilation.explain());
                plan.tests().forEach(t -> verdicts.give(t.id(), TestOutcome.of("NOT_RUN",
                        "Not run: the submission was not compiled (the reasons are listed with the whole submission's"
                                + " feedback).")));
            } else {
                sandboxed = runAll(compilation, plan.tests(), verdicts, notes, sandbox);
            }
        }
        List<TestResult> results = plan.tests().stream()
                .map(t -> TestResult.of(t, verdicts.of(t.id()))).toList();
        return new GradeReport(exercise.id(), exercise.title(), results, notes, (System.nanoTime() - start) / 1e9,
                sandboxed);
    }

    private static String studentPackage(Exercise exercise) {
        return Exercise.packageOf(exercise.studentFiles().get(0));
    }

    /**
     * Runs test JVMs until every test has a verdict; returns whether the sandbox was on.
     *
     * <p>Each run gets the tests without a verdict, those whose results students see at once
     * first. A run that ends early costs only the test that was running (timed out or crashed);
     * a fresh JVM runs the rest. Every further run follows a new verdict, so this ends.
     */
    private boolean runAll(Compilation compilation, List<GradedTest> tests, Verdicts verdicts, List<String> notes,
                           boolean sandbox) {
        Path work = createWorkFolder();
        boolean sandboxed = sandbox;
        int rejected = 0;
        try {
            TestJvm jvm = new TestJvm(options, RuntimeClasspath.forTestJvm(options.classpath()), sandbox);
            for (int attempt = 1; ; attempt++) {
                List<GradedTest> remaining = tests.stream().filter(t -> !verdicts.has(t.id())).toList();
                if (remaining.isEmpty()) {
                    break;
                }
                Path runFolder = work.resolve("run-" + attempt);
                TestJvm.Run run = jvm.run(runFolder, compilation, phases(remaining), verdicts);
                RunRecords records = run.records();
                rejected += run.rejectedLines();
                sandboxed &= !records.hello() || records.sandboxed();
                if (run.end() == TestJvm.End.TEST_TIMED_OUT) {
                    continue;
                }
                if (run.end() == TestJvm.End.DISK_FULL) {
                    // Free the disk before a fresh JVM runs the rest; its output's tail is already read.
                    delete(runFolder);
                    if (records.current() == null) {
                        String why = diskFull() + " It happened outside any test, so no test could run.";
                        remaining.forEach(t -> verdicts.give(t.id(), TestOutcome.of("NOT_RUN", why)));
                        break;
                    }
                }
                if (records.current() != null) {
                    verdicts.give(records.current(), TestOutcome.of("CRASHED", crash(run)));
                    continue;
                }
                if (!records.hello()) {
                    String why = cannotStart(run);
                    notes.add(why);
                    remaining.forEach(t -> verdicts.give(t.id(), TestOutcome.of("NOT_RUN", why)));
                    break;
                }
                if (!records.done() && records.verdictsGiven() > 0) {
                    continue; // ended between two tests after some progress: a fresh JVM runs the rest
                }
                String why = records.done() ? "JUnit did not run this test (is it a JUnit 5 @Test?)." : crash(run);
                remaining.forEach(t -> verdicts.give(t.id(), TestOutcome.of("NOT_RUN", why)));
                break;
            }
        } finally {
            verdicts.mapText(new PathsShown(work)::relative);
            if (!Boolean.getBoolean("nnlab.grader.keep")) {
                delete(work);
            }
        }
        if (rejected > 0) {
            notes.add("Ignored " + rejected + " line(s) on the grader's results channel that the grader did not sign"
                    + " (forged or damaged); they changed no score.");
        }
        if (!sandboxed) {
            notes.add(Sandbox.unsandboxedNote());
        }
        return sandboxed;
    }

    /** The tests students see at once first, then the others: nothing a hidden test hands out reaches a visible output. */
    private static List<List<GradedTest>> phases(List<GradedTest> remaining) {
        List<GradedTest> shown = remaining.stream().filter(t -> t.visibility() == Visibility.VISIBLE && !t.hidden()).toList();
        List<GradedTest> rest = remaining.stream().filter(t -> !shown.contains(t)).toList();
        return Stream.of(shown, rest).filter(p -> !p.isEmpty()).toList();
    }

    private String diskFull() {
        return "Wrote more than " + options.disk() + " into its working folder, so the test JVM was ended. Writing a"
                + " file that grows without bound, or very many files, does this.";
    }

    private String crash(TestJvm.Run run) {
        if (run.end() == TestJvm.End.DISK_FULL) {
            return diskFull() + " This test was running, so it got 0.";
        }
        if (run.end() == TestJvm.End.UNRESPONSIVE) {
            return "The test JVM stopped responding outside any test (for " + TestJvm.IDLE_SECONDS + " s) and was"
                    + " ended. Code that blocks every thread, e.g. in a static initializer, does this.";
        }
        if (run.diagnostics().contains("OutOfMemoryError")) {
            return "Ran out of memory: the test JVM has a heap of " + options.memory() + " and this test used it all,"
                    + " so the JVM ended. An array, list or memo table that grows without bound does this.";
        }
        return String.format(Locale.ROOT, "The test JVM ended with exit status %d while this test ran, so it got 0."
                + " Calling System.exit(%d) or Runtime.halt(%d) does this: a graded method must return its result"
                + " instead of ending the program.", run.exitCode(), run.exitCode(), run.exitCode());
    }

    /** Why the test JVM never started, in the JVM's own words. */
    private static String cannotStart(TestJvm.Run run) {
        String said = run.diagnostics().lines().map(String::strip).filter(l -> !l.isEmpty())
                .limit(6).collect(Collectors.joining(" / "));
        return "Cannot run the test JVM" + (run.end() == TestJvm.End.EXITED ? " (exit status " + run.exitCode() + ")"
                : " (it did not start within " + TestJvm.STARTUP_SECONDS + " s)") + (said.isEmpty() ? "." : ": " + said)
                + " No test could run. This is a problem of the grader's setup (e.g. --memory too small), not of the"
                + " submission.";
    }

    private static Path createWorkFolder() {
        try {
            return Files.createTempDirectory("nnlab-grade-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temporary folder for grading", e);
        }
    }

    private static void delete(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // Leftover temporary files do not affect the grade; the OS cleans its temp folder.
        }
    }
}
