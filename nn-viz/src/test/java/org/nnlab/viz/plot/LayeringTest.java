package org.nnlab.viz.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The plotting layer must stay usable without nn-core's maths (graders, other projects): it may use
 * only {@code org.nnlab.core.io}, the one atomic file writer every nnlab module shares.
 */
class LayeringTest {
    @Test
    void plottingPackagesDoNotImportCore() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (String pkg : List.of("plot", "svg", "report")) {
            Path dir = Path.of("src/main/java/org/nnlab/viz", pkg);
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".java"))::iterator) {
                    if (Files.readString(p).replace("org.nnlab.core.io.", "").contains("org.nnlab.core")) {
                        offenders.add(p.toString());
                    }
                }
            }
        }
        assertEquals(List.of(), offenders);
        assertEquals(true, Files.isDirectory(Path.of("src/main/java/org/nnlab/viz/plot")), "the scan found the sources");
    }
}
