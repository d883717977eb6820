package org.nnlab.dsl.json;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.nnlab.core.init.Initializer;
import org.nnlab.core.layer.Activation;
import org.nnlab.core.train.Metric;
import org.nnlab.core.train.Verbosity;

/**
 * JSON forms for the nn-core types a spec uses, which carry no Jackson annotations.
 *
 * <p>An activation is its Keras name ({@code "relu"}), a metric its History key ({@code "accuracy"}),
 * a verbosity its lower-case name ({@code "epoch_lines"}). An initializer is an object with a
 * {@code "type"}: {@code {"type": "glorot_uniform"}}, {@code "glorot_normal"}, {@code "he_uniform"},
 * {@code "he_normal"}, {@code "zeros"}, {@code "ones"}, or {@code {"type": "constant", "value": 0.5}}.
 */
final class CoreTypesModule extends SimpleModule {
    static final List<String> INITIALIZER_TYPES =
            List.of("glorot_uniform", "glorot_normal", "he_uniform", "he_normal", "zeros", "ones", "constant");

    CoreTypesModule() {
        super("nnlab-core-types");
        setMixInAnnotation(Activation.class, ActivationMixin.class);
        setMixInAnnotation(Metric.class, MetricMixin.class);
        addSerializer(Verbosity.class, new VerbositySerializer());
        addDeserializer(Verbosity.class, new VerbosityDeserializer());
        addSerializer(Initializer.class, new InitializerSerializer());
        addDeserializer(Initializer.class, new InitializerDeserializer());
    }

    /** Gives {@link Activation} its Keras name in JSON, both ways. */
    abstract static class ActivationMixin {
        @JsonValue
        abstract String kerasName();
    }

    /** Gives {@link Metric} its History key in JSON ({@code "accuracy"}), both ways. */
    abstract static class MetricMixin {
        @JsonValue
        abstract String key();
    }

    /** {@link Verbosity} as its lower-case name, {@code "epoch_lines"}. */
    static final class VerbositySerializer extends JsonSerializer<Verbosity> {
        @Override
        public void serialize(Verbosity v, JsonGenerator g, SerializerProvider p) throws IOException {
            g.writeString(v.name().toLowerCase(Locale.ROOT));
        }
    }

    static final class VerbosityDeserializer extends JsonDeserializer<Verbosity> {
        @Override
        public Verbosity deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return (Verbosity) ctxt.handleUnexpectedToken(Verbosity.class, p);
            }
            String text = p.getText();
            for (Verbosity v : Verbosity.values()) {
                if (v.name().toLowerCase(Locale.ROOT).equals(text)) {
                    return v;
                }
            }
            return (Verbosity) ctxt.handleWeirdStringValue(Verbosity.class, text, "not a verbosity");
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
