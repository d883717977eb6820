package org.nnlab.data.csv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnlab.data.Dataset;

class CsvReaderTest {
    @TempDir
    Path dir;

    private Path file(String name, String content) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, content);
        return f;
    }

    @Test
    void readsFeaturesAndStringLabelsByName() throws IOException {
        Path f = file("iris.csv", "sepal,petal,species\n5.1,1.4,setosa\n6.3,6.0,virginica\n5.9,4.2,versicolor\n4.9,1.5,setosa\n");
        CsvTable t = CsvReader.read(f, CsvOptions.builder().label("species").build());
        assertEquals(List.of("sepal", "petal"), t.featureNames());
        assertArrayEquals(new double[] {5.1, 1.4, 6.3, 6.0, 5.9, 4.2, 4.9, 1.5}, t.features().data());
        ClassEncoding classes = t.classEncoding().orElseThrow();
        assertEquals(List.of("setosa", "versicolor", "virginica"), classes.classes());
        assertArrayEquals(new double[] {0, 2, 1, 0}, t.labels().orElseThrow().data());
        assertArrayEquals(new int[] {4, 1}, t.labels().orElseThrow().shape());
        assertEquals(2, classes.indexOf("virginica"));
        assertEquals("species", t.labelName().orElseThrow());
    }

    @Test
    void encodesTheSameClassesTheSameWayWhateverTheRowOrder() throws IOException {
        CsvOptions o = CsvOptions.builder().label(1).header(false).build();
        ClassEncoding a = CsvReader.read(file("a.csv", "1,b\n2,a\n3,c\n"), o).classEncoding().orElseThrow();
        ClassEncoding b = CsvReader.read(file("b.csv", "3,c\n1,b\n2,a\n"), o).classEncoding().orElseThrow();
        assertEquals(a, b);
    }

    @Test
    void keepsNumericLabelsAsNumbers() throws IOException {
        CsvTable t = CsvReader.read(file("r.csv", "x,y\n1,0.5\n2,-1e3\n"), CsvOptions.builder().label("y").build());
        assertTrue(t.classEncoding().isEmpty());
        assertArrayEquals(new double[] {0.5, -1000}, t.labels().orElseThrow().data());
        Dataset d = t.dataset();
        assertEquals(2, d.size());
    }

    @Test
    void readsWithoutAHeaderWithAnotherDelimiterAndQuotedFields() throws IOException {
        Path f = file("semi.csv", "\"1.5\";2;\"a;b\"\n3;4;\"c\"\"d\"\n");
        CsvTable t = CsvReader.read(f, CsvOptions.builder().header(false).delimiter(';').features(1, 0).label(2).build());
        assertArrayEquals(new double[] {2, 1.5, 4, 3}, t.features().data());
        assertEquals(List.of("1", "0"), t.featureNames());
        assertEquals(List.of("a;b", "c\"d"), t.classEncoding().orElseThrow().classes());
    }

    @Test
    void usesEveryColumnButTheLabelAsFeaturesByDefault() throws IOException {
        CsvTable t = CsvReader.read(file("d.csv", "a,b,c\n1,2,3\n"), CsvOptions.builder().label("b").build());
        assertEquals(List.of("a", "c"), t.featureNames());
    }

    @Test
    void rejectsANonNumericCellNamingFileLineColumnAndText() throws IOException {
        Path f = file("bad.csv", "x1,x2,y\n1,2,0\n\n3,abc,1\n");
        CsvFormatException e = assertThrows(CsvFormatException.class,
                () -> CsvReader.read(f, CsvOptions.builder().label("y").build()));
        assertTrue(e.getMessage().startsWith(f + " line 4, column 'x2' (index 1): expected a number but found 'abc'."
                + " Hint: if this column holds class names, choose it as the label"), e.getMessage());
        assertEquals(4, e.line());
    }

    @Test
    void rejectsAnEmptyCellAsAMissingValue() throws IOException {
        Path f = file("gap.csv", "x1,x2\n1,2\n3,\n");
        CsvFormatException e = assertThrows(CsvFormatException.class, () -> CsvReader.read(f, CsvOptions.defaults()));
        assertTrue(e.getMessage().startsWith(f + " line 3, column 'x2' (index 1): empty cell where a number was"
                + " expected. Hint: nnlab does not fill in missing values"), e.getMessage());
    }

    @Test
    void rejectsAShortRow() throws IOException {
        Path f = file("short.csv", "a,b,c\n1,2,3\n4,5\n");
        CsvFormatException e = assertThrows(CsvFormatException.class, () -> CsvReader.read(f, CsvOptions.defaults()));
        assertEquals(f + " line 3, the row has 2 fields but the header has 3 columns [a, b, c]; found [4, 5]. Hint: a"
                + " field or a delimiter is missing, or the row is cut short. nnlab reads no row with fields missing or"
                + " extra.", e.getMessage());
    }

    @Test
    void rejectsARowLongerThanTheHeaderInsteadOfDroppingItsExtraFields() throws IOException {
        Path f = file("long.csv", "x,y\n1,0\n2,5,1\n");
        CsvFormatException e = assertThrows(CsvFormatException.class,
                () -> CsvReader.read(f, CsvOptions.builder().label("y").build()));
        assertEquals(f + " line 3, the row has 3 fields but the header has 2 columns [x, y]; found [2, 5, 1]. Hint: a"
                + " field holds an unquoted ',' (a decimal comma such as 1,5?), or the row has a field too many; quote"
                + " such fields. nnlab reads no row with fields missing or extra.", e.getMessage());
        assertEquals(3, e.line());
    }

    @Test
    void rejectsARaggedRowWithoutAHeaderAgainstTheFirstRow() throws IOException {
        Path f = file("ragged.csv", "1,2\n3,4,5\n");
        CsvFormatException e = assertThrows(CsvFormatException.class,
                () -> CsvReader.read(f, CsvOptions.builder().header(false).build()));
        assertTrue(e.getMessage().startsWith(f + " line 2, the row has 3 fields but the first row has 2; found"),
                e.getMessage());
    }

    @Test
    void anEmptyLabelAmongNumericLabelsIsAnErrorNotAStringClass() throws IOException {
        // Before: the blank made every label a string, and 0, 1, 2, 10 became classes 1, 2, 4, 3.
        Path f = file("gap.csv", "x,y\n1,0\n2,1\n3,2\n4,10\n5,\n");
        CsvFormatException e = assertThrows(CsvFormatException.class,
                () -> CsvReader.read(f, CsvOptions.builder().label("y").build()));
        assertEquals(f + " line 6, column 'y' (index 1): empty label cell; every row needs a label. Hint: fill in the"
                + " label or drop the row; nnlab does not guess missing labels.", e.getMessage());
        assertEquals(6, e.line());
        CsvTable t = CsvReader.read(file("full.csv", "x,y\n1,0\n2,1\n3,2\n4,10\n"),
                CsvOptions.builder().label("y").build());
        assertArrayEquals(new double[] {0, 1, 2, 10}, t.labels().orElseThrow().data());
        assertTrue(t.classEncoding().isEmpty());
    }

    @Test
    void rejectsALabelColumnMixingNumbersAndNames() throws IOException {
        Path f = file("mixed.csv", "x,y\n1,0\n2,1\n3,?\n");
        CsvFormatException e = assertThrows(CsvFormatException.class,
                () -> CsvReader.read(f, CsvOptions.builder().label("y").build()));
        assertEquals(f + " line 4, column 'y' (index 1): the label '?' is not a number but the first label (line 2,"
                + " '0') is one; a label column holds numbers or class names, not both. Hint: fix that cell, or say how"
                + " to read the labels with CsvOptions.builder().labelKind(...): CATEGORICAL for class names, NUMERIC"
                + " for numbers.", e.getMessage());
    }

    @Test
    void encodesNumericClassNamesInNumericOrder() throws IOException {
        CsvTable t = CsvReader.read(file("c.csv", "x,y\n1,10\n2,2\n3,1\n"),
                CsvOptions.builder().label("y").labelKind(LabelKind.CATEGORICAL).build());
        assertEquals(List.of("1", "2", "10"), t.classEncoding().orElseThrow().classes());
        assertArrayEquals(new double[] {2, 1, 0}, t.labels().orElseThrow().data());
    }

    @Test
    void rejectsANanOrInfiniteLabel() throws IOException {
        Path f = file("nan.csv", "x,y\n1,0.5\n2,NaN\n");
        CsvFormatException e = assertThrows(CsvFormatException.class,
                () -> CsvReader.read(f, CsvOptions.builder().label("y").build()));
        assertEquals(f + " line 3, column 'y' (index 1): the label is NaN; a label must be a finite number. Hint: a NaN"
                + " label usually marks a missing value; fill it in or drop the row.", e.getMessage());
        Path g = file("inf.csv", "x,y\n1,-Infinity\n");
        e = assertThrows(CsvFormatException.class, () -> CsvReader.read(g, CsvOptions.builder().label("y").build()));
        assertTrue(e.getMessage().contains("the label is -Infinity"), e.getMessage());
    }

    @Test
    void rejectsANumberThatOverflowsToInfinity() throws IOException {
        Path f = file("big.csv", "x,y\n1e400,1\n");
        CsvFormatException e = assertThrows(CsvFormatException.class,
                () -> CsvReader.read(f, CsvOptions.builder().label("y").build()));
        assertEquals(f + " line 2, column 'x' (index 0): '1e400' is beyond the range of a double (±1.7976931348623157E308)"
                + " and would become Infinity. Hint: check the exponent for a typo, or rescale the column (other units)"
                + " before reading it.", e.getMessage());
        CsvTable t = CsvReader.read(file("spelt.csv", "x\nInfinity\nNaN\n1e-400\n"), CsvOptions.defaults());
        assertArrayEquals(new double[] {Double.POSITIVE_INFINITY, Double.NaN, 0.0}, t.features().data());
    }

    @Test
    void acceptsDecimalNumbersOnlyNotJavaSuffixesOrHex() throws IOException {
        CsvTable t = CsvReader.read(file("ok.csv", "x\n+1\n-2.5\n.5\n3.\n1E-3\n 7 \n"), CsvOptions.defaults());
        assertArrayEquals(new double[] {1, -2.5, 0.5, 3, 1e-3, 7}, t.features().data());
        for (String bad : List.of("1d", "2f", "0x1p3", "1e", "e5", ".", "--1", "+NaN", "١")) {
            Path f = file("bad.csv", "x\n" + bad + "\n");
            CsvFormatException e = assertThrows(CsvFormatException.class, () -> CsvReader.read(f, CsvOptions.defaults()),
                    bad);
            assertTrue(e.getMessage().contains("expected a number but found '" + bad + "'"), e.getMessage());
        }
    }

    @Test
    void rejectsDuplicateHeaderNamesInsteadOfPickingTheFirst() throws IOException {
        Path f = file("dup.csv", "x,y,y\n1,2,3\n");
        CsvFormatException e = assertThrows(CsvFormatException.class,
                () -> CsvReader.read(f, CsvOptions.builder().label("y").build()));
        assertEquals(f + " line 1, the header names column 'y' twice (indices 1 and 2) in [x, y, y]. Hint: rename one"
                + " of them; nnlab does not guess which one you mean.", e.getMessage());
    }

    @Test
    void stripsAByteOrderMark() throws IOException {
        Path f = dir.resolve("bom.csv");
        Files.write(f, "\uFEFFx,y\n1,2\n".getBytes(StandardCharsets.UTF_8));
        CsvTable t = CsvReader.read(f, CsvOptions.builder().label("x").build());
        assertEquals(List.of("y"), t.featureNames());
        assertEquals("x", t.labelName().orElseThrow());
        CsvTable r = CsvReader.read(new StringReader("\uFEFFx,y\n1,2\n"), "text", CsvOptions.builder().label("x").build());
        assertEquals("x", r.labelName().orElseThrow());
    }

    @Test
    void namesTheLineAndByteOffsetOfInvalidUtf8() throws IOException {
        Path f = dir.resolve("latin1.csv");
        Files.write(f, "x,y\n1,tea\n3,caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        CsvFormatException e = assertThrows(CsvFormatException.class,
                () -> CsvReader.read(f, CsvOptions.builder().label("y").build()));
        assertEquals(f + " line 3, byte offset 15: bytes 0xE9 are not valid UTF-8. Hint: the file is probably in"
                + " another encoding, such as Windows-1252 or ISO-8859-1 (Excel's plain 'CSV' format); save it as 'CSV"
                + " UTF-8', or read it with CsvOptions.builder().encoding(StandardCharsets.ISO_8859_1).", e.getMessage());
        assertEquals(3, e.line());
        CsvTable t = CsvReader.read(f, CsvOptions.builder().label("y").encoding(StandardCharsets.ISO_8859_1).build());
        assertEquals(List.of("café", "tea"), t.classEncoding().orElseThrow().classes());
    }

    @Test
    void decodesMultiByteCharactersAcrossBufferBoundariesAndFindsABadByteDeepInTheFile() throws IOException {
        StringBuilder text = new StringBuilder("x,y\n");
        for (int i = 0; i < 20_000; i++) {
            text.append(i).append(i % 2 == 0 ? ",crème brûlée 日本\n" : ",thé\n");
        }
        byte[] good = text.toString().getBytes(StandardCharsets.UTF_8);
        Path f = dir.resolve("big.csv");
        Files.write(f, good);
        CsvTable t = CsvReader.read(f, CsvOptions.builder().label("y").build());
        assertEquals(20_000, t.size());
        assertEquals(List.of("crème brûlée 日本", "thé"), t.classEncoding().orElseThrow().classes());
        byte[] bad = java.util.Arrays.copyOf(good, good.length + 4);
        System.arraycopy("7,\u00ff\n".getBytes(StandardCharsets.ISO_8859_1), 0, bad, good.length, 4);
        Files.write(f, bad);
        CsvFormatException e = assertThrows(CsvFormatException.class,
                () -> CsvReader.read(f, CsvOptions.builder().label("y").build()));
        assertTrue(e.getMessage().startsWith(f + " line 20002, byte offset " + (good.length + 2) + ": bytes 0xFF are not"
                + " valid UTF-8."), e.getMessage());
    }

    @Test
    void namesADirectory() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("data"));
        Files.writeString(folder.resolve("iris.csv"), "x\n1\n");
        CsvFormatException e = assertThrows(CsvFormatException.class, () -> CsvReader.read(folder, CsvOptions.defaults()));
        assertEquals(folder + ": is a directory, not a CSV file. Hint: pass the path of a file inside it, e.g. "
                + folder.resolve("iris.csv") + " (it holds iris.csv).", e.getMessage());
        assertEquals(0, e.line());
    }

    @Test
    void namesAnEmptyFile() throws IOException {
        Path f = file("empty.csv", "\n\n");
        CsvFormatException e = assertThrows(CsvFormatException.class,
                () -> CsvReader.read(f, CsvOptions.builder().label("y").build()));
        assertEquals(f + ": is empty: it has no header and no rows. Hint: is it the right file (a download that failed,"
                + " an export that wrote nothing)?", e.getMessage());
    }

    @Test
    void reportsAMalformedHeaderAsACsvFormatException() throws IOException {
        Path f = file("hdr.csv", "x,\"y\"z\n1,2\n");
        CsvFormatException e = assertThrows(CsvFormatException.class, () -> CsvReader.read(f, CsvOptions.defaults()));
        assertTrue(e.getMessage().startsWith(f + " line 1, not readable as CSV: Invalid character between encapsulated"
                + " token and delimiter"), e.getMessage());
    }

    @Test
    void hintsAtTheDelimiterWhenACellHoldsAnother() throws IOException {
        Path f = file("semi.csv", "a;b\n1;2\n");
        CsvFormatException e = assertThrows(CsvFormatException.class, () -> CsvReader.read(f, CsvOptions.defaults()));
        assertTrue(e.getMessage().contains("column 'a;b' (index 0): expected a number but found '1;2'. Hint: the cell"
                + " contains ';'; is that the delimiter?"), e.getMessage());
    }

    @Test
    void rejectsANonNumericLabelWhenNumericWasAsked() throws IOException {
        Path f = file("lab.csv", "x,y\n1,2\n2,cat\n");
        CsvFormatException e = assertThrows(CsvFormatException.class,
                () -> CsvReader.read(f, CsvOptions.builder().label("y").labelKind(LabelKind.NUMERIC).build()));
        assertTrue(e.getMessage().startsWith(f + " line 3, column 'y' (index 1): expected a number but found 'cat'"),
                e.getMessage());
    }

    @Test
    void rejectsAnUnclosedQuote() throws IOException {
        Path f = file("q.csv", "x\n\"1\n");
        CsvFormatException e = assertThrows(CsvFormatException.class, () -> CsvReader.read(f, CsvOptions.defaults()));
        assertTrue(e.getMessage().contains("not readable as CSV"), e.getMessage());
    }

    @Test
    void rejectsAnUnknownColumnNameListingTheHeader() throws IOException {
        Path f = file("h.csv", "a,b\n1,2\n");
        CsvFormatException e = assertThrows(CsvFormatException.class,
                () -> CsvReader.read(f, CsvOptions.builder().label("B").build()));
        assertEquals(f + " line 2, no column named 'B'; the header has [a, b]. Hint: names are case-sensitive; check"
                + " the delimiter if the header looks like one column.", e.getMessage());
    }

    @Test
    void rejectsAColumnThatIsBothFeatureAndLabel() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CsvOptions.builder().features("a", "b").label("b").build());
        assertTrue(e.getMessage().startsWith("Column 'b' is both a feature and the label"), e.getMessage());
    }
}
