package org.nnlab.curriculum.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.nnlab.curriculum.exercise.Exercise;
import org.nnlab.curriculum.grading.ConsoleSummary;
import org.nnlab.curriculum.grading.FeedbackReport;
import org.nnlab.curriculum.grading.GradeOptions;
import org.nnlab.curriculum.grading.GradeReport;
import org.nnlab.curriculum.grading.Grader;
import org.nnlab.curriculum.grading.GradescopeResults;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code nnlab grade}: grades one submission and writes results.json, a summary and an HTML report. */
@Command(name = "grade", mixinStandardHelpOptions = true,
        description = {"Grade a submission: compile it with the graded tests, run them in a sandboxed JVM, and write"
                + " Gradescope's results.json, a console summary and an HTML feedback report.",
                "The exit status is 0 whenever grading itself worked, whatever the score."})
final class GradeCommand implements Callable<Integer> {
    @Mixin
    ExercisesOption exercises;

    @Option(names = {"-e", "--exercise"}, required = true, paramLabel = "<id>", description = "Exercise id or number.")
    String exercise;

    @Option(names = {"-s", "--submission"}, required = true, paramLabel = "<folder>",
            description = "Folder holding the student's files (searched by file name, at any depth).")
    Path submission;

    @Option(names = "--results", paramLabel = "<file>", description = "Where to write results.json (default: ${DEFAULT-VALUE}).")
    Path results = Path.of("results.json");

    @Option(names = "--html", paramLabel = "<file>", description = "Where to write the feedback page (default: ${DEFAULT-VALUE}).")
    Path html = Path.of("feedback.html");

    @Option(names = "--memory", paramLabel = "<size>", description = "Heap limit of the test JVM (default: ${DEFAULT-VALUE}).")
    String memory = GradeOptions.DEFAULT_MEMORY;

    @Option(names = "--disk", paramLabel = "<size>", description = "What the test JVM may write into its folder before it is"
            + " ended (default: ${DEFAULT-VALUE}).")
    String disk = GradeOptions.DEFAULT_DISK;

    @Option(names = "--visible-only", description = "Run only the tests the student release contains (check a draft).")
    boolean visibleOnly;

    @Option(names = "--quiet", description = "Print only the total, not each failed test's feedback.")
    boolean quiet;

    @Option(names = "--allow-unsandboxed", description = "Grade even on a JDK without a SecurityManager (24 and"
            + " later), where submissions could read files and memory they should not. Without it the grader refuses.")
    boolean allowUnsandboxed;

    @Override
    public Integer call() {
        Exercise e = exercises.catalog().find(exercise);
        GradeOptions options = GradeOptions.defaults().withMemory(memory).withDisk(disk).withVisibleOnly(visibleOnly)
                .withAllowUnsandboxed(allowUnsandboxed);
        GradeReport report = new Grader(options).grade(e, submission);
        GradescopeResults.write(report, results);
        FeedbackReport.write(report, html);
        System.out.print(ConsoleSummary.of(report, !quiet));
        System.out.println("Wrote " + results + " and " + html);
        return 0;
    }
}
