package org.nnlab.curriculum.cli;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.nnlab.core.layer.Activation;
import org.nnlab.core.layer.Dense;
import org.nnlab.core.loss.BinaryCrossentropy;
import org.nnlab.core.optim.Adam;
import org.nnlab.core.tensor.Tensor;
import org.nnlab.core.train.FitOptions;
import org.nnlab.core.train.History;
import org.nnlab.core.train.Metric;
import org.nnlab.core.train.Sequential;
import org.nnlab.core.train.Verbosity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code nnlab demo}: trains the lecture's 2-2-1 sigmoid network on XOR and prints what it learned.
 *
 * <p>XOR is the function a single perceptron cannot learn; two hidden sigmoid units can.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Train a 2-2-1 sigmoid network on XOR and print its predictions and weights.")
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--seed", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed = 42;

    @Option(names = "--epochs", description = "Epochs over the four points (default: ${DEFAULT-VALUE}).")
    int epochs = 500;

    @Override
    public Integer call() {
        Tensor x = Tensor.matrix(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}});
        Tensor y = Tensor.matrix(new double[][] {{0}, {1}, {1}, {0}});
        Sequential model = new Sequential("xor", new int[] {2}, List.of(
                new Dense(2, Activation.SIGMOID),
                new Dense(1, Activation.SIGMOID)), seed);
        model.compile(new Adam(0.1), new BinaryCrossentropy(), Metric.ACCURACY);
        System.out.print(model.summary());

        History history = model.fit(x, y, FitOptions.builder().epochs(epochs).batchSize(4)
                .verbosity(Verbosity.SILENT).build());
        double[] loss = history.get("loss");
        for (int e = 0; e < loss.length; e += Math.max(1, loss.length / 5)) {
            System.out.printf(Locale.ROOT, "epoch %4d  loss %.4f  accuracy %.2f%n", e + 1, loss[e],
                    history.get("accuracy")[e]);
        }
        System.out.printf(Locale.ROOT, "epoch %4d  loss %.4f  accuracy %.2f%n%n", loss.length,
                loss[loss.length - 1], history.last("accuracy"));

        Tensor p = model.predict(x);
        System.out.println(" x1  x2 | target | prediction");
        for (int i = 0; i < 4; i++) {
            System.out.printf(Locale.ROOT, " %2.0f  %2.0f |   %.0f    |   %.3f%n", x.get(i, 0), x.get(i, 1), y.get(i, 0), p.get(i, 0));
        }
        Dense hidden = (Dense) model.layers().get(0);
        System.out.println();
        System.out.println("Hidden layer: each unit draws one line w1·x1 + w2·x2 + b = 0 across the square;");
        for (int j = 0; j < 2; j++) {
            System.out.printf(Locale.ROOT, "  unit %d: %+.3f·x1 %+.3f·x2 %+.3f%n", j + 1,
                    hidden.kernel().value().get(0, j), hidden.kernel().value().get(1, j), hidden.bias().value().get(j));
        }
        System.out.println("the output unit combines the two half-planes into XOR.");
        return 0;
    }
}
