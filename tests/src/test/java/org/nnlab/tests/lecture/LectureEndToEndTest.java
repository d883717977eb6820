package org.nnlab.tests.lecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnlab.core.train.Verbosity;
import org.nnlab.curriculum.lecture.Lecture;

/** Runs the whole lecture once with the default seed and checks its numbers land where the lecture's do. */
class LectureEndToEndTest {
    @TempDir
    static Path out;
    private static JsonNode sections;
    private static String log;

    @BeforeAll
    static void runLecture() throws Exception {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        new Lecture().run(new Lecture.Options(Lecture.DEFAULT_SEED, out, Optional.empty(), Optional.empty(),
                new PrintStream(buffer, true, StandardCharsets.UTF_8), Verbosity.EPOCH_LINES));
        log = buffer.toString(StandardCharsets.UTF_8);
        sections = new ObjectMapper().readTree(out.resolve("summary.json").toFile()).get("sections");
    }

    @Test
    void perceptronLearnsAndAndOrButNotXor() {
        JsonNode p = sections.get("perceptron");
        assertTrue(p.get("and_converged").asBoolean());
        assertTrue(p.get("or_converged").asBoolean());
        assertFalse(p.get("xor_converged").asBoolean());
        assertTrue(p.get("xor_fewest_errors").asInt() >= 1);
    }

    @Test
    void logisticRegressionSeparatesTheLinearSet() {
        JsonNode s = sections.get("logistic");
        assertTrue(s.get("accuracy").asDouble() >= 0.97, s.toString());
        // The learned line, scaled to x₂'s coefficient, is near 0.8·x₁ + x₂ − 3 = 0.
        assertEquals(0.8, s.get("w1_over_w2").asDouble(), 0.15, s.toString());
        assertEquals(-3.0, s.get("b_over_w2").asDouble(), 0.5, s.toString());
    }

    @Test
    void hiddenLayerBeatsAnyLineClearly() {
        JsonNode s = sections.get("hidden");
        assertTrue(s.get("accuracy").asDouble() >= s.get("line_accuracy").asDouble() + 0.08, s.toString());
        assertTrue(s.get("accuracy").asDouble() >= 0.93, s.toString());
    }

    @Test
    void reluRegressionErrorFallsAsUnitsGrow() {
        JsonNode mse = sections.get("relu").get("mse_by_units");
        double one = mse.get("1").asDouble();
        double two = mse.get("2").asDouble();
        double four = mse.get("4").asDouble();
        double hundred = mse.get("100").asDouble();
        assertTrue(one > two && two > four && four > hundred, mse.toString());
        assertTrue(hundred < 0.01, mse.toString());
        assertEquals(1, sections.get("relu").get("weights_1_unit").get("w").size());
        assertEquals(2, sections.get("relu").get("weights_2_units").get("v").size());
    }

    @Test
    void recursionCountsCallsExactly() {
        JsonNode s = sections.get("recursion");
        assertEquals(120, s.get("fac_5_recursive").asLong());
        assertEquals(120, s.get("fac_5_iterative").asLong());
        assertEquals(55, s.get("fib_10").asLong());
        assertEquals(55, s.get("mfib_10").asLong());
        Pattern timeit = Pattern.compile("[0-9.]+ (s|ms|µs|ns) ± [0-9.]+ (s|ms|µs|ns) per loop \\(mean ± std\\. dev\\. of 7"
                + " runs, [0-9,]+ loops? each\\)");
        assertTrue(timeit.matcher(s.get("fib_30_naive_timeit").asText()).matches(), s.toString());
        assertTrue(timeit.matcher(s.get("fib_30_memo_timeit").asText()).matches(), s.toString());
        assertEquals(832_040, s.get("fib_30").asLong());
        assertEquals(2 * 832_040 - 1, s.get("fib_30_naive_calls").asLong());
        assertEquals(2 * 30 - 3, s.get("fib_30_memo_calls").asLong());
        assertEquals(2_880_067_194_370_816_120L, s.get("fib_90").asLong());
    }

    @Test
    void backpropByHandMatchesCoreAndNumericalGradients() {
        JsonNode s = sections.get("backprop");
        assertTrue(s.get("max_abs_difference_hand_vs_core").asDouble() < 1e-12, s.toString());
        assertTrue(s.get("max_relative_error_core_vs_numerical").asDouble() < 1e-7, s.toString());
    }

    @Test
    void mnistReachesTheExpectedAccuracyOnTheBuiltInDigits() {
        JsonNode s = sections.get("mnist");
        assertEquals(79_510, s.get("parameters").asInt());
        assertEquals(8000, s.get("train_images").asInt());
        assertTrue(s.get("test_accuracy").asDouble() >= 0.92, s.toString());
        assertEquals(0.9749, s.get("lecture_test_accuracy_full_mnist").asDouble(), 0);
        assertFalse(s.has("val_accuracy"), "the lecture trains without a validation split");
    }

    @Test
    void deepSigmoidGradientsVanishButNotWithReluOrBatchNorm() {
        JsonNode s = sections.get("vanishing");
        assertEquals(0.25, s.get("max_sigmoid_derivative").asDouble(), 1e-12);
        JsonNode ratio = s.get("first_to_last_gradient_ratio");
        assertTrue(ratio.get("sigmoid").asDouble() < 0.01, ratio.toString());
        assertTrue(ratio.get("relu").asDouble() > 0.1, ratio.toString());
        assertTrue(ratio.get("sigmoid + batch norm").asDouble() > 0.1, ratio.toString());
        JsonNode ten = s.get("ten_point_train_mse");
        // 5000 epochs let the plain network memorise the ten points; 200 epochs with dropout do not.
        assertTrue(ten.get("deep sigmoid").asDouble() < 0.01, ten.toString());
        assertTrue(ten.get("with dropout 0.2").asDouble() > 10 * ten.get("deep sigmoid").asDouble(), ten.toString());
    }

    @Test
    void reportIsSelfContainedWithEveryFigure() throws Exception {
        String html = Files.readString(out.resolve("report.html"));
        Matcher svg = Pattern.compile("<svg[ >]").matcher(html);
        int figures = 0;
        while (svg.find()) {
            figures++;
        }
        try (Stream<Path> files = Files.list(out.resolve("figures"))) {
            assertEquals(figures, files.filter(f -> f.toString().endsWith(".svg")).count());
        }
        try (Stream<Path> files = Files.list(out.resolve("figures"))) {
            assertEquals(figures, files.filter(f -> f.toString().endsWith(".png")).count(), "a PNG beside each SVG");
        }
        assertTrue(figures >= 17, "figures in the report: " + figures);
        assertFalse(Pattern.compile("(src|href)=\"(https?:)?//").matcher(html).find(), "no network references");
        assertFalse(html.contains("<script"), "no scripts");
        try (Stream<Path> files = Files.list(out.resolve("figures"))) {
            for (Path f : files.filter(f -> f.toString().endsWith(".svg")).toList()) {
                DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(f.toFile());
            }
        }
    }

    @Test
    void progressIsShownWhileTraining() {
        assertTrue(log.contains("[7/8] 7. MNIST: recognising handwritten digits (lecture §7)"), log);
        assertTrue(log.contains("Epoch 5/5"), log);
    }

    @Test
    void sameSeedGivesTheSameNumbers(@TempDir Path again) throws Exception {
        Map<?, ?> first = new ObjectMapper().readValue(out.resolve("summary.json").toFile(), Map.class);
        Map<?, ?> second = new Lecture().run(new Lecture.Options(Lecture.DEFAULT_SEED, again, Optional.of("hidden"),
                Optional.empty(), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                Verbosity.SILENT));
        assertEquals(((Map<?, ?>) first.get("sections")).get("hidden"), ((Map<?, ?>) second.get("sections")).get("hidden"));
    }

    @Test
    void unknownLessonNamesTheLessons(@TempDir Path elsewhere) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Lecture().run(
                new Lecture.Options(1, elsewhere, Optional.of("mnsit"), Optional.empty(), System.out, Verbosity.SILENT)));
        assertEquals("No lesson 'mnsit'. The lessons are: perceptron, logistic, hidden, relu, recursion, backprop,"
                + " mnist, vanishing", e.getMessage());
    }
}
