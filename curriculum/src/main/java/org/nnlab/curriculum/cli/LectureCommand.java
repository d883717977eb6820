package org.nnlab.curriculum.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.nnlab.core.train.Verbosity;
import org.nnlab.curriculum.lecture.Lecture;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code nnlab lecture}: runs every experiment of the lecture and writes the HTML report. */
@Command(name = "lecture", mixinStandardHelpOptions = true,
        description = "Run the lecture's experiments and write report.html, summary.json and figures/*.svg.")
final class LectureCommand implements Callable<Integer> {

    @Option(names = "--seed", description = "Random seed for every experiment (default: ${DEFAULT-VALUE}).")
    long seed = Lecture.DEFAULT_SEED;

    @Option(names = "--out", description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out = Path.of("nnlab-out");

    @Option(names = "--only", paramLabel = "<lesson>", description = "Run one lesson: perceptron, logistic, hidden,"
            + " relu, recursion, backprop, mnist, vanishing.")
    String only;

    @Option(names = "--data", paramLabel = "<dir>", description = "A folder with the four MNIST-format IDX files"
            + " (e.g. full MNIST or Fashion-MNIST) for the MNIST lesson; default: the built-in 10,000 digits.")
    Path data;

    @Option(names = "--quiet", description = "Print one line per epoch instead of progress bars.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        Map<String, Object> summary = new Lecture().run(new Lecture.Options(seed, out, Optional.ofNullable(only),
                Optional.ofNullable(data), System.out, quiet ? Verbosity.EPOCH_LINES : Verbosity.AUTO));
        System.out.println("Report: " + out.resolve("report.html").toAbsolutePath());
        System.out.println("Numbers: " + out.resolve("summary.json").toAbsolutePath());
        System.out.println("Total: " + ((Map<?, ?>) summary.get("seconds")).get("total") + " s");
        return 0;
    }
}
