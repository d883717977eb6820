package org.nnlab.viz.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnlab.core.layer.Activation;
import org.nnlab.core.layer.Dense;
import org.nnlab.core.layer.Flatten;
import org.nnlab.core.loss.BinaryCrossentropy;
import org.nnlab.core.loss.MeanSquaredError;
import org.nnlab.core.loss.SparseCategoricalCrossentropy;
import org.nnlab.core.optim.Adam;
import org.nnlab.core.tensor.Tensor;
import org.nnlab.core.train.FitOptions;
import org.nnlab.core.train.Sequential;
import org.nnlab.core.train.Verbosity;
import org.nnlab.viz.report.Animation;

/**
 * Training movies: what they record, their size, their refusals, and how a browser plays them.
 * The browser test runs where Debian's {@code chromium} is installed and is skipped elsewhere.
 */
class TrainingMovieTest {
    /** 320 points, class 1 above the parabola x₂ = 0.3·x₁² − 1, as the lecture's nonlinear set. */
    private static Tensor[] parabola() {
        SplittableRandom rng = new SplittableRandom(3);
        int n = 320;
        Tensor x = Tensor.zeros(n, 2);
        Tensor y = Tensor.zeros(n, 1);
        for (int i = 0; i < n; i++) {
            double a = rng.nextDouble(-3, 3);
            double b = rng.nextDouble(-2, 3);
            x.set(i, 0, a);
            x.set(i, 1, b);
            y.set(i, 0, b > 0.3 * a * a - 1 ? 1 : 0);
        }
        return new Tensor[] {x, y};
    }

    private static Sequential twoTwoOne() {
        Sequential model = new Sequential(new int[] {2}, List.of(new Dense(2, Activation.SIGMOID),
                new Dense(1, Activation.SIGMOID)), 42);
        model.compile(new Adam(0.1), new BinaryCrossentropy());
        return model;
    }

    /** 5 epochs of 10 steps, a frame every step: the initial frame and 50 more. */
    private static TrainingMovie decisionRegionsMovie() {
        Tensor[] xy = parabola();
        TrainingMovie movie = TrainingMovie.of(MovieView.DECISION_REGIONS, xy[0], xy[1]).everySteps(1);
        twoTwoOne().fit(xy[0], xy[1], FitOptions.builder().epochs(5).verbosity(Verbosity.SILENT).callbacks(movie).build());
        return movie;
    }

    @Test
    void recordsTheModelBeforeTrainingAndAtEachScheduledStep() {
        TrainingMovie movie = decisionRegionsMovie();
        assertEquals(51, movie.frames());
        List<Animation.Frame> frames = movie.animation().frames();
        assertEquals("before training", frames.get(0).label());
        assertTrue(frames.get(50).label().startsWith("epoch 5, step 50, loss "), frames.get(50).label());
        assertFalse(frames.get(0).panels().get(0).toSvg().equals(frames.get(50).panels().get(0).toSvg()),
                "the regions move as the model trains");
    }

    @Test
    void fiftyFramesOfATwoDimensionalProblemStayUnderTwoMegabytesAndNeedNoNetwork() {
        String html = decisionRegionsMovie().animation().toHtml();
        assertTrue(html.getBytes(StandardCharsets.UTF_8).length <= 2_000_000, html.length() + " bytes");
        assertFalse(html.contains("src=") || html.contains("href=") || html.contains("url(http")
                || html.contains("<link") || html.contains("@import"), "no external resource");
        assertEquals(1, html.split("<script>", -1).length - 1, "one inline player");
    }

    @Test
    void everyEpochIsTheDefaultAndAnEndFrameIsAddedBetweenScheduledOnes() {
        Tensor[] xy = parabola();
        TrainingMovie perEpoch = TrainingMovie.of(MovieView.HIDDEN_FEATURES, xy[0], xy[1]);
        TrainingMovie everySeven = TrainingMovie.of(MovieView.HIDDEN_FEATURES, xy[0], xy[1]).everySteps(7);
        twoTwoOne().fit(xy[0], xy[1], FitOptions.builder().epochs(3).verbosity(Verbosity.SILENT)
                .callbacks(perEpoch, everySeven).build());
        assertEquals(4, perEpoch.frames(), "before training and 3 epochs");
        assertEquals(1 + 4 + 1, everySeven.frames(), "before, steps 7, 14, 21, 28, and the end at step 30");
        assertEquals("epoch 3, step 30 (end)", everySeven.animation().frames().get(5).label());
    }

    @Test
    void aViewThatCannotBeDrawnIsRefusedNamingTheViewsThatExist() {
        Sequential mnist = new Sequential(new int[] {28, 28}, List.of(new Flatten(), new Dense(100, Activation.RELU),
                new Dense(10, Activation.SOFTMAX)), 1);
        mnist.compile(new Adam(), new SparseCategoricalCrossentropy());
        Tensor x = Tensor.zeros(4, 28, 28);
        Tensor y = Tensor.zeros(4);
        TrainingMovie regions = TrainingMovie.of(MovieView.DECISION_REGIONS, x, y);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> mnist.fit(x, y,
                FitOptions.builder().verbosity(Verbosity.SILENT).callbacks(regions).build()));
        assertEquals("TrainingMovie: the DECISION_REGIONS view cannot be drawn for model 'sequential': decision regions"
                + " need 2 input features but the model takes 784 (input shape [28, 28]). Views that exist for this"
                + " model: [GRADIENT_NORMS]. Hint: record one of those, e.g. MovieView.GRADIENT_NORMS.", e.getMessage());
        assertEquals(List.of(MovieView.DECISION_REGIONS, MovieView.HIDDEN_FEATURES, MovieView.GRADIENT_NORMS),
                MovieView.availableFor(twoTwoOne()));
        IllegalArgumentException curve = assertThrows(IllegalArgumentException.class,
                () -> MovieView.FITTED_CURVE.requireDrawable(twoTwoOne()));
        assertTrue(curve.getMessage().contains("a fitted curve needs 1 input and 1 output but the model has 2 and 1"),
                curve.getMessage());
    }

    @Test
    void gradientNormMoviesOfTwoModelsPlaySideBySideOnOneScale() {
        Tensor x = Tensor.zeros(64, 1);
        Tensor y = Tensor.zeros(64, 1);
        for (int i = 0; i < 64; i++) {
            x.set(i, 0, -1 + 2.0 * i / 63);
            y.set(i, 0, Math.pow(x.get(i, 0), 3));
        }
        List<TrainingMovie> movies = new ArrayList<>();
        for (Activation a : new Activation[] {Activation.SIGMOID, Activation.RELU}) {
            Sequential deep = new Sequential(new int[] {1}, List.of(new Dense(8, a), new Dense(8, a), new Dense(8, a),
                    new Dense(1, Activation.LINEAR)), 5);
            deep.compile(new Adam(), new MeanSquaredError());
            TrainingMovie movie = TrainingMovie.gradientNorms().everySteps(2).title(a.kerasName());
            deep.fit(x, y, FitOptions.builder().epochs(3).verbosity(Verbosity.SILENT).callbacks(movie).build());
            movies.add(movie);
        }
        Animation both = TrainingMovie.together("Gradient norms", movies.get(0), movies.get(1));
        assertEquals(3, both.frames().size());
        assertEquals(2, both.frames().get(0).panels().size());
        assertEquals(both.frames().get(0).panels().get(0).axes().get(0).ylim(),
                both.frames().get(2).panels().get(1).axes().get(0).ylim(), "one y range for every frame and panel");
        TrainingMovie shorter = TrainingMovie.gradientNorms().everySteps(3);
        Sequential deep = new Sequential(new int[] {1}, List.of(new Dense(4, Activation.RELU), new Dense(1, Activation.LINEAR)), 5);
        deep.compile(new Adam(), new MeanSquaredError());
        deep.fit(x, y, FitOptions.builder().epochs(3).verbosity(Verbosity.SILENT).callbacks(shorter).build());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TrainingMovie.together("mismatched", movies.get(0), shorter));
        assertTrue(e.getMessage().startsWith("TrainingMovie.together: the movies hold [3, 2] frames; expected the same"
                + " number."), e.getMessage());
    }

    @Test
    void chromiumPlaysTheMovieAtTwoDifferentFramesWithoutErrors(@TempDir Path dir) throws Exception {
        Path chromium = chromium();
        assumeTrue(chromium != null, "chromium is not installed (apt-get install -y chromium)");
        Path page = dir.resolve("movie.html");
        decisionRegionsMovie().writeTo(page);
        Browser first = render(chromium, page, 0, dir);
        Browser later = render(chromium, page, 40, dir);
        assertTrue(first.dom().contains("data-frame=\"0\""), "the player opened frame 0 as #frame=0 asked");
        assertTrue(later.dom().contains("data-frame=\"40\""), "the player opened frame 40");
        assertTrue(first.dom().contains("frame 1 of 51: before training"), "the label names the frame");
        for (Browser b : List.of(first, later)) {
            assertFalse(b.log().contains("Uncaught") || b.log().contains("Failed to load")
                    || b.log().contains("net::ERR"), b.log());
        }
        assertEquals(first.image().getWidth(), later.image().getWidth());
        assertTrue(differingPixels(first.image(), later.image()) > 2000, "the two frames look different");
    }

    private record Browser(BufferedImage image, String dom, String log) {
    }

    /** Screenshots the page at {@code #frame=k}, then dumps its DOM after the script ran; both runs' logs. */
    private static Browser render(Path chromium, Path page, int frame, Path dir) throws Exception {
        String url = page.toUri() + "#frame=" + frame;
        Path png = dir.resolve("frame" + frame + ".png");
        Path dom = dir.resolve("frame" + frame + ".html");
        String log = run(chromium, dir, dir.resolve("screenshot.out"), "--screenshot=" + png, "--window-size=700,640", url)
                + run(chromium, dir, dom, "--dump-dom", url);
        return new Browser(ImageIO.read(png.toFile()), Files.readString(dom, StandardCharsets.UTF_8), log);
    }

    /** Runs headless Chromium with standard output to {@code output}; returns what it logged. */
    private static String run(Path chromium, Path dir, Path output, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--hide-scrollbars", "--force-device-scale-factor=1",
                "--enable-logging=stderr", "--v=0", "--user-data-dir=" + Files.createTempDirectory(dir, "profile")));
        command.addAll(List.of(args));
        Path log = Files.createTempFile(dir, "chromium", ".log");
        Process p = new ProcessBuilder(command).redirectOutput(output.toFile()).redirectError(log.toFile()).start();
        assertTrue(p.waitFor(90, TimeUnit.SECONDS), "chromium finished");
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    private static int differingPixels(BufferedImage a, BufferedImage b) {
        int count = 0;
        for (int y = 0; y < Math.min(a.getHeight(), b.getHeight()); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                count += a.getRGB(x, y) != b.getRGB(x, y) ? 1 : 0;
            }
        }
        return count;
    }

    private static Path chromium() {
        for (String name : new String[] {"/usr/bin/chromium", "/usr/bin/chromium-browser"}) {
            if (Files.isExecutable(Path.of(name))) {
                return Path.of(name);
            }
        }
        return null;
    }
}
