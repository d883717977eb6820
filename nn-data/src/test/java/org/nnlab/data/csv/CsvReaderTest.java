package org.nnlab.data.csv;

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
    void rejectsAShortRowNamingTheMissingColumn() throws IOException {
        Path f = file("short.csv", "a,b,c\n1,2,3\n4,5\n");
        CsvFormatException e = assertThrows(CsvFormatException.class, () -> CsvReader.read(f, CsvOptions.defaults()));
        assertTrue(e.getMessage().startsWith(f + " line 3, column 'c' (index 2) is missing: the row has 2 fields"),
                e.getMessage());
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
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CsvReader.read(f, CsvOptions.builder().label("B").build()));
        assertEquals(f + ": no column named 'B'; the header has [a, b]. Hint: names are case-sensitive; check the"
                + " delimiter if the header looks like one column.", e.getMessage());
    }

    @Test
    void rejectsAColumnThatIsBothFeatureAndLabel() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CsvOptions.builder().features("a", "b").label("b").build());
        assertTrue(e.getMessage().startsWith("Column 'b' is both a feature and the label"), e.getMessage());
    }
}
