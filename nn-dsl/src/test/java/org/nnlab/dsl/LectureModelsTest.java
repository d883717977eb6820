package org.nnlab.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nnlab.core.layer.Layer;
import org.nnlab.core.train.Sequential;
import org.nnlab.dsl.spec.ModelSpec;

/** The lecture's models: shapes, names and parameter counts, from the spec and from the built model alike. */
class LectureModelsTest {

    private static Sequential built(LayerStage stage) {
        return stage.build().sequential();
    }

    private static List<List<Integer>> shapes(LayerStage stage) {
        return built(stage).layers().stream()
                .map(l -> java.util.Arrays.stream(l.outputShape()).boxed().toList()).toList();
    }

    private static List<Long> params(LayerStage stage) {
        return built(stage).layers().stream().map(l -> (long) l.parameterCount()).toList();
    }

    private static List<String> names(LayerStage stage) {
        return built(stage).layers().stream().map(Layer::name).toList();
    }

    private static long total(LayerStage stage) {
        ModelSpec spec = stage.spec();
        assertEquals(built(stage).parameterCount(), spec.parameterCount(), "the spec counts what core builds");
        return spec.parameterCount();
    }

    @Test
    void logisticRegressionHasThreeParameters() {
        assertEquals(List.of(List.of(1)), shapes(LectureModels.logisticRegression()));
        assertEquals(3, total(LectureModels.logisticRegression()));
    }

    @Test
    void sigmoid221HasNineParameters() {
        assertEquals(List.of(List.of(2), List.of(1)), shapes(LectureModels.sigmoid221()));
        assertEquals(List.of(6L, 3L), params(LectureModels.sigmoid221()));
    }

    @ParameterizedTest
    @CsvSource({"1, 3", "2, 6", "4, 12", "100, 300"})
    void reluRegressionCountsTwoPerHiddenUnitPlusOneOutputWeight(int hidden, long total) {
        LayerStage model = LectureModels.reluRegression(hidden);
        assertEquals(List.of(List.of(hidden), List.of(1)), shapes(model));
        assertEquals(List.of(2L * hidden, (long) hidden), params(model));
        assertEquals(total, total(model));
    }

    @Test
    void mnistModelHas79510Parameters() {
        LayerStage model = LectureModels.mnist();
        assertEquals(List.of(List.of(784), List.of(100), List.of(10)), shapes(model));
        assertEquals(List.of(0L, 78_500L, 1_010L), params(model));
        assertEquals(79_510, total(model));
        assertEquals(List.of("flatten", "dense", "dense_1"), names(model));
    }

    @Test
    void deepSigmoidRegressorHas16321Parameters() {
        LayerStage model = LectureModels.deepSigmoid();
        assertEquals(List.of(List.of(30), List.of(100), List.of(100), List.of(30), List.of(1)), shapes(model));
        assertEquals(List.of(60L, 3_100L, 10_100L, 3_030L, 31L), params(model));
        assertEquals(16_321, total(model));
    }

    @Test
    void batchNormalizedRegressorAddsFourValuesPerFeatureHalfOfThemNonTrainable() {
        LayerStage model = LectureModels.deepSigmoidBatchNorm();
        assertEquals(List.of(60L, 120L, 3_100L, 400L, 10_100L, 400L, 3_030L, 120L, 31L), params(model));
        assertEquals(16_321 + 1_040, total(model));
        assertEquals(16_321 + 520, model.spec().trainableParameterCount());
        assertEquals("batch_normalization_3", names(model).get(7));
    }

    @Test
    void dropoutRegressorKeepsShapesAndParameterCount() {
        LayerStage model = LectureModels.deepSigmoidDropout();
        assertEquals(List.of(100), shapes(model).get(3));
        assertEquals(16_321, total(model));
        assertEquals(List.of("dense", "dropout", "dense_1", "dropout_1", "dense_2", "dropout_2", "dense_3",
                "dropout_3", "dense_4"), names(model));
    }
}
