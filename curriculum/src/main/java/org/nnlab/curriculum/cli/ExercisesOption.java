package org.nnlab.curriculum.cli;

import java.nio.file.Path;
import org.nnlab.curriculum.exercise.ExerciseCatalog;
import org.nnlab.curriculum.exercise.ExerciseSource;
import picocli.CommandLine.Option;

/** The {@code --exercises <folder>} option shared by the exercise commands. */
final class ExercisesOption {
    @Option(names = "--exercises", paramLabel = "<folder>",
            description = "Read the instructor's exercises from this folder (laid out like curriculum/exercises)"
                    + " instead of those bundled in nnlab.")
    Path folder;

    ExerciseCatalog catalog() {
        return folder == null ? ExerciseCatalog.bundled() : ExerciseCatalog.load(ExerciseSource.directory(folder));
    }
}
