package org.nnlab.data.mnist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnlab.data.DatasetNotFoundException;

class DatasetResolverTest {
    @TempDir
    Path dir;

    private DatasetResolver resolver(Map<String, String> env) {
        return new DatasetResolver(env, dir.resolve("home"), dir.resolve("debian/fashion-mnist"));
    }

    @Test
    void prefersNnlabDataOverTheHomeFolder() throws IOException {
        Path viaEnv = MnistDatasetTest.writeTinyDataset(dir.resolve("env/kmnist"), ".gz", 3, 3);
        MnistDatasetTest.writeTinyDataset(dir.resolve("home/.nnlab/datasets/kmnist"), ".gz", 4, 4);
        DatasetResolver r = resolver(Map.of("NNLAB_DATA", dir.resolve("env").toString()));
        assertEquals(viaEnv, r.locate("kmnist"));
        MnistDataset d = r.load("kmnist");
        assertEquals(3, d.train().size());
        assertEquals("o", d.classNames().get(0));
    }

    @Test
    void fallsBackToTheHomeFolder() throws IOException {
        Path home = MnistDatasetTest.writeTinyDataset(dir.resolve("home/.nnlab/datasets/kmnist"), "", 4, 4);
        assertEquals(home, resolver(Map.of("NNLAB_DATA", dir.resolve("env").toString())).locate("kmnist"));
    }

    @Test
    void findsDebiansFashionMnistOnlyUnderThatName() throws IOException {
        Path debian = MnistDatasetTest.writeTinyDataset(dir.resolve("debian/fashion-mnist"), ".gz", 3, 3);
        DatasetResolver r = resolver(Map.of());
        assertEquals(debian, r.locate("fashion-mnist"));
        assertEquals("T-shirt/top", r.load("fashion-mnist").classNames().get(0));
        assertThrows(DatasetNotFoundException.class, () -> r.locate("mnist"));
    }

    @Test
    void servesTheBuiltinDigitsUnderBothNames() throws IOException {
        assertEquals(8000, resolver(Map.of()).load("mnist-10k").train().size());
        assertEquals(2000, resolver(Map.of()).load("builtin").test().size());
    }

    @Test
    void anExplicitFolderWinsAndIsNeverSkipped() throws IOException {
        Path explicit = MnistDatasetTest.writeTinyDataset(dir.resolve("mine"), "", 2, 2);
        assertEquals(2, resolver(Map.of()).load("mnist-10k", explicit).train().size());
        DatasetNotFoundException e = assertThrows(DatasetNotFoundException.class,
                () -> resolver(Map.of()).load("mnist-10k", dir.resolve("nowhere")));
        assertTrue(e.getMessage().startsWith("Dataset folder " + dir.resolve("nowhere") + " (given explicitly for"
                + " 'mnist-10k') does not exist"), e.getMessage());
    }

    @Test
    void aMissingDatasetListsEveryPlaceTriedAndHowToGetIt() throws IOException {
        Files.createDirectories(dir.resolve("home/.nnlab/datasets/fashion-mnist"));
        DatasetResolver r = resolver(Map.of("NNLAB_DATA", dir.resolve("env").toString()));
        DatasetNotFoundException e = assertThrows(DatasetNotFoundException.class, () -> r.load("fashion-mnist"));
        assertEquals(List.of(dir.resolve("env/fashion-mnist").toString(),
                dir.resolve("home/.nnlab/datasets/fashion-mnist").toString(),
                dir.resolve("debian/fashion-mnist").toString()), e.searched());
        assertTrue(e.getMessage().startsWith("Dataset 'fashion-mnist' was not found. Looked in, in order:\n  1. "
                + dir.resolve("env/fashion-mnist") + " (no such folder)\n  2. " + dir.resolve("home/.nnlab/datasets/fashion-mnist")
                + " (folder exists but has no train-images-idx3-ubyte[.gz])\n  3. " + dir.resolve("debian/fashion-mnist")
                + " (no such folder)\nHow to get it: on Debian or Ubuntu, `sudo apt-get install dataset-fashion-mnist`"),
                e.getMessage());
        assertTrue(e.getMessage().contains("download the four IDX files (train-images-idx3-ubyte.gz,"
                + " train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz, t10k-labels-idx1-ubyte.gz) into "
                + dir.resolve("home/.nnlab/datasets/fashion-mnist")), e.getMessage());
    }

    @Test
    void saysWhenNnlabDataIsNotSet() {
        DatasetNotFoundException e = assertThrows(DatasetNotFoundException.class, () -> resolver(Map.of()).locate("kmnist"));
        assertTrue(e.getMessage().contains("(NNLAB_DATA is not set, so no folder was tried there)"), e.getMessage());
        assertEquals(1, e.searched().size());
    }

    @Test
    void rejectsANameThatIsAPath() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> resolver(Map.of()).locate("../x"));
        assertTrue(e.getMessage().startsWith("Dataset name '../x' must be a plain folder name"), e.getMessage());
    }
}
