package org.nnlab.data.mnist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** Runs only where Debian's {@code dataset-fashion-mnist} is installed. */
class FashionMnistTest {
    @Test
    void loadsAll70000FashionImagesFromDebiansPackage() throws IOException {
        assumeTrue(Files.isDirectory(DatasetResolver.DEBIAN_FASHION), "dataset-fashion-mnist is not installed");
        DatasetResolver resolver = new DatasetResolver(java.util.Map.of(), Files.createTempDirectory("home"),
                DatasetResolver.DEBIAN_FASHION);
        MnistDataset d = resolver.load("fashion-mnist");
        assertEquals(60_000, d.train().size());
        assertEquals(10_000, d.test().size());
        int[] sixThousand = new int[10];
        java.util.Arrays.fill(sixThousand, 6000);
        int[] oneThousand = new int[10];
        java.util.Arrays.fill(oneThousand, 1000);
        assertArrayEquals(sixThousand, d.train().labelHistogram());
        assertArrayEquals(oneThousand, d.test().labelHistogram());
        assertEquals("Ankle boot", d.classNames().get(d.train().label(0)));
    }
}
