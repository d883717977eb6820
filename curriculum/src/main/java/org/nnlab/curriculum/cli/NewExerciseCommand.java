package org.nnlab.curriculum.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.nnlab.curriculum.exercise.Scaffold;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code nnlab new-exercise NAME}: scaffolds an exercise ready for {@code release --check}. */
@Command(name = "new-exercise", mixinStandardHelpOptions = true,
        description = {"Scaffold a new exercise: exercise.properties, README.md, a source with a solution block, a test"
                + " with one visible and one hidden graded test, and a known-wrong submission in checks/; it is added"
                + " to the folder's index.txt. Replace the example, then run release --check."})
final class NewExerciseCommand implements Callable<Integer> {
    @Parameters(paramLabel = "NAME", description = "The exercise's id: lower-case words joined by dashes, e.g. matrix-power.")
    String name;

    @Option(names = "--exercises", paramLabel = "<folder>",
            description = "The exercises folder to add it to, made if missing (default: ${DEFAULT-VALUE}).")
    Path folder = Path.of("exercises");

    @Override
    public Integer call() {
        Scaffold.write(folder, name).forEach(p -> System.out.println("wrote " + p));
        System.out.println("Next: edit " + folder.resolve(name) + ", then check it with\n  nnlab release --exercises "
                + folder + " -e " + name + " --out release --check");
        return 0;
    }
}
