package org.nnlab.curriculum.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code nnlab} command line: one entry point for the lecture, the demo and the exercises.
 *
 * <p>Run it through the {@code ./nnlab} script at the repository root, which builds the jar first.
 */
@Command(name = "nnlab", mixinStandardHelpOptions = true, version = "nnlab 0.1.0",
        description = "Learn and use multi-layer perceptrons.",
        subcommands = {LectureCommand.class, DemoCommand.class, ExercisesCommand.class, ReleaseCommand.class,
                GradeCommand.class, GradeAllCommand.class, AutograderCommand.class, NewExerciseCommand.class})
public final class Main implements Runnable {

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit status (0 on success). */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof IllegalArgumentException || e instanceof IllegalStateException
                    || e instanceof java.io.UncheckedIOException || e instanceof java.io.IOException) {
                commandLine.getErr().println("nnlab: " + e.getMessage());
                return 2;
            }
            throw e;
        });
        try {
            return cli.execute(args);
        } catch (OutOfMemoryError e) {
            long maxMb = Runtime.getRuntime().maxMemory() >> 20;
            String reader = reader(e);
            // Readers allocate only what a file really holds (a corrupt header is an error, not an
            // allocation), so running out while reading means the data itself is that large.
            cli.getErr().println("nnlab: ran out of memory " + (reader == null ? "(the JVM may use at most " + maxMb
                    + " MB)." : "while reading data (in " + reader + "): its values really take more than the " + maxMb
                    + " MB the JVM may use.") + " Give it more, e.g. NNLAB_JAVA_OPTS=-Xmx2g ./nnlab "
                    + String.join(" ", args) + " (or java -Xmx2g -jar nnlab.jar …).");
            return 3;
        }
    }

    /** The nnlab file reader on {@code e}'s stack, e.g. {@code IdxReader}, or null. */
    private static String reader(Throwable e) {
        for (StackTraceElement f : e.getStackTrace()) {
            String c = f.getClassName();
            if (c.startsWith("org.nnlab.data.idx.") || c.startsWith("org.nnlab.data.csv.")
                    || c.startsWith("org.nnlab.dsl.io.") || c.startsWith("org.nnlab.dsl.json.")) {
                return c.substring(c.lastIndexOf('.') + 1).replaceFirst("\\$.*", "");
            }
        }
        return null;
    }
}
