package org.nnlab.curriculum.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.nnlab.curriculum.exercise.Exercise;
import org.nnlab.curriculum.exercise.ExerciseCatalog;
import org.nnlab.curriculum.exercise.SelfCheck;
import org.nnlab.curriculum.grading.GradeOptions;
import org.nnlab.curriculum.grading.GradescopeAutograder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code nnlab autograder}: packs exercises as Gradescope autograder zips, after their self-check. */
@Command(name = "autograder", mixinStandardHelpOptions = true,
        description = {"Pack exercises as Gradescope autograder zips (autograder-<id>.zip: setup.sh, run_autograder,"
                + " exercise.txt, nnlab.jar, and the exercise itself when it comes from --exercises).",
                "Each exercise is self-checked first (reference 100%, starter 0, every known submission at its score);"
                        + " one that fails is not packed. The zips hold the solutions: upload them, never hand them out."})
final class AutograderCommand implements Callable<Integer> {
    @Mixin
    ExercisesOption exercises;

    @Option(names = {"-e", "--exercise"}, paramLabel = "<id>", description = "Pack these exercises (id or number);"
            + " every exercise of the folder by default.")
    List<String> only;

    @Option(names = "--out", paramLabel = "<folder>", description = "Where to write the zips (default: ${DEFAULT-VALUE}).")
    Path out = Path.of(".");

    @Option(names = "--skip-check", description = "Pack without the self-check (faster; only if you just ran it).")
    boolean skipCheck;

    @Override
    public Integer call() {
        Path jar = GradescopeAutograder.runningJar();
        ExerciseCatalog catalog = exercises.catalog();
        List<Exercise> chosen = only == null ? catalog.all() : only.stream().map(catalog::find).toList();
        boolean ok = true;
        for (Exercise e : chosen) {
            if (!skipCheck) {
                SelfCheck.Result result = SelfCheck.run(e, GradeOptions.defaults(), Runtime.getRuntime().availableProcessors());
                System.out.print("self-check " + result.summary());
                if (!result.passed()) {
                    System.out.println("  not packed: " + e.id() + " fails its self-check (see above)");
                    ok = false;
                    continue;
                }
            }
            Path zip = GradescopeAutograder.write(e, exercises.folder, jar, out);
            System.out.println("Wrote " + zip + ": upload it as the assignment's autograder (Gradescope: Configure"
                    + " Autograder → Zip file upload).");
        }
        return ok ? 0 : 1;
    }
}
