package org.nnlab.tests.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.nnlab.core.tensor.Tensor;
import org.nnlab.data.csv.CsvFormatException;
import org.nnlab.data.csv.CsvOptions;
import org.nnlab.data.csv.CsvReader;
import org.nnlab.data.csv.CsvTable;
import org.nnlab.data.csv.LabelKind;

/**
 * Mutated CSV files, read with the options their valid original was read with: each loads a
 * consistent table of finite labels, or fails with a {@link CsvFormatException}, in bounded memory
 * and time (see {@link Trials}).
 */
class FuzzCsvTest {
    static final int CASES = 3000;

    /** A valid file and the options it is read with. */
    private record Seed(String text, CsvOptions options) {
    }

    private static final List<Seed> SEEDS = List.of(
            new Seed("sepal,petal,species\n5.1,1.4,setosa\n6.3,6.0,virginica\n5.9,4.2,versicolor\n4.9,1.5,setosa\n",
                    CsvOptions.builder().label("species").build()),
            new Seed("x1,x2,y\n0.5,-1e3,0\n1,2,1\n3.25,.5,2\n-4,7,10\n", CsvOptions.builder().label("y").build()),
            new Seed("x,y\n1,0.5\n2,-1.5\n3,2.25\n", CsvOptions.builder().label(1).labelKind(LabelKind.NUMERIC).build()),
            new Seed("\"1.5\";2;\"a;b\"\n3;4;\"c\"\"d\"\n5;6;\"a;b\"\n",
                    CsvOptions.builder().header(false).delimiter(';').features(1, 0).label(2).build()),
            new Seed("a,b,c,d\n1,2,3,4\n5,6,7,8\n9,10,11,12\n", CsvOptions.defaults()),
            new Seed("id,f1,f2,class\r\n1,0.1,0.2,cat\r\n2,0.3,0.4,dog\r\n3,0.5,0.6,cat\r\n",
                    CsvOptions.builder().features("f1", "f2").label("class").labelKind(LabelKind.CATEGORICAL).build()));

    private static Scratch scratch;

    @BeforeAll
    static void scratchFolder() {
        scratch = new Scratch();
    }

    @AfterAll
    static void deleteScratchFolder() throws IOException {
        scratch.close();
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void mutatedFilesLoadAConsistentTableOrFailTyped() throws IOException {
        Trials trials = new Trials("CSV", CsvFormatException.class);
        for (int c = 0; c < CASES; c++) {
            Mutator m = new Mutator(2_000_000L + c);
            Seed seed = m.pick(SEEDS);
            byte[] donor = m.pick(SEEDS).text().getBytes(StandardCharsets.UTF_8);
            byte[] input = m.chance(0.8) ? m.mutateText(seed.text().getBytes(StandardCharsets.UTF_8), donor)
                    : m.mutateBytes(seed.text().getBytes(StandardCharsets.UTF_8), donor);
            Path file = scratch.write(input, ".csv");
            String text = new String(input, StandardCharsets.UTF_8);
            trials.run(c, m, () -> CsvReader.read(file, seed.options()), t -> requireConsistent(t, text));
        }
        trials.requireVariety(100, 12);
    }

    /**
     * A loaded table: one row of features and one finite label per example, a name for every
     * feature, and an infinite feature only where the text spells Infinity (never an overflow).
     */
    private static void requireConsistent(CsvTable t, String text) {
        Tensor x = t.features();
        assertEquals(t.size(), x.rows());
        assertEquals(t.featureNames().size(), x.shape()[1]);
        for (double v : x.data()) {
            assertTrue(!Double.isInfinite(v) || text.contains("Infinity"), "an overflow became " + v);
        }
        t.labels().ifPresent(y -> {
            assertEquals(t.size(), y.rows());
            assertEquals(-1, y.firstNonFinite(), "labels are finite: " + y);
            t.classEncoding().ifPresent(e -> {
                for (double v : y.data()) {
                    assertTrue(v >= 0 && v < e.size() && v == Math.rint(v), "class index " + v + " of " + e);
                }
            });
        });
    }
}
