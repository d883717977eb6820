package org.nnlab.curriculum.cli;

import java.util.Locale;
import java.util.concurrent.Callable;
import org.nnlab.curriculum.exercise.Exercise;
import org.nnlab.curriculum.grading.TestPlan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code nnlab exercises}: lists the graded exercises with their points. */
@Command(name = "exercises", mixinStandardHelpOptions = true,
        description = "List the graded exercises: number, id, points (visible + hidden) and title.")
final class ExercisesCommand implements Callable<Integer> {
    @Mixin
    ExercisesOption exercises;

    @Override
    public Integer call() {
        System.out.println("  #  id           points (visible + hidden)  title");
        for (Exercise e : exercises.catalog().all()) {
            TestPlan plan = TestPlan.of(e);
            double visible = plan.visibleOnly().maxScore();
            System.out.printf(Locale.ROOT, "  %d  %-12s %5.1f (%4.1f + %4.1f)         %s%n", e.number(), e.id(),
                    plan.maxScore(), visible, plan.maxScore() - visible, e.title());
        }
        System.out.println("\nRelease with `nnlab release --out <folder>`, grade with"
                + " `nnlab grade --exercise <id> --submission <folder>`.");
        return 0;
    }
}
