package org.nnlab.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nnlab.dsl.spec.LayerRow;
import org.nnlab.dsl.spec.LayerTable;
import org.nnlab.dsl.spec.Shape;

class LectureModelsTest {

    private static List<Shape> shapes(LayerTable t) {
        return t.rows().stream().map(LayerRow::outputShape).toList();
    }

    private static List<Long> params(LayerTable t) {
        return t.rows().stream().map(LayerRow::params).toList();
    }

    @Test
    void logisticRegressionHasThreeParameters() {
        LayerTable t = LectureModels.logisticRegression().table();
        assertEquals(List.of(Shape.of(1)), shapes(t));
        assertEquals(3, t.totalParams());
    }

    @Test
    void sigmoid221HasNineParameters() {
        LayerTable t = LectureModels.sigmoid221().table();
        assertEquals(List.of(Shape.of(2), Shape.of(1)), shapes(t));
        assertEquals(List.of(6L, 3L), params(t));
    }

    @ParameterizedTest
    @CsvSource({"1, 3", "2, 6", "4, 12", "100, 300"})
    void reluRegressionCountsTwoPerHiddenUnitPlusOneOutputWeight(int hidden, long total) {
        LayerTable t = LectureModels.reluRegression(hidden).table();
        assertEquals(List.of(Shape.of(hidden), Shape.of(1)), shapes(t));
        assertEquals(List.of(2L * hidden, (long) hidden), params(t));
        assertEquals(total, t.totalParams());
    }

    @Test
    void mnistModelHas79510Parameters() {
        LayerTable t = LectureModels.mnist().table();
        assertEquals(List.of(Shape.of(784), Shape.of(100), Shape.of(10)), shapes(t));
        assertEquals(List.of(0L, 78_500L, 1_010L), params(t));
        assertEquals(79_510, t.totalParams());
        assertEquals(List.of("flatten", "dense", "dense_1"), t.rows().stream().map(LayerRow::name).toList());
    }

    @Test
    void deepSigmoidRegressorHas16321Parameters() {
        LayerTable t = LectureModels.deepSigmoid().table();
        assertEquals(List.of(Shape.of(30), Shape.of(100), Shape.of(100), Shape.of(30), Shape.of(1)), shapes(t));
        assertEquals(List.of(60L, 3_100L, 10_100L, 3_030L, 31L), params(t));
        assertEquals(16_321, t.totalParams());
    }

    @Test
    void batchNormalizedRegressorAddsFourValuesPerFeatureHalfOfThemNonTrainable() {
        LayerTable t = LectureModels.deepSigmoidBatchNorm().table();
        assertEquals(9, t.size());
        assertEquals(List.of(60L, 120L, 3_100L, 400L, 10_100L, 400L, 3_030L, 120L, 31L), params(t));
        assertEquals(16_321 + 1_040, t.totalParams());
        assertEquals(520, t.nonTrainableParams());
        assertEquals("batch_normalization_3", t.rows().get(7).name());
    }

    @Test
    void dropoutRegressorKeepsShapesAndParameterCount() {
        LayerTable t = LectureModels.deepSigmoidDropout().table();
        assertEquals(9, t.size());
        assertEquals(Shape.of(100), t.rows().get(3).outputShape());
        assertEquals(16_321, t.totalParams());
        assertEquals(List.of("dense", "dropout", "dense_1", "dropout_1", "dense_2", "dropout_2", "dense_3",
                "dropout_3", "dense_4"), t.rows().stream().map(LayerRow::name).toList());
    }
}
