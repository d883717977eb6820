package org.nnlab.tests.lecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnlab.core.train.Verbosity;
import org.nnlab.curriculum.lecture.Lecture;

/** The MNIST lesson on a full MNIST-format folder: Debian's Fashion-MNIST, where installed. */
class LectureOnFashionMnistTest {
    private static final Path FASHION = Path.of("/usr/share/datasets/fashion-mnist");

    @Test
    void mnistLessonTrainsOnAFullDatasetFolder(@TempDir Path out) throws Exception {
        assumeTrue(Files.isRegularFile(FASHION.resolve("train-images-idx3-ubyte.gz")),
                "Fashion-MNIST is not installed (apt-get install dataset-fashion-mnist)");
        new Lecture().run(new Lecture.Options(Lecture.DEFAULT_SEED, out, Optional.of("mnist"), Optional.of(FASHION),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), Verbosity.EPOCH_LINES));
        JsonNode mnist = new ObjectMapper().readTree(out.resolve("summary.json").toFile()).get("sections").get("mnist");
        assertEquals("fashion-mnist", mnist.get("dataset").asText());
        assertEquals(60_000, mnist.get("train_images").asInt());
        assertEquals(10_000, mnist.get("test_images").asInt());
        // PyTorch's peer reaches about 0.87 with the same model after 5 epochs.
        assertTrue(mnist.get("test_accuracy").asDouble() >= 0.85, mnist.toString());
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("Ankle boot"), "Fashion class names in the report");
        assertTrue(html.contains("\">7. Fashion-MNIST: recognising clothing"), "the section title names the data");
        assertTrue(html.contains("true class: " + "Ankle boot") || html.matches("(?s).*true class: [A-Z][a-z].*"),
                "the stem legend names the class");
        assertTrue(html.contains("97.49%") && html.contains("fashion-mnist: 60,000 training"),
                "the lecture's number beside ours, saying which data");
        String grid = Files.readString(out.resolve("figures/mnist-predictions.svg"));
        assertTrue(grid.contains(" → "), grid.substring(0, 200));
        assertTrue(grid.matches("(?s).*>(T-shirt/top|Trouser|Pullover|Dress|Coat|Sandal|Shirt|Sneaker|Bag|Ankle boot)"
                + " → .*"), "grid titles use the class names");
    }
}
