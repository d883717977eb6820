package org.nnlab.dsl.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nnlab.dsl.Nn.ACCURACY;
import static org.nnlab.dsl.Nn.BINARY_CROSSENTROPY;
import static org.nnlab.dsl.Nn.CATEGORICAL_CROSSENTROPY;
import static org.nnlab.dsl.Nn.MAE;
import static org.nnlab.dsl.Nn.MEAN_ABSOLUTE_ERROR;
import static org.nnlab.dsl.Nn.MEAN_SQUARED_ERROR;
import static org.nnlab.dsl.Nn.RELU;
import static org.nnlab.dsl.Nn.SIGMOID;
import static org.nnlab.dsl.Nn.SOFTMAX;
import static org.nnlab.dsl.Nn.SPARSE_CATEGORICAL_CROSSENTROPY;
import static org.nnlab.dsl.Nn.TANH;
import static org.nnlab.dsl.Nn.VAL_MAE;
import static org.nnlab.dsl.Nn.adagrad;
import static org.nnlab.dsl.Nn.adam;
import static org.nnlab.dsl.Nn.rmsprop;
import static org.nnlab.dsl.Nn.sgd;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.nnlab.core.tensor.Precision;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nnlab.core.init.Initializer;
import org.nnlab.core.train.EarlyStopping;
import org.nnlab.core.train.Monitor;
import org.nnlab.core.train.Verbosity;
import org.nnlab.dsl.Nn;
import org.nnlab.dsl.spec.ModelSpec;

class SpecJsonTest {

    private static ModelSpec mnist() {
        return Nn.input(28, 28).flatten().dense(100, RELU).dense(10, SOFTMAX)
                .compile(sgd(), SPARSE_CATEGORICAL_CROSSENTROPY, ACCURACY)
                .fit(f -> f.epochs(30)).spec();
    }

    static Stream<ModelSpec> specs() {
        return Stream.of(
                mnist(),
                Nn.input(2).dense(1, SIGMOID).spec(),
                Nn.input(1).dense(4, RELU).dense(1, d -> d.noBias()).named("relu_4").seed(-7).spec(),
                Nn.input(1).dense(30, SIGMOID, d -> d.kernelInitializer(Initializer.HE_NORMAL)
                                .biasInitializer(new Initializer.Constant(-0.0)).named("first"))
                        .batchNormalization(b -> b.momentum(0.9).epsilon(1e-5).center(false)).dropout(0.2)
                        .activation(TANH)
                        .dense(1, d -> d.biasInitializer(new Initializer.Constant(0.1)))
                        .compile(rmsprop().rho(0.8).momentum(0.5).centered(true), MEAN_ABSOLUTE_ERROR, MAE)
                        .fit(f -> f.epochs(7).batchSize(5).shuffle(false).validationSplit(0.25)
                                .verbosity(Verbosity.EPOCH_LINES).earlyStopping(VAL_MAE, 3).terminateOnNaN(false)
                                .callbacks(new EarlyStopping(EarlyStopping.Config.DEFAULTS.monitor(Monitor.MAE)
                                        .baseline(0.5).restoreBestWeights(true).startFromEpoch(2))))
                        .spec(),
                Nn.input(3).dense(2, SIGMOID)
                        .compile(adam().learningRate(0.1).beta1(0.8).beta2(0.99).amsgrad(true), BINARY_CROSSENTROPY)
                        .spec(),
                Nn.input(3).dense(3, SOFTMAX)
                        .compile(adagrad().learningRate(1.0 / 3), CATEGORICAL_CROSSENTROPY, ACCURACY)
                        .spec(),
                Nn.input(3).dense(3).compile(sgd().momentum(0.9).nesterov(true), MEAN_SQUARED_ERROR)
                        .fit(f -> f.epochs(0))
                        .spec(),
                Nn.input(4).dense(8, RELU, d -> d.kernelRegularizer(Nn.l2()).biasRegularizer(Nn.l1(0.25)))
                        .batchNormalization(b -> b.gammaRegularizer(Nn.l1l2(0.1, 0.2)).betaRegularizer(Nn.l2(1e-4)))
                        .dense(1, d -> d.kernelRegularizer(Nn.l1l2(0, 0.3)))
                        .compile(adam(), MEAN_SQUARED_ERROR).spec(),
                Nn.input(4).dense(8, RELU, d -> d.activityRegularizer(Nn.l2(1e-5)))
                        .dense(3, SOFTMAX, d -> d.activityRegularizer(Nn.l1l2(0.01, 0.02)).kernelRegularizer(Nn.l1()))
                        .compile(adam(), CATEGORICAL_CROSSENTROPY).spec(),
                Nn.input(3).dense(4, RELU).dense(1)
                        .compile(Nn.adamw().learningRate(Nn.cosineDecay(0.0, 100, 0.2, 10).alpha(0.1))
                                .excludeFromWeightDecay("bias", "dense_1/").clipnorm(1.0), MEAN_SQUARED_ERROR)
                        .spec(),
                Nn.input(3).dense(1).compile(sgd().learningRate(Nn.exponentialDecay(0.1, 1000, 0.96).staircase(true))
                        .weightDecay(1e-4).globalClipnorm(5), MEAN_SQUARED_ERROR).spec(),
                Nn.input(3).dense(1).compile(rmsprop().learningRate(Nn.piecewiseConstantDecay(
                        java.util.List.of(100L, 200L), java.util.List.of(0.1, 0.01, 0.001))).clipvalue(0.5),
                        MEAN_SQUARED_ERROR).spec(),
                Nn.input(3).dense(1).compile(adagrad().learningRate(Nn.inverseTimeDecay(0.5, 10, 0.5)),
                        MEAN_SQUARED_ERROR).spec(),
                Nn.input(3).dense(1).compile(sgd().learningRate(Nn.polynomialDecay(0.1, 1000)), MEAN_SQUARED_ERROR)
                        .spec(),
                Nn.input(3).dense(1).compile(adam().learningRate(Nn.polynomialDecay(0.1, 1000, 0.0).power(0.5)
                        .cycle(true)).clipnorm(1.0), MEAN_SQUARED_ERROR).spec(),
                Nn.input(3).dense(1).compile(sgd().learningRate(Nn.cosineDecayRestarts(0.05, 100)), MEAN_SQUARED_ERROR)
                        .spec(),
                Nn.input(3).dense(1).compile(Nn.adamw().learningRate(Nn.cosineDecayRestarts(1.0 / 3, 7).tMul(1.0)
                        .mMul(0.9).alpha(0.1)), MEAN_SQUARED_ERROR).spec(),
                Nn.input(3).dense(1).compile(adam().learningRate(0.01), MEAN_SQUARED_ERROR, MAE)
                        .fit(f -> f.reduceLROnPlateau(VAL_MAE, 0.2, 5).callbacks(new org.nnlab.core.train.ReduceLROnPlateau(
                                org.nnlab.core.train.ReduceLROnPlateau.Config.DEFAULTS.cooldown(2).minLr(1e-5))))
                        .spec());
    }

    @ParameterizedTest
    @MethodSource("specs")
    void roundTripGivesAnEqualSpec(ModelSpec spec) {
        String json = SpecJson.toJson(spec);
        assertEquals(spec, SpecJson.fromJson(json));
        assertEquals(json, SpecJson.toJson(SpecJson.fromJson(json)));
    }

    @Test
    void writesTheFormatVersionFirst() {
        assertTrue(SpecJson.toJson(mnist()).startsWith("{\n  \"format\" : 2,\n  \"name\" : \"sequential\",\n"
                + "  \"seed\" : 42,\n  \"precision\" : \"float32\",\n"), SpecJson.toJson(mnist()));
    }

    private static SpecFormatException failure(String json) {
        return assertThrows(SpecFormatException.class, () -> SpecJson.fromJson(json, "model.json"));
    }

    @Test
    void unknownFieldIsReportedWithPathLineAndColumn() {
        String json = SpecJson.toJson(mnist()).replace("\"units\" : 100", "\"unitz\" : 100");
        SpecFormatException e = failure(json);
        assertEquals("$.layers[1].unitz", e.path());
        assertEquals(11, e.line());
        assertTrue(e.getMessage().startsWith("model.json: line 11, column 5, at $.layers[1].unitz: Unknown field"
                + " 'unitz'; the fields here are [activation, activity_regularizer, bias_initializer, bias_regularizer, kernel_initializer,"
                + " kernel_regularizer, name, type, units, use_bias]"), e.getMessage());
    }

    @Test
    void aFormatOneDocumentWithoutTheNewerOptionalFieldsReadsAsKerasDefaults() {
        String older = SpecJson.toJson(Nn.input(2).dense(3, RELU).batchNormalization().dense(1, SIGMOID)
                        .compile(adam(), BINARY_CROSSENTROPY).spec())
                .replace(",\n    \"center\" : true,\n    \"scale\" : true", "")
                .replace(",\n      \"amsgrad\" : false", "")
                .replace(",\n      \"terminate_on_nan\" : true", "")
                .replace(",\n      \"diagnostics\" : \"when_verbose\"", "");
        assertTrue(!older.contains("center") && !older.contains("amsgrad") && !older.contains("terminate_on_nan")
                && !older.contains("diagnostics"), older);
        ModelSpec spec = SpecJson.fromJson(older);
        assertEquals(Nn.input(2).dense(3, RELU).batchNormalization().dense(1, SIGMOID)
                .compile(adam(), BINARY_CROSSENTROPY).spec(), spec);
    }

    @Test
    void theDiagnosticsSwitchIsSavedAndRead() {
        ModelSpec off = Nn.input(2).dense(1, SIGMOID).compile(adam(), BINARY_CROSSENTROPY)
                .fit(f -> f.diagnostics(false)).spec();
        String json = SpecJson.toJson(off);
        assertTrue(json.contains("\"diagnostics\" : \"off\""), json);
        assertEquals(off, SpecJson.fromJson(json));
        SpecFormatException e = failure(json.replace("\"off\"", "\"sometimes\""));
        assertTrue(e.getMessage().endsWith("at $.training.fit.diagnostics: Unknown value 'sometimes'; expected one of"
                + " [when_verbose, on, off]"), e.getMessage());
    }

    @Test
    void anOptimizerIsOneFlatObjectAsKerasWritesIt() {
        String json = SpecJson.toJson(Nn.input(2).dense(1).compile(Nn.adamw().excludeFromWeightDecay("bias")
                .clipnorm(1.0), MEAN_SQUARED_ERROR).spec());
        assertTrue(json.contains("\"optimizer\" : {\n      \"type\" : \"adamw\",\n      \"learning_rate\" : 0.001,\n"
                + "      \"beta_1\" : 0.9,\n      \"beta_2\" : 0.999,\n      \"epsilon\" : 1.0E-7,\n"
                + "      \"amsgrad\" : false,\n      \"weight_decay\" : 0.004,\n"
                + "      \"exclude_from_weight_decay\" : [ \"bias\" ],\n      \"clipnorm\" : 1.0\n    }"), json);
    }

    @Test
    void anOptimizerWithoutTheNewerOptionsReadsAsKerasDefaults() {
        String older = SpecJson.toJson(Nn.input(2).dense(1).compile(Nn.adamw(), MEAN_SQUARED_ERROR).spec())
                .replace(",\n      \"weight_decay\" : 0.004", "");
        assertTrue(!older.contains("weight_decay"), older);
        assertEquals(Nn.adamw(), SpecJson.fromJson(older).training().optimizer(), "AdamW's absent decay is 0.004");
        String sgd = SpecJson.toJson(Nn.input(2).dense(1).compile(sgd(), MEAN_SQUARED_ERROR).spec())
                .replace(",\n      \"weight_decay\" : 0.0", "");
        assertEquals(sgd(), SpecJson.fromJson(sgd).training().optimizer());
    }

    @Test
    void aBadOptionInJsonCarriesCoresMessageAtTheOptimizer() {
        String json = SpecJson.toJson(Nn.input(2).dense(1).compile(Nn.adam().clipnorm(1.0), MEAN_SQUARED_ERROR).spec())
                .replace("\"clipnorm\" : 1.0", "\"clipnorm\" : -1.0");
        SpecFormatException e = failure(json);
        assertEquals("$.training.optimizer", e.path());
        assertTrue(e.getMessage().endsWith("clipnorm (-1.0) must be > 0. Hint: leave it out for no clipping; 1.0 is a"
                + " common choice."), e.getMessage());
    }

    @Test
    void aMisspeltOptionIsAnUnknownField() {
        String json = SpecJson.toJson(Nn.input(2).dense(1).compile(Nn.sgd(), MEAN_SQUARED_ERROR).spec())
                .replace("\"weight_decay\"", "\"weight_dacay\"");
        SpecFormatException e = failure(json);
        assertEquals("$.training.optimizer.weight_dacay", e.path());
        assertTrue(e.getMessage().contains("Unknown field 'weight_dacay'; the fields here are [clipnorm, clipvalue,"
                + " exclude_from_weight_decay, global_clipnorm, learning_rate, momentum, nesterov, type, weight_decay]"),
                e.getMessage());
    }

    @Test
    void aScheduleThatWouldYieldANonPositiveRateIsRefusedInJson() {
        String json = SpecJson.toJson(Nn.input(2).dense(1).compile(Nn.sgd().learningRate(
                Nn.exponentialDecay(0.1, 10, 0.9)), MEAN_SQUARED_ERROR).spec()).replace("\"decay_rate\" : 0.9",
                "\"decay_rate\" : -0.9");
        SpecFormatException e = failure(json);
        assertEquals("$.training.optimizer.learning_rate", e.path());
        assertTrue(e.getMessage().endsWith("ExponentialDecay decayRate (-0.9) must be > 0. Hint: the rate is multiplied"
                + " by it every decaySteps steps; 0.96 decays slowly, 0.5 halves it."), e.getMessage());
        SpecFormatException unknown = failure(json.replace("\"exponential_decay\"", "\"step_decay\""));
        assertTrue(unknown.getMessage().endsWith("Unknown type 'step_decay'; a learning rate is a number or a schedule,"
                + " one of [cosine_decay, cosine_decay_restarts, exponential_decay, inverse_time_decay,"
                + " piecewise_constant_decay, polynomial_decay]"), unknown.getMessage());
    }

    @Test
    void theNewSchedulesAreWrittenWithKerasFieldNames() {
        String polynomial = SpecJson.toJson(Nn.input(2).dense(1).compile(Nn.sgd().learningRate(
                Nn.polynomialDecay(0.1, 100, 0.01).power(2).cycle(true)), MEAN_SQUARED_ERROR).spec());
        assertTrue(polynomial.contains("\"learning_rate\" : {\n        \"type\" : \"polynomial_decay\",\n"
                + "        \"initial_learning_rate\" : 0.1,\n        \"decay_steps\" : 100,\n"
                + "        \"end_learning_rate\" : 0.01,\n        \"power\" : 2.0,\n        \"cycle\" : true\n      }"),
                polynomial);
        String restarts = SpecJson.toJson(Nn.input(2).dense(1).compile(Nn.sgd().learningRate(
                Nn.cosineDecayRestarts(0.1, 50).mMul(0.5)), MEAN_SQUARED_ERROR).spec());
        assertTrue(restarts.contains("\"learning_rate\" : {\n        \"type\" : \"cosine_decay_restarts\",\n"
                + "        \"initial_learning_rate\" : 0.1,\n        \"first_decay_steps\" : 50,\n"
                + "        \"t_mul\" : 2.0,\n        \"m_mul\" : 0.5,\n        \"alpha\" : 0.0\n      }"), restarts);
    }

    @Test
    void theNewSchedulesAreCheckedByCoreInJson() {
        String json = SpecJson.toJson(Nn.input(2).dense(1).compile(Nn.sgd().learningRate(
                Nn.cosineDecayRestarts(0.1, 50)), MEAN_SQUARED_ERROR).spec());
        SpecFormatException tMul = failure(json.replace("\"t_mul\" : 2.0", "\"t_mul\" : 0.5"));
        assertEquals("$.training.optimizer.learning_rate", tMul.path());
        assertTrue(tMul.getMessage().endsWith("CosineDecayRestarts tMul (0.5) must be >= 1 and finite. Hint: it is each"
                + " period's length as a multiple of the one before: 1 keeps them equal, Keras uses 2.0; below 1 the"
                + " periods shrink and the schedule ends after firstDecaySteps / (1 - tMul) steps."), tMul.getMessage());
        SpecFormatException missing = failure(json.replace("\"m_mul\" : 1.0,", ""));
        assertTrue(missing.getMessage().contains("m_mul"), missing.getMessage());
        SpecFormatException misspelt = failure(json.replace("\"t_mul\"", "\"tmul\""));
        assertTrue(misspelt.getMessage().contains("Unknown field 'tmul'; the fields here are [alpha, first_decay_steps,"
                + " initial_learning_rate, m_mul, t_mul, type]"), misspelt.getMessage());
        String polynomial = SpecJson.toJson(Nn.input(2).dense(1).compile(Nn.sgd().learningRate(
                Nn.polynomialDecay(0.1, 100)), MEAN_SQUARED_ERROR).spec());
        SpecFormatException power = failure(polynomial.replace("\"power\" : 1.0", "\"power\" : -1"));
        assertTrue(power.getMessage().endsWith("PolynomialDecay power (-1.0) must be > 0. Hint: it is the power of"
                + " (1 - step / decaySteps); 1 decays linearly, 0.5 as a square root; a power of 0 would never decay."),
                power.getMessage());
    }

    @Test
    void anUnknownOptimizerTypeListsTheKnownOnes() {
        String json = SpecJson.toJson(Nn.input(2).dense(1).compile(Nn.sgd(), MEAN_SQUARED_ERROR).spec())
                .replace("\"sgd\"", "\"lion\"");
        SpecFormatException e = failure(json);
        assertTrue(e.getMessage().endsWith("Unknown type 'lion'; expected one of [sgd, rmsprop, adagrad, adam, adamw]"),
                e.getMessage());
    }

    @Test
    void regularizersAreWrittenAsKerasConfigs() {
        String json = SpecJson.toJson(Nn.input(2).dense(1, d -> d.kernelRegularizer(Nn.l2(0.5))).spec());
        assertTrue(json.contains("\"kernel_regularizer\" : {\n      \"type\" : \"l2\",\n      \"l2\" : 0.5\n    }"), json);
        assertTrue(!json.contains("bias_regularizer"), "an absent regularizer is left out: " + json);
    }

    @Test
    void aNegativePenaltyInJsonCarriesCoresMessage() {
        String json = SpecJson.toJson(Nn.input(2).dense(1, d -> d.kernelRegularizer(Nn.l2(0.5))).spec())
                .replace("\"l2\" : 0.5", "\"l2\" : -0.5");
        SpecFormatException e = failure(json);
        assertTrue(e.getMessage().endsWith("L2 l2 (-0.5) must be >= 0. Hint: it is the factor of sum(w²) in the loss;"
                + " Keras uses 0.01."), e.getMessage());
        assertTrue(e.path().startsWith("$.layers[0].kernel_regularizer"), e.path());
    }

    @Test
    void anActivityRegularizerIsWrittenUnderKerasName() {
        String json = SpecJson.toJson(Nn.input(2).dense(1, d -> d.activityRegularizer(Nn.l1(0.5))).spec());
        assertTrue(json.contains("\"activity_regularizer\" : {\n      \"type\" : \"l1\",\n      \"l1\" : 0.5\n    }"), json);
        SpecFormatException e = failure(json.replace("\"l1\" : 0.5", "\"l1\" : \"NaN\""));
        assertTrue(e.path().startsWith("$.layers[0].activity_regularizer"), e.path());
        assertTrue(e.getMessage().contains("L1 l1 (NaN) must be"), e.getMessage());
    }

    @Test
    void unknownRegularizerTypeListsTheKnownOnes() {
        String json = SpecJson.toJson(Nn.input(2).dense(1, d -> d.kernelRegularizer(Nn.l2(0.5))).spec())
                .replace("\"type\" : \"l2\"", "\"type\" : \"l3\"");
        SpecFormatException e = failure(json);
        assertTrue(e.getMessage().endsWith("Unknown type 'l3'; expected one of [l1, l1_l2, l2]"), e.getMessage());
    }

    @Test
    void unknownLayerTypeListsTheKnownOnes() {
        SpecFormatException e = failure(SpecJson.toJson(mnist()).replace("\"flatten\"", "\"conv2d\""));
        assertEquals("model.json: line 8, column 14, at $.layers[0]: Unknown type 'conv2d'; expected one of"
                + " [activation, batch_normalization, dense, dropout, flatten]", e.getMessage());
    }

    @Test
    void aLayerOrOptimizerWithoutItsTypeIsASpecFormatException() {
        // The fuzz suite found these (a dropped "type" line) reaching a NullPointerException.
        SpecFormatException layer = failure(SpecJson.toJson(mnist()).replace("\"type\" : \"flatten\"", "\"x\" : 0"));
        assertEquals("model.json: line 9, column 3, at $.layers[0]: Missing 'type' field; expected one of"
                + " [activation, batch_normalization, dense, dropout, flatten]", layer.getMessage());
        SpecFormatException optimizer = failure(SpecJson.toJson(mnist()).replace("\"type\" : \"sgd\",", ""));
        assertTrue(optimizer.getMessage().contains("at $.training.optimizer: "), optimizer.getMessage());
        assertTrue(optimizer.getMessage().contains("'type'"), optimizer.getMessage());
    }

    @Test
    void malformedJsonGivesLineAndColumn() {
        SpecFormatException e = failure("{\n  \"format\": 1,\n  \"name\": \"m\"\n  \"seed\": 1\n}");
        assertEquals(4, e.line());
        assertEquals(3, e.column());
        assertTrue(e.getMessage().contains("Malformed JSON: Unexpected character"), e.getMessage());
    }

    @Test
    void newerFormatIsRefusedBeforeAnythingElse() {
        SpecFormatException e = failure(SpecJson.toJson(mnist()).replace("\"format\" : 2", "\"format\" : 3")
                .replace("\"units\"", "\"neurons\""));
        assertEquals("model.json: line 2, column 3, at $.format: Model format 3 is not supported; this nnlab reads"
                + " formats 1 and 2. Hint: the document was written by a newer nnlab; upgrade nnlab to read it.",
                e.getMessage());
    }

    @Test
    void precisionRoundTripsAndDefaultsToFloat32() {
        ModelSpec doubles = Nn.input(2).precision(Precision.FLOAT64).dense(1, SIGMOID).spec();
        assertEquals(Precision.FLOAT64, doubles.precision());
        assertTrue(SpecJson.toJson(doubles).contains("\"precision\" : \"float64\""), SpecJson.toJson(doubles));
        assertEquals(doubles, SpecJson.fromJson(SpecJson.toJson(doubles)));
        String withoutPrecision = SpecJson.toJson(mnist()).replace("  \"precision\" : \"float32\",\n", "");
        assertEquals(Precision.FLOAT32, SpecJson.fromJson(withoutPrecision).precision());
    }

    @Test
    void aFormatOneDocumentIsAFloat64Model() {
        String formatOne = SpecJson.toJson(mnist()).replace("\"format\" : 2", "\"format\" : 1")
                .replace("  \"precision\" : \"float32\",\n", "");
        assertEquals(mnist().withPrecision(Precision.FLOAT64), SpecJson.fromJson(formatOne));
        SpecFormatException e = failure(SpecJson.toJson(mnist()).replace("\"format\" : 2", "\"format\" : 1"));
        assertTrue(e.getMessage().endsWith("A format 1 model has no 'precision' (it computes in float64). Hint: write"
                + " \"format\": 2 to choose a precision."), e.getMessage());
    }

    @Test
    void unknownPrecisionListsTheKnownOnes() {
        SpecFormatException e = failure(SpecJson.toJson(mnist()).replace("\"float32\"", "\"float16\""));
        assertEquals("model.json: line 5, column 17, at $.precision: Unknown value 'float16'; expected one of"
                + " [float32, float64]", e.getMessage());
    }

    @Test
    void invalidValueCarriesTheSpecsTeachingMessage() {
        SpecFormatException e = failure(SpecJson.toJson(mnist()).replace("\"units\" : 100", "\"units\" : 0"));
        assertEquals("$.layers[1]", e.path());
        assertTrue(e.getMessage().endsWith("Dense units (0) must be > 0. Hint: units is the number of neurons, e.g."
                + " 100 for a hidden layer or 10 for ten classes."), e.getMessage());
    }

    @Test
    void layerMismatchInJsonIsCaughtByWholeSpecValidation() {
        SpecFormatException e = failure(SpecJson.toJson(mnist()).replace("\"type\" : \"flatten\"", "\"type\" : \"dropout\", \"rate\" : 0.5"));
        assertTrue(e.getMessage().endsWith("Layer 2 (dense): Dense expects a flat input (features) but got shape"
                + " (None, 28, 28). Did you forget a Flatten layer before it? It turns (None, 28, 28) into (None, 784)."),
                e.getMessage());
    }

    @Test
    void missingFieldIsNamed() {
        SpecFormatException e = failure(SpecJson.toJson(mnist()).replace("\"use_bias\" : true,", ""));
        assertEquals("$.layers[1].use_bias", e.path());
        assertTrue(e.getMessage().endsWith("Missing required field 'use_bias'"), e.getMessage());
    }

    @Test
    void unknownActivationListsTheKnownOnes() {
        SpecFormatException e = failure(SpecJson.toJson(mnist()).replace("\"relu\"", "\"relux\""));
        assertEquals("model.json: line 12, column 20, at $.layers[1].activation: Unknown value 'relux'; expected one of"
                + " [linear, sigmoid, tanh, relu, softmax, step]", e.getMessage());
    }

    @Test
    void stringWhereANumberBelongsIsRefused() {
        SpecFormatException e = failure(SpecJson.toJson(mnist()).replace("\"units\" : 100", "\"units\" : \"100\""));
        assertEquals("$.layers[1].units", e.path());
    }

    @Test
    void readmeExampleIsAValidSpec() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int from = readme.indexOf("```json\n") + "```json\n".length();
        String json = readme.substring(from, readme.indexOf("```", from));
        assertEquals(mnist(), SpecJson.fromJson(json, "README.md"));
    }

    @Test
    void fileRoundTripIsAtomicAndExact(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("mnist.json");
        SpecJson.write(mnist(), file);
        assertEquals(mnist(), SpecJson.read(file));
    }

    @Test
    void deeplyNestedJsonIsRefusedWhereItGetsTooDeep() {
        String json = "{\"format\": 1, \"name\": \"m\", \"seed\": 1, \"input_shape\": [2],\n \"layers\": "
                + "[".repeat(5000) + "]".repeat(5000) + "}";
        SpecFormatException e = assertThrows(SpecFormatException.class, () -> SpecJson.fromJson(json, "deep.json"));
        assertEquals("deep.json: line 2, column 75, at $.layers" + "[0]".repeat(64) + ": JSON nested more than 64 levels"
                + " deep; a model spec nests a few (model, layers, layer, field). Hint: the document is damaged or is not"
                + " a model spec.", e.getMessage());
        assertEquals(2, e.line());
    }

    @Test
    void aNumberLongerThanJacksonReadsHasALineAndColumn() {
        String json = "{\"format\": 1, \"name\": \"m\", \"seed\": " + "9".repeat(2000) + "}";
        SpecFormatException e = assertThrows(SpecFormatException.class, () -> SpecJson.fromJson(json, "long.json"));
        assertTrue(e.line() == 1 && e.column() > 1, e.getMessage());
        assertTrue(e.getMessage().contains("Number value length (2000) exceeds the maximum allowed (1000"), e.getMessage());
    }

    @Test
    void aDirectoryOrABinaryFileIsNamedAsSuch(@TempDir Path dir) throws IOException {
        SpecFormatException e = assertThrows(SpecFormatException.class, () -> SpecJson.read(dir));
        assertEquals(dir + ": is a directory, not a JSON spec. Hint: pass the path of the .json file inside it.",
                e.getMessage());
        Path zip = dir.resolve("m.nnlab");
        Files.write(zip, new byte[] {'P', 'K', 3, 4, (byte) 0xFF, (byte) 0xFE});
        e = assertThrows(SpecFormatException.class, () -> SpecJson.read(zip));
        assertEquals(zip + ": is not UTF-8 text but a ZIP archive. Hint: a JSON spec is UTF-8 text; a saved model"
                + " (.nnlab) is loaded with Model.load.", e.getMessage());
    }
}
