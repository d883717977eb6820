package org.nnlab.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.nnlab.dsl.Nn.MEAN_SQUARED_ERROR;
import static org.nnlab.dsl.Nn.RELU;
import static org.nnlab.dsl.Nn.adam;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nnlab.dsl.json.SpecJson;
import org.nnlab.dsl.spec.ModelSpec;

/**
 * Models of tens of thousands of layers: each DSL call and reading a spec cost the same however
 * deep the model is, and the names given along the way are still checked.
 *
 * <p>The bounds are not speed targets: they are generous for linear work (each case takes well
 * under a second here) and far below what quadratic work takes. Checking the whole stack at each
 * DSL call made 20,000 layers take 41 s; naming by rescanning the earlier layers made reading a
 * 20,000-layer JSON spec take 10 s.
 */
class DeepModelTest {
    private static final int DEPTH = 40_000;
    private static final Duration LINEAR = Duration.ofSeconds(10);

    @Test
    void theDslAddsEachOfFortyThousandLayersWithoutRecheckingTheOthers() {
        ModelSpec spec = assertTimeoutPreemptively(LINEAR, () -> {
            LayerStage s = Nn.input(4);
            for (int i = 0; i < DEPTH; i++) {
                int k = i;
                s = i % 2 == 0 ? s.dense(4, RELU) : s.dense(4, RELU, d -> d.named("hidden_" + k));
            }
            return s.compile(adam(), MEAN_SQUARED_ERROR).spec();
        });
        assertEquals(DEPTH, spec.layers().size());
        assertEquals(DEPTH * 20L, spec.parameterCount());
    }

    @Test
    void aFortyThousandLayerJsonSpecIsReadInLinearTime() {
        LayerStage s = Nn.input(4);
        for (int i = 0; i < DEPTH; i++) {
            s = s.dense(4, RELU);
        }
        ModelSpec spec = s.compile(adam(), MEAN_SQUARED_ERROR).spec();
        String json = SpecJson.toJson(spec);
        ModelSpec read = assertTimeoutPreemptively(LINEAR, () -> SpecJson.fromJson(json, "deep.json"));
        assertEquals(spec, read);
        assertEquals(DEPTH, read.layers().size());
    }

    @Test
    void aNameGivenFarBelowIsStillRefusedTheSecondTime() {
        LayerStage s = Nn.input(4).dense(4, d -> d.named("first"));
        for (int i = 0; i < 1000; i++) {
            s = s.dense(4);
        }
        LayerStage deep = s;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> deep.dense(1, d -> d.named("first")));
        assertEquals("Layer 1002 is named 'first', but layer 1 already has that name; names must be unique within a"
                + " model. Hint: leave names out and the model numbers them (dense, dense_1, …).", e.getMessage());
    }

    @Test
    void variantsOfOneBaseMayEachGiveTheSameNameButNotTwice() {
        LayerStage base = Nn.input(4).dense(8, RELU, d -> d.named("shared"));
        LayerStage a = base.dense(1, d -> d.named("out"));
        LayerStage b = base.dense(2, d -> d.named("out"));
        assertEquals(List.of("shared", "out"), a.spec().layers().stream().map(l -> l.name()).toList());
        assertEquals(List.of("shared", "out"), b.spec().layers().stream().map(l -> l.name()).toList());
        // The base's names are as they were: "out" is free there, "shared" is not.
        base.dense(3, d -> d.named("out"));
        assertThrows(IllegalArgumentException.class, () -> a.dense(1, d -> d.named("out")));
        assertThrows(IllegalArgumentException.class, () -> b.dense(1, d -> d.named("shared")));
    }

    @Test
    void namesWithTheSameHashAreTwoNamesAndEachIsRefusedTheSecondTime() {
        assertEquals("Aa".hashCode(), "BB".hashCode());
        LayerStage s = Nn.input(4).dense(4, d -> d.named("Aa")).dense(4, d -> d.named("BB"));
        assertEquals(2, s.spec().layers().size());
        assertThrows(IllegalArgumentException.class, () -> s.dense(1, d -> d.named("Aa")));
        assertThrows(IllegalArgumentException.class, () -> s.dense(1, d -> d.named("BB")));
        assertEquals(3, s.dense(1, d -> d.named("AaBB")).spec().layers().size());
    }
}
