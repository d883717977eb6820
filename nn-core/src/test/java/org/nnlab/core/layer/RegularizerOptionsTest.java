package org.nnlab.core.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nnlab.core.regularizer.L1;
import org.nnlab.core.regularizer.L1L2;
import org.nnlab.core.regularizer.L2;
import org.nnlab.core.regularizer.Regularizer;
import org.nnlab.core.tensor.Tensor;

/** Keras's kernel_regularizer, bias_regularizer (Dense) and gamma/beta_regularizer (BatchNormalization). */
class RegularizerOptionsTest {

    @Test
    void denseAttachesEachRegularizerToItsWeight() {
        Dense dense = Dense.Config.of(3, Activation.RELU).kernelRegularizer(new L2(0.01)).biasRegularizer(new L1(0.1))
                .named("hidden").create();
        dense.build(new int[] {2}, new SplittableRandom(1));
        assertEquals(Optional.of(new L2(0.01)), dense.kernel().regularizer());
        assertEquals(Optional.of(new L1(0.1)), dense.bias().regularizer());
        assertEquals(Map.of("kernel", new L2(0.01), "bias", new L1(0.1)), dense.config().orElseThrow().regularizers());
        assertEquals(List.of("kernel", "bias"), dense.config().orElseThrow().weightNames());
    }

    @Test
    void withoutOptionsNoWeightIsRegularized() {
        Dense dense = new Dense(3, Activation.RELU);
        dense.build(new int[] {2}, new SplittableRandom(1));
        assertEquals(Optional.empty(), dense.kernel().regularizer());
        assertEquals(Map.of(), dense.config().orElseThrow().regularizers());
    }

    @Test
    void batchNormalizationRegularizesGammaAndBetaOnly() {
        BatchNormalization bn = BatchNormalization.Config.DEFAULTS.gammaRegularizer(new L2(0.5))
                .betaRegularizer(new L1L2(0.1, 0.2)).create();
        bn.setName("bn");
        bn.build(new int[] {4}, new SplittableRandom(1));
        assertEquals(Optional.of(new L2(0.5)), bn.gamma().regularizer());
        assertEquals(Optional.of(new L1L2(0.1, 0.2)), bn.beta().regularizer());
        assertEquals(Optional.empty(), bn.movingMean().regularizer());
        assertEquals(List.of("gamma", "beta", "moving_mean", "moving_variance"),
                bn.config().orElseThrow().weightNames());
        assertEquals(bn.config().orElseThrow(), BatchNormalization.Config.DEFAULTS.gammaRegularizer(new L2(0.5))
                .betaRegularizer(new L1L2(0.1, 0.2)).named("bn"));
    }

    @Test
    void aBiasRegularizerNeedsABias() {
        Regularizer l2 = new L2();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Dense.Config.of(1, Activation.LINEAR).biasRegularizer(l2).noBias());
        assertEquals("Dense biasRegularizer L2(l2=0.01) has no bias to penalize: useBias is false. Hint: drop the bias"
                + " regularizer, or keep the bias.", e.getMessage());
    }

    @Test
    void gammaAndBetaRegularizersNeedTheirWeight() {
        IllegalArgumentException gamma = assertThrows(IllegalArgumentException.class,
                () -> BatchNormalization.Config.DEFAULTS.scale(false).gammaRegularizer(new L2()));
        assertEquals("BatchNormalization gammaRegularizer L2(l2=0.01) has no gamma to penalize: scale is false. Hint:"
                + " drop the gamma regularizer, or keep scale.", gamma.getMessage());
        IllegalArgumentException beta = assertThrows(IllegalArgumentException.class,
                () -> BatchNormalization.Config.DEFAULTS.betaRegularizer(new L1()).center(false));
        assertTrue(beta.getMessage().startsWith("BatchNormalization betaRegularizer L1(l1=0.01) has no beta"),
                beta.getMessage());
    }

    @Test
    void aNonTrainableParameterTakesNoRegularizer() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Parameter("bn/moving_mean", Tensor.zeros(2), false, new L2()));
        assertEquals("Parameter bn/moving_mean is not trainable, so the regularizer L2(l2=0.01) cannot shrink it."
                + " Hint: regularize trainable weights (kernels, biases, gamma, beta).", e.getMessage());
    }
}
