package org.nnlab.data.mnist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnlab.core.tensor.Tensor;
import org.nnlab.data.DatasetNotFoundException;
import org.nnlab.data.idx.IdxArray;
import org.nnlab.data.idx.IdxFormatException;
import org.nnlab.data.idx.IdxWriter;

class MnistDatasetTest {
    @TempDir
    Path dir;

    /**
     * Writes a tiny MNIST-format folder: {@code trainCount} 2×3 train images whose pixel p of image i
     * is {@code 10·i + p}, labels {@code i % 3}, and two test images.
     */
    static Path writeTinyDataset(Path folder, String suffix, int trainCount, int trainLabelCount) throws IOException {
        Files.createDirectories(folder);
        IdxWriter.write(images(trainCount), folder.resolve("train-images-idx3-ubyte" + suffix));
        IdxWriter.write(labels(trainLabelCount), folder.resolve("train-labels-idx1-ubyte" + suffix));
        IdxWriter.write(images(2), folder.resolve("t10k-images-idx3-ubyte" + suffix));
        IdxWriter.write(labels(2), folder.resolve("t10k-labels-idx1-ubyte" + suffix));
        return folder;
    }

    private static IdxArray images(int n) {
        byte[] px = new byte[n * 6];
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < 6; p++) {
                px[i * 6 + p] = (byte) (10 * i + p);
            }
        }
        return IdxArray.ofUnsignedBytes(px, n, 2, 3);
    }

    private static IdxArray labels(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i % 3);
        }
        return IdxArray.ofUnsignedBytes(b, n);
    }

    @Test
    void builtinHas8000TrainAnd2000TestDigitsWithTheDocumentedHistogram() {
        MnistDataset d = MnistDataset.builtin();
        assertEquals(8000, d.train().size());
        assertEquals(2000, d.test().size());
        assertArrayEquals(new int[] {28, 28}, d.train().featureShape());
        assertArrayEquals(new int[] {805, 896, 797, 811, 789, 695, 805, 859, 767, 776}, d.train().labelHistogram());
        assertArrayEquals(new int[] {196, 231, 194, 221, 191, 168, 209, 211, 177, 202}, d.test().labelHistogram());
        assertEquals(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), d.classNames());
        assertEquals("mnist-10k", d.name());
    }

    @Test
    void builtinPixelsAreScaledToTheUnitInterval() {
        Tensor x = MnistDataset.builtin().test().featuresTensor();
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (double v : x.data()) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        assertEquals(0.0, min);
        assertEquals(1.0, max);
        assertArrayEquals(new int[] {2000, 28, 28}, x.shape());
    }

    @Test
    void builtinShipsItsProvenanceAndLicence() {
        String notice = MnistDataset.builtinNotice();
        assertTrue(notice.contains("CC BY-SA 3.0"));
        assertTrue(notice.contains("yann.lecun.com"));
    }

    @Test
    void loadsAFolderOfGzippedFiles() throws IOException {
        MnistDataset d = MnistDataset.load(writeTinyDataset(dir.resolve("tiny"), ".gz", 5, 5));
        assertEquals(5, d.train().size());
        assertEquals(2, d.test().size());
        assertArrayEquals(new int[] {0, 1, 2, 0, 1}, d.train().labels());
        assertEquals(23 / 255.0, d.train().image(2).get(1, 0));
        assertEquals("tiny", d.name());
    }

    @Test
    void loadsAFolderOfPlainFilesWithAPrefixedName() throws IOException {
        Path folder = dir.resolve("emnist");
        writeTinyDataset(folder, "", 4, 4);
        for (String f : MnistFolder.FILES) {
            Files.move(folder.resolve(f), folder.resolve("emnist-digits-" + f));
        }
        assertEquals(4, MnistDataset.load(folder).train().size());
    }

    @Test
    void rejectsImagesAndLabelsOfDifferentCounts() throws IOException {
        Path folder = writeTinyDataset(dir.resolve("bad"), ".gz", 5, 4);
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> MnistDataset.load(folder));
        assertTrue(e.getMessage().startsWith(folder.resolve("train-labels-idx1-ubyte.gz") + ": has 4 labels at offset 4 but "
                + folder.resolve("train-images-idx3-ubyte.gz") + " has 5 images; every image needs exactly one label."),
                e.getMessage());
    }

    @Test
    void namesTheMissingFileOfAnIncompleteFolder() throws IOException {
        Path folder = writeTinyDataset(dir.resolve("partial"), ".gz", 3, 3);
        Files.delete(folder.resolve("t10k-labels-idx1-ubyte.gz"));
        DatasetNotFoundException e = assertThrows(DatasetNotFoundException.class, () -> MnistDataset.load(folder));
        assertTrue(e.getMessage().startsWith("Folder " + folder + " has no t10k-labels-idx1-ubyte[.gz]"), e.getMessage());
    }

    @Test
    void readsAPlainFileAndItsGzipTwinWhenTheyHoldTheSameData() throws IOException {
        // torchvision's MNIST/raw folder keeps both.
        Path folder = writeTinyDataset(dir.resolve("both"), "", 5, 5);
        writeTinyDataset(folder, ".gz", 5, 5);
        assertEquals(5, MnistDataset.load(folder).train().size());
        assertEquals(folder.resolve("train-images-idx3-ubyte"), MnistFolder.find(folder, "train-images-idx3-ubyte"));
    }

    @Test
    void refusesAPlainFileAndAGzipTwinThatDiffer() throws IOException {
        Path folder = writeTinyDataset(dir.resolve("mixed"), "", 5, 5);
        IdxWriter.write(images(4), folder.resolve("train-images-idx3-ubyte.gz"));
        DatasetNotFoundException e = assertThrows(DatasetNotFoundException.class, () -> MnistDataset.load(folder));
        assertEquals("Folder " + folder + " has both train-images-idx3-ubyte and train-images-idx3-ubyte.gz, and they"
                + " hold different data: they differ at byte 7 (in the IDX header: another type or other dimensions)."
                + " Hint: keep the one that belongs to this dataset and move the other away; nnlab does not guess which"
                + " one you meant.", e.getMessage());
    }

    @Test
    void refusesAGzipTwinWithTheSameStartButAnotherLength() throws IOException {
        Path folder = writeTinyDataset(dir.resolve("longer"), "", 5, 5);
        Path gz = folder.resolve("train-labels-idx1-ubyte.gz");
        byte[] plain = Files.readAllBytes(folder.resolve("train-labels-idx1-ubyte"));
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(plain);
            out.write(new byte[3]);
        }
        DatasetNotFoundException e = assertThrows(DatasetNotFoundException.class, () -> MnistDataset.load(folder));
        assertTrue(e.getMessage().contains("hold different data: train-labels-idx1-ubyte.gz's gzip trailer records 16"
                + " bytes but train-labels-idx1-ubyte has 13."), e.getMessage());
    }

    @Test
    void namesALabelsFolderWhereTheLabelsFileShouldBe() throws IOException {
        Path folder = writeTinyDataset(dir.resolve("dirlabels"), ".gz", 3, 3);
        Files.delete(folder.resolve("train-labels-idx1-ubyte.gz"));
        Files.createDirectories(folder.resolve("train-labels-idx1-ubyte"));
        DatasetNotFoundException e = assertThrows(DatasetNotFoundException.class, () -> MnistDataset.load(folder));
        assertEquals("Folder " + folder + " has train-labels-idx1-ubyte but it is a folder, not a"
                + " train-labels-idx1-ubyte[.gz] file. Hint: if the IDX file is inside (some unpacking tools make a"
                + " folder of the archive's name), move it up into " + folder + ".", e.getMessage());
    }

    @Test
    void picksClassNamesFromTheDatasetName() {
        assertEquals("Ankle boot", MnistDataset.classNamesFor("fashion-mnist", 10).get(9));
        assertEquals("wo", MnistDataset.classNamesFor("kmnist", 10).get(9));
        assertEquals("46", MnistDataset.classNamesFor("emnist-balanced", 47).get(46));
    }

    @Test
    void aMissingFolderSaysSoAndHowToFindDatasets(@TempDir Path tmp) {
        Path missing = tmp.resolve("nowhere");
        DatasetNotFoundException e = assertThrows(DatasetNotFoundException.class, () -> MnistDataset.load(missing));
        assertTrue(e.getMessage().startsWith("No folder " + missing.toAbsolutePath() + "; an MNIST-format dataset is a"
                + " folder holding the four files"), e.getMessage());
        assertTrue(e.getMessage().contains("Hint: check the path"), e.getMessage());
    }
}
