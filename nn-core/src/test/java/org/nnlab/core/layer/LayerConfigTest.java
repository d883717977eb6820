package org.nnlab.core.layer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nnlab.core.init.Initializer;

/** A layer's config predicts what the built layer has, so a model checked from configs matches core. */
class LayerConfigTest {
    private static final List<LayerConfig> CONFIGS = List.of(
            Dense.Config.of(5, Activation.RELU),
            Dense.Config.of(3, Activation.SOFTMAX).noBias().kernelInitializer(Initializer.HE_NORMAL).named("out"),
            new ActivationLayer.Config(Activation.TANH, null),
            new Dropout.Config(0.3, "drop"),
            BatchNormalization.Config.DEFAULTS.center(false),
            new Flatten.Config(null));

    @Test
    void predictsTheBuiltLayersShapeAndParameterCounts() {
        for (LayerConfig config : CONFIGS) {
            int[] input = config instanceof Flatten.Config ? new int[] {4, 7} : new int[] {7};
            Layer layer = config.create();
            int[] built = layer.build(input, new SplittableRandom(1));
            assertArrayEquals(config.outputShape(input), built, config.toString());
            long trainable = layer.parameters().stream().filter(Parameter::trainable).mapToLong(Parameter::size).sum();
            assertEquals(config.trainableParameters(input), trainable, config.toString());
            assertEquals(config.nonTrainableParameters(input), layer.parameterCount() - trainable, config.toString());
        }
    }

    @Test
    void aLayerReturnsTheConfigItWasMadeWith() {
        for (LayerConfig config : CONFIGS) {
            assertEquals(config, config.create().config().orElseThrow(), config.toString());
        }
    }

    @Test
    void buildAppliesTheConfigsShapeRule() {
        Dense.Config config = Dense.Config.of(10, Activation.SOFTMAX);
        IllegalArgumentException fromConfig = assertThrows(IllegalArgumentException.class,
                () -> config.outputShape(new int[] {28, 28}));
        IllegalArgumentException fromBuild = assertThrows(IllegalArgumentException.class,
                () -> config.create().build(new int[] {28, 28}, new SplittableRandom(1)));
        assertEquals(fromConfig.getMessage(), fromBuild.getMessage());
    }

    @Test
    void findsTheActivationTheOutputPassesThroughLast() {
        assertEquals(Activation.SOFTMAX, LayerConfig.outputActivation(List.of(Dense.Config.of(4, Activation.RELU),
                Dense.Config.of(3, Activation.SOFTMAX), new Dropout.Config(0.1, null))));
        assertEquals(Activation.LINEAR, LayerConfig.outputActivation(List.of(Dense.Config.of(1, Activation.SIGMOID),
                BatchNormalization.Config.DEFAULTS)));
        assertEquals(Activation.SIGMOID, LayerConfig.outputActivation(List.of(Dense.Config.of(1, Activation.LINEAR),
                BatchNormalization.Config.DEFAULTS, new ActivationLayer.Config(Activation.SIGMOID, null))));
    }
}
