package org.nnlab.data.csv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnlab.core.tensor.Tensor;
import org.nnlab.core.train.History;

class CsvWriterTest {
    @TempDir
    Path dir;

    @Test
    void writesClassPredictionsWithNamesAndTruth() throws IOException {
        Path f = dir.resolve("pred.csv");
        CsvWriter.writeClassPredictions(f, new int[] {0, 1}, new int[] {0, 0}, List.of("T-shirt/top", "Trouser, long"));
        assertEquals("index,predicted,predicted_name,actual,actual_name,correct\n0,0,T-shirt/top,0,T-shirt/top,1\n"
                + "1,1,\"Trouser, long\",0,T-shirt/top,0\n", Files.readString(f));
    }

    @Test
    void writesBarePredictions() throws IOException {
        Path f = dir.resolve("bare.csv");
        CsvWriter.writeClassPredictions(f, new int[] {2}, null, null);
        assertEquals("index,predicted\n0,2\n", Files.readString(f));
    }

    @Test
    void writesModelOutputsThatReadBackExactly() throws IOException {
        Path f = dir.resolve("out.csv");
        Tensor p = Tensor.matrix(new double[][] {{0.1, 1.0 / 3}, {-2e-300, 7}});
        CsvWriter.writePredictions(f, p, p);
        assertEquals("index,prediction_0,prediction_1,actual_0,actual_1", Files.readAllLines(f).get(0));
        CsvTable back = CsvReader.read(f, CsvOptions.builder().features("prediction_0", "prediction_1").build());
        assertArrayEquals(p.data(), back.features().data());
    }

    @Test
    void writesAHistoryOneRowPerEpoch() throws IOException {
        History h = new History();
        h.record(Map.of("loss", 0.5));
        h.record(Map.of("loss", 0.25));
        Path f = dir.resolve("history.csv");
        CsvWriter.writeHistory(f, h);
        assertEquals("epoch,loss\n1,0.5\n2,0.25\n", Files.readString(f));
    }
}
