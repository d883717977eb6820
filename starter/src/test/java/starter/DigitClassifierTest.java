package starter;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DigitClassifierTest {

    @Test
    void trainsAndWritesAReportWithTheTestAccuracy(@TempDir Path tmp) throws Exception {
        Path report = tmp.resolve("report.html");
        DigitClassifier.main(new String[] {report.toString()});
        String html = Files.readString(report);
        assertTrue(html.contains("Test accuracy: 9"), "accuracy above 90% in the report");
        assertTrue(html.contains("<svg"), "figures inline");
    }
}
