package org.nnlab.core.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one naming rule, which core models and nn-dsl specs share. */
class LayerNamesTest {

    @Test
    void numbersEachKindFromItsSecondLayerAsKerasDoes() {
        assertEquals(List.of("flatten", "dense", "dense_1", "batch_normalization", "dense_2"),
                LayerNames.assign(List.of("Flatten", "Dense", "Dense", "BatchNormalization", "Dense"),
                        Arrays.asList(null, null, null, null, null)));
    }

    @Test
    void anAutomaticNameSkipsANameTakenLaterInTheModel() {
        assertEquals(List.of("dense_1", "dense"),
                LayerNames.assign(List.of("Dense", "Dense"), Arrays.asList(null, "dense")));
    }

    @Test
    void refusesTwoLayersGivenTheSameName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LayerNames.assign(List.of("Dense", "Dropout"), List.of("out", "out")));
        assertEquals("Layer 2 is named 'out', but layer 1 already has that name; names must be unique within a model."
                + " Hint: leave names out and the model numbers them (dense, dense_1, …).", e.getMessage());
    }

    @Test
    void refusesANameThatCannotBePartOfAWeightName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Dense("my layer", 3,
                Activation.RELU, true, org.nnlab.core.init.Initializer.GLOROT_UNIFORM, org.nnlab.core.init.Initializer.ZEROS));
        assertEquals("Layer name 'my layer' must be letters, digits, '_', '.' or '-'. Hint: leave it out to get Keras's"
                + " automatic names (dense, dense_1, …).", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Dropout.Config(0.2, "a/b"));
    }

    @Test
    void snakeCaseMatchesKerasLayerNames() {
        assertEquals("batch_normalization", LayerNames.snakeCase("BatchNormalization"));
        assertEquals("dense", LayerNames.snakeCase("Dense"));
    }
}
