package org.nnlab.tests.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.nnlab.core.layer.Activation.RELU;
import static org.nnlab.core.layer.Activation.SIGMOID;
import static org.nnlab.core.layer.Activation.SOFTMAX;
import static org.nnlab.core.layer.Activation.TANH;
import static org.nnlab.core.train.Metric.ACCURACY;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.nnlab.dsl.Nn;
import org.nnlab.dsl.json.SpecFormatException;
import org.nnlab.dsl.json.SpecJson;
import org.nnlab.dsl.spec.ModelSpec;

/**
 * Mutated JSON model specs: each reads as a spec that writes back to an equal one and prints a
 * summary, or fails with a {@link SpecFormatException}, in bounded memory and time (see {@link Trials}).
 */
class FuzzSpecJsonTest {
    static final int CASES = 3000;
    private static final List<byte[]> SEEDS = List.of(
            json(Nn.input(28, 28).flatten().dense(100, RELU).dense(10, SOFTMAX)
                    .compile(Nn.adam(), Nn.SPARSE_CATEGORICAL_CROSSENTROPY, ACCURACY)
                    .fit(f -> f.epochs(5).validationSplit(0.1)).spec()),
            json(Nn.input(2).dense(2, SIGMOID).dense(1, SIGMOID).spec()),
            json(Nn.input(1).dense(30, TANH).batchNormalization().dropout(0.2).activation(RELU).dense(1)
                    .compile(Nn.sgd(), Nn.MEAN_SQUARED_ERROR).fit(f -> f.epochs(7).batchSize(5)).spec()),
            json(Nn.input(3).dense(3, SOFTMAX).compile(Nn.rmsprop(), Nn.CATEGORICAL_CROSSENTROPY, ACCURACY)
                    .spec()),
            json(Nn.input(4).dense(8, RELU).dense(1).compile(Nn.adam().learningRate(Nn.cosineDecayRestarts(0.01, 100)
                    .tMul(1.5).mMul(0.8).alpha(0.1)), Nn.MEAN_SQUARED_ERROR).spec()),
            json(Nn.input(4).dense(1).compile(Nn.sgd().learningRate(Nn.polynomialDecay(0.1, 1000, 0.001).power(0.5)
                    .cycle(true)), Nn.MEAN_SQUARED_ERROR).spec()));

    private static Scratch scratch;

    @BeforeAll
    static void scratchFolder() {
        scratch = new Scratch();
    }

    @AfterAll
    static void deleteScratchFolder() throws IOException {
        scratch.close();
    }

    private static byte[] json(ModelSpec spec) {
        return SpecJson.toJson(spec).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void mutatedSpecsReadAsRoundTrippingSpecsOrFailTyped() throws IOException {
        Trials trials = new Trials("JSON spec", SpecFormatException.class);
        for (int c = 0; c < CASES; c++) {
            Mutator m = new Mutator(3_000_000L + c);
            byte[] seed = m.pick(SEEDS);
            byte[] input = m.chance(0.8) ? m.mutateText(seed, m.pick(SEEDS)) : m.mutateBytes(seed, m.pick(SEEDS));
            // Half from a file (bytes checked as UTF-8), half from a string.
            Path file = c % 2 == 0 ? scratch.write(input, ".json") : null;
            trials.run(c, m, () -> file != null ? SpecJson.read(file)
                    : SpecJson.fromJson(new String(input, StandardCharsets.UTF_8), "case.json"), spec -> {
                        assertEquals(spec, SpecJson.fromJson(SpecJson.toJson(spec)), "a read spec writes back equal");
                        spec.summary();
                    });
        }
        trials.requireVariety(20, 20);
    }
}
