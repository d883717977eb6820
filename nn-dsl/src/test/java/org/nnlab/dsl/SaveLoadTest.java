package org.nnlab.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.nnlab.dsl.Nn.SIGMOID;
import static org.nnlab.dsl.Nn.MSE;
import static org.nnlab.dsl.Nn.MEAN_SQUARED_ERROR;

import java.io.IOException;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nnlab.core.tensor.Precision;
import org.nnlab.core.tensor.Tensor;
import org.nnlab.core.train.Verbosity;
import org.nnlab.dsl.spec.ModelSpec;

class SaveLoadTest {
    private static final Tensor X = inputs();
    private static final Tensor Y = targets(X);

    private static Tensor inputs() {
        SplittableRandom rng = new SplittableRandom(11);
        Tensor x = Tensor.zeros(64, 1);
        for (int i = 0; i < 64; i++) {
            x.data()[i] = rng.nextDouble(-3, 3);
        }
        return x;
    }

    private static Tensor targets(Tensor x) {
        Tensor y = Tensor.zeros(64, 1);
        for (int i = 0; i < 64; i++) {
            y.data()[i] = Math.sin(x.data()[i]);
        }
        return y;
    }

    /** The deep regressor with batch normalization and dropout, shuffled every epoch (Keras's default). */
    private static ModelSpec regressor() {
        return Nn.input(1)
                .dense(30, SIGMOID).batchNormalization().dropout(0.2)
                .dense(30, SIGMOID).batchNormalization()
                .dense(1)
                .compile(Nn.adam().learningRate(0.01), MEAN_SQUARED_ERROR, MSE)
                .fit(f -> f.epochs(3).batchSize(16).verbosity(Verbosity.SILENT))
                .seed(5)
                .spec();
    }

    @ParameterizedTest
    @EnumSource(Precision.class)
    void loadedModelPredictsBitIdentically(Precision precision, @TempDir Path dir) throws IOException {
        Model m = Model.compile(regressor().withPrecision(precision));
        m.fit(X, Y);
        Path file = dir.resolve("regressor.nnlab");
        m.save(file);
        Model loaded = Model.load(file);
        assertEquals(m.spec(), loaded.spec());
        assertEquals(precision, loaded.sequential().precision());
        assertEquals(precision, loaded.predict(X).precision());
        assertEquals(m.predict(X), loaded.predict(X));
    }

    @Test
    void modelFilesAndSpecsGetThePermissionsTheUmaskGives(@TempDir Path dir) throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.FileSystems.getDefault()
                .supportedFileAttributeViews().contains("posix"));
        Path plain = java.nio.file.Files.createFile(dir.resolve("plain"));
        Path model = dir.resolve("m.nnlab");
        Path json = dir.resolve("m.json");
        Model.compile(regressor()).save(model);
        org.nnlab.dsl.json.SpecJson.write(regressor(), json);
        var umask = java.nio.file.Files.getPosixFilePermissions(plain);
        assertEquals(umask, java.nio.file.Files.getPosixFilePermissions(model));
        assertEquals(umask, java.nio.file.Files.getPosixFilePermissions(json));
    }

    @ParameterizedTest
    @EnumSource(Precision.class)
    void resumedTrainingMatchesUninterruptedTraining(Precision precision, @TempDir Path dir) throws IOException {
        Model straight = Model.compile(regressor().withPrecision(precision));
        straight.fit(X, Y);
        straight.fit(X, Y);

        Model first = Model.compile(regressor().withPrecision(precision));
        first.fit(X, Y);
        Path file = dir.resolve("checkpoint.nnlab");
        first.save(file);
        Model resumed = Model.load(file);
        assertEquals(first.sequential().progress(), resumed.sequential().progress());
        resumed.fit(X, Y);

        assertEquals(straight.getWeights(), resumed.getWeights());
    }

    @Test
    void resumingWithoutOptimizerStateDiverges(@TempDir Path dir) throws IOException {
        Model straight = Model.compile(regressor());
        straight.fit(X, Y);
        straight.fit(X, Y);

        Model first = Model.compile(regressor());
        first.fit(X, Y);
        Path file = dir.resolve("weights-only.nnlab");
        first.save(file, false);
        Model resumed = Model.load(file);
        resumed.fit(X, Y);

        assertNotEquals(straight.getWeights(), resumed.getWeights());
    }
}
