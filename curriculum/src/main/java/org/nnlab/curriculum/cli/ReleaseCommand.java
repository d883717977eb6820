package org.nnlab.curriculum.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.nnlab.curriculum.exercise.Exercise;
import org.nnlab.curriculum.exercise.ExerciseCatalog;
import org.nnlab.curriculum.exercise.Release;
import org.nnlab.curriculum.exercise.SelfCheck;
import org.nnlab.curriculum.grading.GradeOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code nnlab release}: writes the student version of exercises and checks it. */
@Command(name = "release", mixinStandardHelpOptions = true,
        description = {"Write the student version of the exercises: solutions replaced by TODO stubs, hidden tests"
                + " removed. With --check, also prove that the reference solution scores 100%% and the release 0."})
final class ReleaseCommand implements Callable<Integer> {
    @Mixin
    ExercisesOption exercises;

    @Option(names = "--out", required = true, paramLabel = "<folder>", description = "Where to write the release.")
    Path out;

    @Option(names = {"-e", "--exercise"}, paramLabel = "<id>",
            description = "Release only these exercises (id or number); all by default.")
    List<String> only;

    @Option(names = "--check", description = "Run the self-check on each released exercise (slower: it grades twice).")
    boolean check;

    @Override
    public Integer call() {
        ExerciseCatalog catalog = exercises.catalog();
        List<Exercise> chosen = only == null ? catalog.all() : only.stream().map(catalog::find).toList();
        boolean ok = true;
        for (Exercise e : chosen) {
            int files = Release.write(e, out).size();
            System.out.printf("released %-11s %d files → %s%n", e.id(), files, out.resolve(e.id()));
            if (check) {
                SelfCheck.Result result = SelfCheck.run(e, GradeOptions.defaults(), Runtime.getRuntime().availableProcessors());
                System.out.print("  self-check " + result.summary());
                ok &= result.passed();
            }
        }
        return ok ? 0 : 1;
    }
}
