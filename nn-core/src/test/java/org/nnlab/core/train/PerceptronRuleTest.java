package org.nnlab.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nnlab.core.init.Initializer;
import org.nnlab.core.layer.Activation;
import org.nnlab.core.layer.Dense;
import org.nnlab.core.tensor.Precision;
import org.nnlab.core.tensor.Tensor;

class PerceptronRuleTest {
    private static final Tensor INPUTS = Tensor.matrix(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}});
    private static final Tensor AND = Tensor.vector(0, 0, 0, 1);
    private static final Tensor OR = Tensor.vector(0, 1, 1, 1);
    private static final Tensor XOR = Tensor.vector(0, 1, 1, 0);

    private static Dense zeroPerceptron(int in) {
        Dense d = new Dense("perceptron", 1, Activation.STEP, true, Initializer.ZEROS, Initializer.ZEROS);
        d.build(new int[] {in}, Precision.FLOAT64, new SplittableRandom(1));
        return d;
    }

    private static double[] predictions(Dense d) {
        return d.forward(INPUTS, false).data().clone();
    }

    @Test
    void learnsAndWithinAFewEpochs() {
        Dense d = zeroPerceptron(2);
        PerceptronRule.Result result = new PerceptronRule().train(d, INPUTS, AND);
        assertTrue(result.converged(), result::toString);
        assertTrue(result.epochs() <= 10, result::toString);
        assertArrayEquals(AND.data(), predictions(d), 0);
    }

    @Test
    void learnsOrWithinAFewEpochs() {
        Dense d = zeroPerceptron(2);
        PerceptronRule.Result result = new PerceptronRule().train(d, INPUTS, OR);
        assertTrue(result.converged(), result::toString);
        assertTrue(result.epochs() <= 10, result::toString);
        assertArrayEquals(OR.data(), predictions(d), 0);
    }

    @Test
    void learnsAndFromRandomWeightsWithShuffledEpochs() {
        Dense d = new Dense(1, Activation.STEP);
        d.build(new int[] {2}, Precision.FLOAT64, new SplittableRandom(5));
        PerceptronRule.Result result = new PerceptronRule(0.5, 100).shuffledEachEpoch(3).train(d, INPUTS, AND);
        assertTrue(result.converged(), result::toString);
        assertArrayEquals(AND.data(), predictions(d), 0);
    }

    @Test
    void neverConvergesOnXor() {
        Dense d = zeroPerceptron(2);
        PerceptronRule.Result result = new PerceptronRule(1.0, 50).train(d, INPUTS, XOR);
        assertFalse(result.converged(), result::toString);
        assertEquals(50, result.epochs());
        assertTrue(result.errorsPerEpoch().stream().allMatch(errors -> errors >= 1), result::toString);
    }

    @Test
    void movesWeightsByLearningRateTimesErrorTimesInput() {
        Dense d = zeroPerceptron(2);
        // z = 0 gives ŷ = 0 (the step is 1 only for z > 0) but y = 1: error +1, so w = 0.5·[1, 2],
        // b = 0.5; then z = 3 and ŷ = 1.
        PerceptronRule.Result result = new PerceptronRule(0.5, 10)
                .train(d, Tensor.matrix(new double[][] {{1, 2}}), Tensor.vector(1));
        assertEquals(List.of(1, 0), result.errorsPerEpoch());
        assertArrayEquals(new double[] {0.5, 1}, d.kernel().value().data(), 0);
        assertArrayEquals(new double[] {0.5}, d.bias().value().data(), 0);
    }

    @Test
    void trainsEachUnitOfAWiderLayer() {
        Dense d = new Dense("perceptrons", 2, Activation.STEP, true, Initializer.ZEROS, Initializer.ZEROS);
        d.build(new int[] {2}, Precision.FLOAT64, new SplittableRandom(1));
        Tensor andOr = Tensor.matrix(new double[][] {{0, 0}, {0, 1}, {0, 1}, {1, 1}});
        PerceptronRule.Result result = new PerceptronRule().train(d, INPUTS, andOr);
        assertTrue(result.converged(), result::toString);
        assertArrayEquals(andOr.data(), predictions(d), 0);
    }

    @Test
    void refusesUnitsThatAreNotSteps() {
        Dense d = new Dense(1, Activation.SIGMOID);
        d.build(new int[] {2}, Precision.FLOAT64, new SplittableRandom(1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new PerceptronRule().train(d, INPUTS, AND));
        assertTrue(e.getMessage().startsWith("PerceptronRule trains only STEP units"), e.getMessage());
        assertTrue(e.getMessage().contains("uses SIGMOID"), e.getMessage());
    }

    @Test
    void stepBackpropagationErrorPointsToThisClass() {
        Dense d = zeroPerceptron(2);
        d.forward(INPUTS, true);
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> d.backward(Tensor.zeros(4, 1)));
        assertTrue(e.getMessage().contains("(" + PerceptronRule.class.getName() + ")"), e.getMessage());
    }

    @Test
    void rejectsTargetsOtherThanZeroOrOne() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new PerceptronRule().train(zeroPerceptron(2), INPUTS, Tensor.vector(0, 1, -1, 1)));
        assertTrue(e.getMessage().contains("must be 0 or 1 but y has -1.0 at flat index 2"), e.getMessage());
    }

    @Test
    void rejectsTargetsWithAnotherNumberOfRows() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new PerceptronRule().train(zeroPerceptron(2), INPUTS, Tensor.vector(0, 1, 1)));
        assertTrue(e.getMessage().contains("needs y of shape [4, 1]"), e.getMessage());
        assertTrue(e.getMessage().contains("got [3]"), e.getMessage());
    }

    @Test
    void rejectsInputsOfAnotherWidth() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new PerceptronRule().train(zeroPerceptron(3), INPUTS, AND));
        assertTrue(e.getMessage().contains("needs x of shape (examples, 3)"), e.getMessage());
        assertTrue(e.getMessage().contains("got [4, 2]"), e.getMessage());
    }

    @Test
    void rejectsNonPositiveLearningRateAndEpochs() {
        IllegalArgumentException lr = assertThrows(IllegalArgumentException.class, () -> new PerceptronRule(0, 10));
        assertTrue(lr.getMessage().startsWith("PerceptronRule learningRate (0.0) must be > 0"), lr.getMessage());
        IllegalArgumentException epochs = assertThrows(IllegalArgumentException.class,
                () -> new PerceptronRule(1, 0));
        assertTrue(epochs.getMessage().startsWith("PerceptronRule maxEpochs (0) must be > 0"), epochs.getMessage());
    }

    @Test
    void refusesALayerThatIsNotBuilt() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new PerceptronRule().train(new Dense(1, Activation.STEP), INPUTS, AND));
        assertTrue(e.getMessage().contains("before it is built"), e.getMessage());
    }
}
