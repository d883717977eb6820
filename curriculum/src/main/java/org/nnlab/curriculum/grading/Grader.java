package org.nnlab.curriculum.grading;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.nnlab.curriculum.exercise.Exercise;
import org.nnlab.curriculum.grading.child.TestJvmMain;

/**
 * Grades a submission: compiles it with the graded tests, runs them in a sandboxed JVM, and
 * scores every planned test.
 *
 * <p>Scores come only from the {@link TestPlan} (read from the instructor's source) and from
 * signed "this test finished successfully" records; anything else — a compile error, a missing
 * file, a crash, a timeout, a forged line — leaves the affected tests at 0 with an explanation.
 * When the test JVM dies during a test (out of memory, {@code exit} without the sandbox, a timeout)
 * that test gets 0 and a fresh JVM runs the tests after it, so one misbehaving method costs only
 * its own tests.
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

    /** Grades {@code submission} against every graded test of {@code exercise} (or the visible ones). */
    public GradeReport grade(Exercise exercise, Submission submission) {
        long start = System.nanoTime();
        TestPlan plan = options.visibleOnly() ? TestPlan.of(exercise).visibleOnly() : TestPlan.of(exercise);
        List<String> notes = new ArrayList<>(submission.notes());
        Map<String, TestOutcome> outcomes = new LinkedHashMap<>();
        boolean[] sandboxed = {true};
        if (!submission.missing().isEmpty()) {
            String why = "Your submission has no " + String.join(", ", submission.missing())
                    + ", so no test could run. Hint: upload the file(s) with exactly these names.";
            notes.add(why);
            plan.tests().forEach(t -> outcomes.put(t.id(), TestOutcome.of("NOT_RUN", why)));
        } else {
            Compilation compilation = new SubmissionCompiler(options.classpath())
                    .compile(submission.sources(), testSources(exercise), studentPackage(exercise));
            if (!compilation.succeeded()) {
                notes.add(compilation.explain());
                plan.tests().forEach(t -> outcomes.put(t.id(), TestOutcome.of("NOT_RUN",
                        "Not run: the submission does not compile (the errors are listed with the whole submission's feedback).")));
            } else {
                sandboxed[0] = runAll(compilation, plan.tests(), outcomes, notes);
            }
        }
        List<TestResult> results = plan.tests().stream().map(t -> TestResult.of(t, outcomes.get(t.id()))).toList();
        return new GradeReport(exercise.id(), exercise.title(), results, notes, (System.nanoTime() - start) / 1e9,
                sandboxed[0]);
    }

    private Map<String, String> testSources(Exercise exercise) {
        Map<String, String> tests = new LinkedHashMap<>();
        for (String path : exercise.testFiles()) {
            // A student checking a draft compiles the tests they were given; grading uses them all.
            tests.put(Exercise.fileName(path), options.visibleOnly() ? exercise.marked(path).studentVersion()
                    : exercise.marked(path).instructorVersion());
        }
        return tests;
    }

    private static String studentPackage(Exercise exercise) {
        return Exercise.packageOf(exercise.studentFiles().get(0));
    }

    /** Runs test JVMs until every test has an outcome; returns whether the sandbox was on. */
    private boolean runAll(Compilation compilation, List<GradedTest> tests, Map<String, TestOutcome> outcomes,
                           List<String> notes) {
        Path work = createWorkFolder();
        boolean sandboxed = true;
        try {
            List<GradedTest> remaining = new ArrayList<>(tests);
            TestJvm jvm = new TestJvm(options);
            for (int attempt = 1; !remaining.isEmpty(); attempt++) {
                TestJvm.Run run = jvm.run(work.resolve("run-" + attempt), compilation, remaining);
                String running = null;
                int finished = 0;
                for (JsonNode r : run.records()) {
                    switch (r.path("event").asText()) {
                        case "hello" -> sandboxed &= r.path("sandboxed").asBoolean();
                        case "start" -> running = r.path("test").asText();
                        case "finish" -> {
                            outcomes.put(r.path("test").asText(), TestOutcome.fromRecord(r));
                            running = null;
                            finished++;
                        }
                        case "container" -> remaining.stream()
                                .filter(t -> t.className().equals(r.path("class").asText()) && !outcomes.containsKey(t.id()))
                                .forEach(t -> outcomes.put(t.id(), TestOutcome.fromRecord(r)));
                        default -> { }
                    }
                }
                if (run.rejectedLines() > 0) {
                    notes.add("Ignored " + run.rejectedLines() + " line(s) on the grader's results channel that the"
                            + " grader did not sign (forged or damaged); they changed no score.");
                }
                remaining.removeIf(t -> outcomes.containsKey(t.id()));
                if (remaining.isEmpty()) {
                    break;
                }
                String why = crash(run);
                if (running != null) {
                    outcomes.put(running, TestOutcome.of("CRASHED", why));
                    String crashed = running;
                    remaining.removeIf(t -> t.id().equals(crashed));
                } else if (!run.completed() && finished > 0) {
                    continue; // ended right after a test (its timeout): a fresh JVM runs the rest
                } else {
                    String reason = run.completed() ? "JUnit did not run this test (is it a JUnit 5 @Test?)." : why;
                    remaining.forEach(t -> outcomes.put(t.id(), TestOutcome.of("NOT_RUN", reason)));
                    remaining.clear();
                }
            }
        } finally {
            if (!Boolean.getBoolean("nnlab.grader.keep")) {
                delete(work);
            }
        }
        if (!sandboxed) {
            notes.add("This JDK (" + Runtime.version().feature() + ") has no SecurityManager: the submission ran in"
                    + " its own JVM and folder, but without the file and System.exit sandbox. Grade on JDK 17 to 23"
                    + " for the full sandbox.");
        }
        return sandboxed;
    }

    private String crash(TestJvm.Run run) {
        if (run.killed()) {
            return "The test JVM stopped responding and was ended; this test got 0. Code that blocks every thread"
                    + " (e.g. waiting forever) does this.";
        }
        if (run.diagnostics().contains("OutOfMemoryError")) {
            return "Ran out of memory: the test JVM has a heap of " + options.memory() + " and this test used it all,"
                    + " so the JVM ended. An array, list or memo table that grows without bound does this.";
        }
        if (run.exitCode() == TestJvmMain.EXIT_TIMEOUT) {
            return "The test JVM ended after a time limit was exceeded.";
        }
        return String.format(Locale.ROOT, "The test JVM ended with exit status %d while this test ran, so it got 0."
                + " Calling System.exit(%d) or Runtime.halt(%d) does this: a graded method must return its result"
                + " instead of ending the program.", run.exitCode(), run.exitCode(), run.exitCode());
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
