package org.nnlab.dsl.json;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.jsontype.TypeDeserializer;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nnlab.core.init.Initializer;
import org.nnlab.core.layer.Activation;
import org.nnlab.core.layer.ActivationLayer;
import org.nnlab.core.layer.BatchNormalization;
import org.nnlab.core.layer.Dense;
import org.nnlab.core.layer.Dropout;
import org.nnlab.core.layer.Flatten;
import org.nnlab.core.layer.LayerConfig;
import org.nnlab.core.loss.Loss;
import org.nnlab.core.optim.Adagrad;
import org.nnlab.core.optim.Adam;
import org.nnlab.core.optim.AdamW;
import org.nnlab.core.optim.OptimizerConfig;
import org.nnlab.core.optim.OptimizerOptions;
import org.nnlab.core.optim.RMSprop;
import org.nnlab.core.optim.SGD;
import org.nnlab.core.optim.schedule.Constant;
import org.nnlab.core.optim.schedule.CosineDecay;
import org.nnlab.core.optim.schedule.CosineDecayRestarts;
import org.nnlab.core.optim.schedule.ExponentialDecay;
import org.nnlab.core.optim.schedule.InverseTimeDecay;
import org.nnlab.core.optim.schedule.LearningRate;
import org.nnlab.core.optim.schedule.PiecewiseConstantDecay;
import org.nnlab.core.optim.schedule.PolynomialDecay;
import org.nnlab.core.regularizer.L1;
import org.nnlab.core.regularizer.L1L2;
import org.nnlab.core.regularizer.L2;
import org.nnlab.core.regularizer.Regularizer;
import org.nnlab.core.tensor.Precision;
import org.nnlab.core.train.Callback;
import org.nnlab.core.train.Diagnostics;
import org.nnlab.core.train.EarlyStopping;
import org.nnlab.core.train.Examples;
import org.nnlab.core.train.FitOptions;
import org.nnlab.core.train.Metric;
import org.nnlab.core.train.Monitor;
import org.nnlab.core.train.ReduceLROnPlateau;
import org.nnlab.core.train.Verbosity;

/**
 * JSON forms for the nn-core types a spec is made of, which carry no Jackson annotations.
 *
 * <p>nn-core's configuration records are mapped by mix-ins, so the spec is core's own values and
 * JSON adds only names: snake_case fields as Keras writes them ({@code use_bias},
 * {@code learning_rate}), and a {@code "type"} for each family (layer configs: {@code dense},
 * {@code activation}, {@code flatten}, {@code dropout}, {@code batch_normalization}; optimizer
 * configs: {@code sgd}, {@code rmsprop}, {@code adagrad}, {@code adam}, {@code adamw}; callbacks:
 * {@code early_stopping}, {@code reduce_lr_on_plateau}; regularizers: {@code l1}, {@code l2},
 * {@code l1_l2}; schedules: {@code exponential_decay}, {@code piecewise_constant_decay},
 * {@code polynomial_decay}, {@code cosine_decay}, {@code cosine_decay_restarts},
 * {@code inverse_time_decay}). An optimizer is one flat object as Keras's
 * {@code get_config} writes it: its own fields, {@code learning_rate} (a number, or a schedule
 * object), and the base optimizer's {@code weight_decay}, {@code exclude_from_weight_decay},
 * {@code clipnorm}, {@code global_clipnorm} and {@code clipvalue}. Fields added after format 1 was first written are optional and read as
 * Keras's default when absent (batch normalization's {@code center} and {@code scale}, Adam's
 * {@code amsgrad}, RMSprop's {@code centered}, fit's {@code terminate_on_nan} and {@code diagnostics} ({@code "when_verbose"}), early stopping's
 * {@code baseline} and {@code start_from_epoch}; the regularizers of dense and batch normalization
 * layers, absent when none; the optimizer's weight decay and clipping, absent when none, AdamW's
 * weight decay 0.004), so older files still load. The fit options' validation
 * data and output stream are not data and are not written.
 *
 * <p>An activation is its Keras name ({@code "relu"}), a loss its Keras name
 * ({@code "sparse_categorical_crossentropy"}), a metric or monitor its History key
 * ({@code "accuracy"}, {@code "val_loss"}), a verbosity or diagnostics setting its lower-case name ({@code "epoch_lines"},
 * {@code "off"}).
 * An initializer is an object with a {@code "type"}: {@code {"type": "glorot_uniform"}},
 * {@code "glorot_normal"}, {@code "he_uniform"}, {@code "he_normal"}, {@code "zeros"}, {@code "ones"},
 * or {@code {"type": "constant", "value": 0.5}}.
 */
final class CoreTypesModule extends SimpleModule {
    static final List<String> INITIALIZER_TYPES =
            List.of("glorot_uniform", "glorot_normal", "he_uniform", "he_normal", "zeros", "ones", "constant");
    /** The losses by Keras name. */
    static final List<Loss> LOSSES = List.of(Loss.MEAN_SQUARED_ERROR, Loss.MEAN_ABSOLUTE_ERROR,
            Loss.BINARY_CROSSENTROPY, Loss.CATEGORICAL_CROSSENTROPY, Loss.SPARSE_CATEGORICAL_CROSSENTROPY);
    /** The callbacks a spec can hold, by JSON type, and the record their fields map to. */
    static final Map<String, Class<?>> CALLBACK_TYPES = Map.of("early_stopping", EarlyStopping.Config.class,
            "reduce_lr_on_plateau", ReduceLROnPlateau.Config.class);
    /** The optimizers by JSON type, each with its Keras defaults (which give an absent option its value). */
    static final Map<String, OptimizerConfig<?>> OPTIMIZER_DEFAULTS = ordered(
            "sgd", SGD.Config.DEFAULTS, "rmsprop", RMSprop.Config.DEFAULTS, "adagrad", Adagrad.Config.DEFAULTS,
            "adam", Adam.Config.DEFAULTS, "adamw", AdamW.Config.DEFAULTS);
    /** The optimizers by JSON type, as FieldCheck walks them. */
    static final Map<String, Class<?>> OPTIMIZER_TYPES = types(OPTIMIZER_DEFAULTS);
    /** The base optimizer's fields, written flat beside each optimizer's own, as Keras's get_config does. */
    static final List<String> OPTION_FIELDS =
            List.of("weight_decay", "exclude_from_weight_decay", "clipnorm", "global_clipnorm", "clipvalue");
    /** The learning-rate schedules by JSON type. */
    static final Map<String, Class<?>> SCHEDULE_TYPES = Map.of("exponential_decay", ExponentialDecay.class,
            "piecewise_constant_decay", PiecewiseConstantDecay.class, "polynomial_decay", PolynomialDecay.class,
            "cosine_decay", CosineDecay.class, "cosine_decay_restarts", CosineDecayRestarts.class,
            "inverse_time_decay", InverseTimeDecay.class);
    /** The families read by this module's own deserializers rather than by a "type" annotation, for FieldCheck. */
    static final Map<Class<?>, Map<String, Class<?>>> CUSTOM_FAMILIES = Map.of(Callback.class, CALLBACK_TYPES,
            OptimizerConfig.class, OPTIMIZER_TYPES);

    private static Map<String, OptimizerConfig<?>> ordered(Object... pairs) {
        Map<String, OptimizerConfig<?>> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], (OptimizerConfig<?>) pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    private static Map<String, Class<?>> types(Map<String, OptimizerConfig<?>> defaults) {
        Map<String, Class<?>> m = new LinkedHashMap<>();
        defaults.forEach((name, c) -> m.put(name, c.getClass()));
        return java.util.Collections.unmodifiableMap(m);
    }

    /**
     * The same forms without the flat optimizer codec: it writes an optimizer record with its options
     * nested, which {@link OptimizerConfigSerializer} then flattens (the codec itself would recurse).
     */
    private static final ObjectMapper NESTED_OPTIONS = JsonMapper.builder().addModule(new CoreTypesModule(false)).build();

    CoreTypesModule() {
        this(true);
    }

    private CoreTypesModule(boolean flatOptimizers) {
        super("nnlab-core-types");
        setMixInAnnotation(Activation.class, KerasNameMixin.class);
        setMixInAnnotation(Precision.class, KerasNameMixin.class);
        setMixInAnnotation(Metric.class, KeyMixin.class);
        setMixInAnnotation(Monitor.class, KeyMixin.class);
        addSerializer(Verbosity.class, new LowerCaseSerializer<>());
        addDeserializer(Verbosity.class, new LowerCaseDeserializer<>(Verbosity.class, "a verbosity", null));
        addSerializer(Diagnostics.class, new LowerCaseSerializer<>());
        addDeserializer(Diagnostics.class, new LowerCaseDeserializer<>(Diagnostics.class, "a diagnostics setting",
                Diagnostics.WHEN_VERBOSE));
        addSerializer(Initializer.class, new InitializerSerializer());
        addDeserializer(Initializer.class, new InitializerDeserializer());
        addSerializer(Loss.class, new LossSerializer());
        addDeserializer(Loss.class, new LossDeserializer());

        setMixInAnnotation(LayerConfig.class, LayerConfigMixin.class);
        setMixInAnnotation(Dense.Config.class, DenseMixin.class);
        setMixInAnnotation(ActivationLayer.Config.class, ActivationLayerMixin.class);
        setMixInAnnotation(Flatten.Config.class, FlattenMixin.class);
        setMixInAnnotation(Dropout.Config.class, DropoutMixin.class);
        setMixInAnnotation(BatchNormalization.Config.class, BatchNormalizationMixin.class);
        setMixInAnnotation(Regularizer.class, RegularizerMixin.class);
        setMixInAnnotation(L1.class, L1Mixin.class);
        setMixInAnnotation(L2.class, L2Mixin.class);
        setMixInAnnotation(L1L2.class, L1L2Mixin.class);

        setMixInAnnotation(SGD.Config.class, SgdMixin.class);
        setMixInAnnotation(RMSprop.Config.class, RmspropMixin.class);
        setMixInAnnotation(Adagrad.Config.class, AdagradMixin.class);
        setMixInAnnotation(Adam.Config.class, AdamMixin.class);
        setMixInAnnotation(AdamW.Config.class, AdamMixin.class);
        setMixInAnnotation(OptimizerOptions.class, OptimizerOptionsMixin.class);
        if (flatOptimizers) {
            addOptimizerCodec();
        }
        setMixInAnnotation(ExponentialDecay.class, DecayMixin.class);
        setMixInAnnotation(InverseTimeDecay.class, DecayMixin.class);
        setMixInAnnotation(PiecewiseConstantDecay.class, PiecewiseConstantDecayMixin.class);
        setMixInAnnotation(PolynomialDecay.class, PolynomialDecayMixin.class);
        setMixInAnnotation(CosineDecay.class, CosineDecayMixin.class);
        setMixInAnnotation(CosineDecayRestarts.class, CosineDecayRestartsMixin.class);
        setMixInAnnotation(LearningRate.class, LearningRateMixin.class);
        addSerializer(Constant.class, new ConstantSerializer());
        addDeserializer(LearningRate.class, new LearningRateDeserializer());

        setMixInAnnotation(FitOptions.class, FitOptionsMixin.class);
        setMixInAnnotation(EarlyStopping.Config.class, EarlyStoppingMixin.class);
        setMixInAnnotation(ReduceLROnPlateau.Config.class, ReduceLROnPlateauMixin.class);
        addSerializer(Callback.class, new CallbackSerializer());
        addDeserializer(Callback.class, new CallbackDeserializer());
    }

    /** Gives {@link Activation} and {@link Precision} their Keras names in JSON ({@code "relu"}, {@code "float32"}), both ways. */
    abstract static class KerasNameMixin {
        @JsonValue
        abstract String kerasName();
    }

    /** Gives {@link Metric} and {@link Monitor} their History key in JSON ({@code "val_loss"}), both ways. */
    abstract static class KeyMixin {
        @JsonValue
        abstract String key();
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
    @JsonSubTypes({
        @JsonSubTypes.Type(value = Dense.Config.class, name = "dense"),
        @JsonSubTypes.Type(value = ActivationLayer.Config.class, name = "activation"),
        @JsonSubTypes.Type(value = Flatten.Config.class, name = "flatten"),
        @JsonSubTypes.Type(value = Dropout.Config.class, name = "dropout"),
        @JsonSubTypes.Type(value = BatchNormalization.Config.class, name = "batch_normalization")
    })
    interface LayerConfigMixin {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    abstract static class DenseMixin {
        @JsonProperty(value = "units", required = true)
        abstract int units();

        @JsonProperty(value = "activation", required = true)
        abstract Activation activation();

        @JsonProperty(value = "use_bias", required = true)
        abstract boolean useBias();

        @JsonProperty(value = "kernel_initializer", required = true)
        abstract Initializer kernelInitializer();

        @JsonProperty(value = "bias_initializer", required = true)
        abstract Initializer biasInitializer();

        @JsonProperty("kernel_regularizer")
        abstract Regularizer kernelRegularizer();

        @JsonProperty("bias_regularizer")
        abstract Regularizer biasRegularizer();

        @JsonProperty("activity_regularizer")
        abstract Regularizer activityRegularizer();

        @JsonProperty("name")
        abstract String name();
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    abstract static class ActivationLayerMixin {
        @JsonProperty(value = "activation", required = true)
        abstract Activation activation();

        @JsonProperty("name")
        abstract String name();
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    abstract static class FlattenMixin {
        @JsonProperty("name")
        abstract String name();
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    abstract static class DropoutMixin {
        @JsonProperty(value = "rate", required = true)
        abstract double rate();

        @JsonProperty("name")
        abstract String name();
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    abstract static class BatchNormalizationMixin {
        @JsonProperty(value = "momentum", required = true)
        abstract double momentum();

        @JsonProperty(value = "epsilon", required = true)
        abstract double epsilon();

        @JsonProperty(value = "center", defaultValue = "true")
        @JsonDeserialize(using = TrueIfAbsent.class)
        abstract boolean center();

        @JsonProperty(value = "scale", defaultValue = "true")
        @JsonDeserialize(using = TrueIfAbsent.class)
        abstract boolean scale();

        @JsonProperty("beta_regularizer")
        abstract Regularizer betaRegularizer();

        @JsonProperty("gamma_regularizer")
        abstract Regularizer gammaRegularizer();

        @JsonProperty("name")
        abstract String name();
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
    @JsonSubTypes({
        @JsonSubTypes.Type(value = L1.class, name = "l1"),
        @JsonSubTypes.Type(value = L2.class, name = "l2"),
        @JsonSubTypes.Type(value = L1L2.class, name = "l1_l2")
    })
    interface RegularizerMixin {
    }

    abstract static class L1Mixin {
        @JsonProperty(value = "l1", required = true)
        abstract double l1();
    }

    abstract static class L2Mixin {
        @JsonProperty(value = "l2", required = true)
        abstract double l2();
    }

    abstract static class L1L2Mixin {
        @JsonProperty(value = "l1", required = true)
        abstract double l1();

        @JsonProperty(value = "l2", required = true)
        abstract double l2();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void addOptimizerCodec() {
        addSerializer((Class) OptimizerConfig.class, new OptimizerConfigSerializer());
        addDeserializer((Class) OptimizerConfig.class, new OptimizerConfigDeserializer());
    }

    /** What every optimizer record has: the learning rate and the base optimizer's options (written flat). */
    abstract static class OptimizerMixin {
        @JsonProperty(value = "learning_rate", required = true)
        abstract LearningRate learningRate();

        @JsonProperty(value = OPTIONS, required = true)
        abstract OptimizerOptions options();
    }

    abstract static class SgdMixin extends OptimizerMixin {
        @JsonProperty(value = "momentum", required = true)
        abstract double momentum();

        @JsonProperty(value = "nesterov", required = true)
        abstract boolean nesterov();
    }

    abstract static class RmspropMixin extends OptimizerMixin {
        @JsonProperty(value = "rho", required = true)
        abstract double rho();

        @JsonProperty(value = "momentum", required = true)
        abstract double momentum();

        @JsonProperty(value = "epsilon", required = true)
        abstract double epsilon();

        @JsonProperty(value = "centered", defaultValue = "false")
        @JsonDeserialize(using = FalseIfAbsent.class)
        abstract boolean centered();
    }

    abstract static class AdagradMixin extends OptimizerMixin {
        @JsonProperty(value = "initial_accumulator_value", required = true)
        abstract double initialAccumulatorValue();

        @JsonProperty(value = "epsilon", required = true)
        abstract double epsilon();
    }

    abstract static class AdamMixin extends OptimizerMixin {
        @JsonProperty(value = "beta_1", required = true)
        abstract double beta1();

        @JsonProperty(value = "beta_2", required = true)
        abstract double beta2();

        @JsonProperty(value = "epsilon", required = true)
        abstract double epsilon();

        @JsonProperty(value = "amsgrad", defaultValue = "false")
        @JsonDeserialize(using = FalseIfAbsent.class)
        abstract boolean amsgrad();
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    abstract static class OptimizerOptionsMixin {
        @JsonProperty(value = "weight_decay", required = true)
        abstract double weightDecay();

        @JsonProperty(value = "exclude_from_weight_decay", required = true)
        @JsonInclude(JsonInclude.Include.NON_EMPTY)
        abstract List<String> excludeFromWeightDecay();

        @JsonProperty("clipnorm")
        abstract Double clipnorm();

        @JsonProperty("global_clipnorm")
        abstract Double globalClipnorm();

        @JsonProperty("clipvalue")
        abstract Double clipvalue();
    }

    /** ExponentialDecay's and InverseTimeDecay's fields, which are the same. */
    abstract static class DecayMixin {
        @JsonProperty(value = "initial_learning_rate", required = true)
        abstract double initialLearningRate();

        @JsonProperty(value = "decay_steps", required = true)
        abstract long decaySteps();

        @JsonProperty(value = "decay_rate", required = true)
        abstract double decayRate();

        @JsonProperty(value = "staircase", required = true)
        abstract boolean staircase();
    }

    abstract static class PiecewiseConstantDecayMixin {
        @JsonProperty(value = "boundaries", required = true)
        abstract List<Long> boundaries();

        @JsonProperty(value = "values", required = true)
        abstract List<Double> values();
    }

    abstract static class PolynomialDecayMixin {
        @JsonProperty(value = "initial_learning_rate", required = true)
        abstract double initialLearningRate();

        @JsonProperty(value = "decay_steps", required = true)
        abstract long decaySteps();

        @JsonProperty(value = "end_learning_rate", required = true)
        abstract double endLearningRate();

        @JsonProperty(value = "power", required = true)
        abstract double power();

        @JsonProperty(value = "cycle", required = true)
        abstract boolean cycle();
    }

    abstract static class CosineDecayRestartsMixin {
        @JsonProperty(value = "initial_learning_rate", required = true)
        abstract double initialLearningRate();

        @JsonProperty(value = "first_decay_steps", required = true)
        abstract long firstDecaySteps();

        @JsonProperty(value = "t_mul", required = true)
        abstract double tMul();

        @JsonProperty(value = "m_mul", required = true)
        abstract double mMul();

        @JsonProperty(value = "alpha", required = true)
        abstract double alpha();
    }

    abstract static class CosineDecayMixin {
        @JsonProperty(value = "initial_learning_rate", required = true)
        abstract double initialLearningRate();

        @JsonProperty(value = "decay_steps", required = true)
        abstract long decaySteps();

        @JsonProperty(value = "alpha", required = true)
        abstract double alpha();

        @JsonProperty(value = "warmup_target", required = true)
        abstract Double warmupTarget();

        @JsonProperty(value = "warmup_steps", required = true)
        abstract long warmupSteps();
    }

    abstract static class ReduceLROnPlateauMixin {
        @JsonProperty(value = "monitor", required = true)
        abstract Monitor monitor();

        @JsonProperty(value = "factor", required = true)
        abstract double factor();

        @JsonProperty(value = "patience", required = true)
        abstract int patience();

        @JsonProperty(value = "min_delta", required = true)
        abstract double minDelta();

        @JsonProperty(value = "cooldown", required = true)
        abstract int cooldown();

        @JsonProperty(value = "min_lr", required = true)
        abstract double minLr();
    }

    /** Writes {@code {"type": type, …fields of each group in order}}. */
    private static void writeTyped(JsonGenerator g, String type, ObjectNode... groups) throws IOException {
        g.writeStartObject();
        g.writeStringField("type", type);
        for (ObjectNode fields : groups) {
            for (Map.Entry<String, JsonNode> f : (Iterable<Map.Entry<String, JsonNode>>) fields::fields) {
                g.writeFieldName(f.getKey());
                g.writeTree(f.getValue());
            }
        }
        g.writeEndObject();
    }

    /** The nested name the optimizer records' options have inside this module; JSON shows them flat. */
    static final String OPTIONS = "options";

    /**
     * An optimizer as Keras's {@code get_config} writes it: {@code "type"}, its own fields, then the
     * base optimizer's options flat beside them.
     */
    static final class OptimizerConfigSerializer extends JsonSerializer<OptimizerConfig<?>> {
        @Override
        public void serialize(OptimizerConfig<?> c, JsonGenerator g, SerializerProvider p) throws IOException {
            ObjectNode fields = NESTED_OPTIONS.valueToTree(c);
            JsonNode options = fields.remove(OPTIONS);
            writeTyped(g, c.kerasName(), fields, (ObjectNode) options);
        }
    }

    /** Reads the flat object back: the options not given take that optimizer's Keras defaults. */
    static final class OptimizerConfigDeserializer extends JsonDeserializer<OptimizerConfig<?>> {
        @Override
        public OptimizerConfig<?> deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.isExpectedStartObjectToken()) {
                return (OptimizerConfig<?>) ctxt.handleUnexpectedToken(OptimizerConfig.class, p);
            }
            ObjectNode node = (ObjectNode) ctxt.readTree(p);
            JsonNode type = node.remove("type");
            OptimizerConfig<?> defaults = type == null ? null : OPTIMIZER_DEFAULTS.get(type.asText());
            if (defaults == null) {
                return ctxt.reportInputMismatch(OptimizerConfig.class, (type == null ? "Missing 'type' field"
                        : "Unknown type '" + type.asText() + "'") + "; expected one of " + OPTIMIZER_DEFAULTS.keySet());
            }
            ObjectNode options = ((ObjectMapper) p.getCodec()).valueToTree(defaults.options());
            if (!options.has("exclude_from_weight_decay")) {
                options.putArray("exclude_from_weight_decay"); // left out when empty
            }
            for (String field : OPTION_FIELDS) {
                JsonNode value = node.remove(field);
                if (value != null) {
                    options.set(field, value);
                }
            }
            node.set(OPTIONS, options);
            return (OptimizerConfig<?>) ctxt.readTreeAsValue(node, defaults.getClass());
        }
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
    @JsonSubTypes({
        @JsonSubTypes.Type(value = ExponentialDecay.class, name = "exponential_decay"),
        @JsonSubTypes.Type(value = PiecewiseConstantDecay.class, name = "piecewise_constant_decay"),
        @JsonSubTypes.Type(value = PolynomialDecay.class, name = "polynomial_decay"),
        @JsonSubTypes.Type(value = CosineDecay.class, name = "cosine_decay"),
        @JsonSubTypes.Type(value = CosineDecayRestarts.class, name = "cosine_decay_restarts"),
        @JsonSubTypes.Type(value = InverseTimeDecay.class, name = "inverse_time_decay")
    })
    interface LearningRateMixin {
    }

    /** A constant learning rate is the bare number, {@code "learning_rate" : 0.001}, as in Keras. */
    static final class ConstantSerializer extends JsonSerializer<Constant> {
        @Override
        public void serialize(Constant c, JsonGenerator g, SerializerProvider p) throws IOException {
            g.writeNumber(c.value());
        }

        @Override
        public void serializeWithType(Constant c, JsonGenerator g, SerializerProvider p, TypeSerializer t)
                throws IOException {
            serialize(c, g, p);
        }
    }

    /** A number is a constant; an object is a schedule with its {@code "type"}. */
    static final class LearningRateDeserializer extends JsonDeserializer<LearningRate> {
        @Override
        public LearningRate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() == JsonToken.VALUE_NUMBER_FLOAT || p.currentToken() == JsonToken.VALUE_NUMBER_INT) {
                return new Constant(p.getDoubleValue());
            }
            if (!p.isExpectedStartObjectToken()) {
                return (LearningRate) ctxt.handleUnexpectedToken(LearningRate.class, p);
            }
            ObjectNode node = (ObjectNode) ctxt.readTree(p);
            JsonNode type = node.get("type");
            Class<?> schedule = type == null ? null : SCHEDULE_TYPES.get(type.asText());
            if (schedule == null) {
                return ctxt.reportInputMismatch(LearningRate.class, (type == null ? "Missing 'type' field"
                        : "Unknown type '" + type.asText() + "'") + "; a learning rate is a number or a schedule, one of "
                        + new java.util.TreeSet<>(SCHEDULE_TYPES.keySet()));
            }
            return (LearningRate) ctxt.readTreeAsValue(node, schedule);
        }

        @Override
        public Object deserializeWithType(JsonParser p, DeserializationContext ctxt, TypeDeserializer t)
                throws IOException {
            return deserialize(p, ctxt);
        }
    }

    @JsonPropertyOrder({"epochs", "batch_size", "shuffle", "validation_split", "verbosity", "callbacks",
        "terminate_on_nan", "diagnostics"})
    abstract static class FitOptionsMixin {
        @JsonProperty(value = "epochs", required = true)
        abstract int epochs();

        @JsonProperty(value = "batch_size", required = true)
        abstract int batchSize();

        @JsonProperty(value = "shuffle", required = true)
        abstract boolean shuffle();

        @JsonProperty(value = "validation_split", required = true)
        abstract double validationSplit();

        @JsonIgnore
        abstract Examples validationData();

        @JsonProperty(value = "callbacks", required = true)
        abstract List<Callback> callbacks();

        @JsonProperty(value = "verbosity", required = true)
        abstract Verbosity verbosity();

        @JsonProperty(value = "terminate_on_nan", defaultValue = "true")
        @JsonDeserialize(using = TrueIfAbsent.class)
        abstract boolean terminateOnNaN();

        @JsonProperty(value = "diagnostics")
        abstract Diagnostics diagnostics();

        @JsonIgnore
        abstract PrintStream out();
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    abstract static class EarlyStoppingMixin {
        @JsonProperty(value = "monitor", required = true)
        abstract Monitor monitor();

        @JsonProperty(value = "min_delta", required = true)
        abstract double minDelta();

        @JsonProperty(value = "patience", required = true)
        abstract int patience();

        @JsonProperty("baseline")
        abstract Double baseline();

        @JsonProperty(value = "restore_best_weights", required = true)
        abstract boolean restoreBestWeights();

        @JsonProperty(value = "start_from_epoch", defaultValue = "0")
        @JsonDeserialize(using = ZeroIfAbsent.class)
        abstract int startFromEpoch();
    }

    /**
     * A callback in a spec: early stopping or ReduceLROnPlateau, written as its options beside its
     * {@code "type"}.
     */
    static final class CallbackSerializer extends JsonSerializer<Callback> {
        @Override
        public void serialize(Callback c, JsonGenerator g, SerializerProvider p) throws IOException {
            Object config;
            String type;
            if (c instanceof EarlyStopping e) {
                config = e.config();
                type = "early_stopping";
            } else if (c instanceof ReduceLROnPlateau r) {
                config = r.config();
                type = "reduce_lr_on_plateau";
            } else {
                p.reportMappingProblem("Callback %s is code, not data; a spec can hold only early stopping and"
                        + " ReduceLROnPlateau", c);
                return;
            }
            writeTyped(g, type, ((ObjectMapper) g.getCodec()).valueToTree(config));
        }
    }

    static final class CallbackDeserializer extends JsonDeserializer<Callback> {
        @Override
        public Callback deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.isExpectedStartObjectToken()) {
                return (Callback) ctxt.handleUnexpectedToken(Callback.class, p);
            }
            ObjectNode node = ctxt.readTree(p) instanceof ObjectNode o ? o : null;
            JsonNode type = node == null ? null : node.get("type");
            if (type == null || !CALLBACK_TYPES.containsKey(type.asText())) {
                return ctxt.reportInputMismatch(Callback.class, (type == null ? "Missing 'type' field"
                        : "Unknown type '" + type.asText() + "'") + "; expected one of "
                        + new java.util.TreeSet<>(CALLBACK_TYPES.keySet()));
            }
            node.remove("type");
            Object config = ctxt.readTreeAsValue(node, CALLBACK_TYPES.get(type.asText()));
            return config instanceof EarlyStopping.Config e ? new EarlyStopping(e)
                    : new ReduceLROnPlateau((ReduceLROnPlateau.Config) config);
        }
    }

    /** A loss as its Keras name. */
    static final class LossSerializer extends JsonSerializer<Loss> {
        @Override
        public void serialize(Loss loss, JsonGenerator g, SerializerProvider p) throws IOException {
            g.writeString(loss.kerasName());
        }
    }

    static final class LossDeserializer extends JsonDeserializer<Loss> {
        @Override
        public Loss deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return (Loss) ctxt.handleUnexpectedToken(Loss.class, p);
            }
            for (Loss loss : LOSSES) {
                if (loss.kerasName().equals(p.getText())) {
                    return loss;
                }
            }
            return ctxt.reportInputMismatch(Loss.class, "Unknown value '" + p.getText() + "'; expected one of "
                    + LOSSES.stream().map(Loss::kerasName).toList());
        }
    }

    /** A boolean field added after format 1: absent means true (Keras's default). */
    static final class TrueIfAbsent extends StrictBoolean {
        TrueIfAbsent() {
            super(true);
        }
    }

    /** A boolean field added after format 1: absent means false (Keras's default). */
    static final class FalseIfAbsent extends StrictBoolean {
        FalseIfAbsent() {
            super(false);
        }
    }

    /** A JSON boolean, nothing else; an absent field takes the given default, an explicit null is an error. */
    abstract static class StrictBoolean extends JsonDeserializer<Boolean> {
        private final boolean absent;

        StrictBoolean(boolean absent) {
            this.absent = absent;
        }

        @Override
        public Boolean deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() == JsonToken.VALUE_TRUE || p.currentToken() == JsonToken.VALUE_FALSE) {
                return p.getBooleanValue();
            }
            return (Boolean) ctxt.handleUnexpectedToken(Boolean.class, p);
        }

        @Override
        public Object getAbsentValue(DeserializationContext ctxt) {
            return absent;
        }

        @Override
        public Boolean getNullValue(DeserializationContext ctxt) throws JsonMappingException {
            return ctxt.reportInputMismatch(Boolean.class, "null is not a boolean; write true or false, or leave the"
                    + " field out for " + absent);
        }
    }

    /** An int field added after format 1: absent means 0. */
    static final class ZeroIfAbsent extends JsonDeserializer<Integer> {
        @Override
        public Integer deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() == JsonToken.VALUE_NUMBER_INT) {
                return p.getIntValue();
            }
            return (Integer) ctxt.handleUnexpectedToken(Integer.class, p);
        }

        @Override
        public Object getAbsentValue(DeserializationContext ctxt) {
            return 0;
        }

        @Override
        public Integer getNullValue(DeserializationContext ctxt) throws JsonMappingException {
            return ctxt.reportInputMismatch(Integer.class, "null is not a whole number; leave the field out for 0");
        }
    }

    /** An enum as its lower-case name: a verbosity {@code "epoch_lines"}, diagnostics {@code "when_verbose"}. */
    static final class LowerCaseSerializer<E extends Enum<E>> extends JsonSerializer<E> {
        @Override
        public void serialize(E v, JsonGenerator g, SerializerProvider p) throws IOException {
            g.writeString(v.name().toLowerCase(Locale.ROOT));
        }
    }

    /** Reads an enum from its lower-case name; {@code absent} (null when the field is required) for a missing field. */
    static final class LowerCaseDeserializer<E extends Enum<E>> extends JsonDeserializer<E> {
        private final Class<E> type;
        private final String what;
        private final E absent;

        LowerCaseDeserializer(Class<E> type, String what, E absent) {
            this.type = type;
            this.what = what;
            this.absent = absent;
        }

        @Override
        public E deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return type.cast(ctxt.handleUnexpectedToken(type, p));
            }
            String text = p.getText();
            for (E v : type.getEnumConstants()) {
                if (v.name().toLowerCase(Locale.ROOT).equals(text)) {
                    return v;
                }
            }
            return type.cast(ctxt.handleWeirdStringValue(type, text, "not " + what));
        }

        @Override
        public Object getAbsentValue(DeserializationContext ctxt) {
            return absent;
        }
    }

    static final class InitializerSerializer extends JsonSerializer<Initializer> {
        @Override
        public void serialize(Initializer init, JsonGenerator g, SerializerProvider p) throws IOException {
            g.writeStartObject();
            if (init instanceof Initializer.Constant c && !isExactly(c.value(), 0.0) && !isExactly(c.value(), 1.0)) {
                g.writeStringField("type", "constant");
                g.writeNumberField("value", c.value());
            } else {
                g.writeStringField("type", init.kerasName());
            }
            g.writeEndObject();
        }

        /** Bit equality, so that −0.0 stays a constant and round-trips exactly. */
        private static boolean isExactly(double a, double b) {
            return Double.doubleToRawLongBits(a) == Double.doubleToRawLongBits(b);
        }
    }

    static final class InitializerDeserializer extends JsonDeserializer<Initializer> {
        @Override
        public Initializer deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.isExpectedStartObjectToken()) {
                return (Initializer) ctxt.handleUnexpectedToken(Initializer.class, p);
            }
            String type = null;
            Double value = null;
            for (String field = p.nextFieldName(); field != null; field = p.nextFieldName()) {
                JsonToken t = p.nextToken();
                switch (field) {
                    case "type" -> {
                        if (t != JsonToken.VALUE_STRING) {
                            ctxt.reportInputMismatch(Initializer.class, "Initializer 'type' must be a string, one of "
                                    + INITIALIZER_TYPES);
                        }
                        type = p.getText();
                    }
                    case "value" -> {
                        if (!t.isNumeric()) {
                            ctxt.reportInputMismatch(Initializer.class, "Initializer 'value' must be a number");
                        }
                        value = p.getDoubleValue();
                    }
                    default -> throw UnrecognizedPropertyException.from(p, Initializer.class, field,
                            List.of("type", "value"));
                }
            }
            return toInitializer(type, value, ctxt);
        }

        private static Initializer toInitializer(String type, Double value, DeserializationContext ctxt)
                throws IOException {
            if (type == null) {
                return ctxt.reportInputMismatch(Initializer.class, "Initializer has no 'type'; expected one of "
                        + INITIALIZER_TYPES);
            }
            if (value != null && !type.equals("constant")) {
                return ctxt.reportInputMismatch(Initializer.class, "Initializer '" + type
                        + "' takes no 'value'; only 'constant' does");
            }
            return switch (type) {
                case "glorot_uniform" -> Initializer.GLOROT_UNIFORM;
                case "glorot_normal" -> Initializer.GLOROT_NORMAL;
                case "he_uniform" -> Initializer.HE_UNIFORM;
                case "he_normal" -> Initializer.HE_NORMAL;
                case "zeros" -> Initializer.ZEROS;
                case "ones" -> Initializer.ONES;
                case "constant" -> value == null
                        ? ctxt.reportInputMismatch(Initializer.class, "Initializer 'constant' needs a 'value'")
                        : new Initializer.Constant(value);
                default -> ctxt.reportInputMismatch(Initializer.class, "Unknown initializer type '" + type
                        + "'; expected one of " + INITIALIZER_TYPES);
            };
        }
    }
}
