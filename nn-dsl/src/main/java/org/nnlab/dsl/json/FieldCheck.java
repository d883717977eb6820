package org.nnlab.dsl.json;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;
import org.nnlab.dsl.spec.ModelSpec;

/**
 * Finds the first field that no spec record declares, before Jackson builds anything.
 *
 * <p>Jackson builds records through their constructors and reports unknown fields only after
 * the constructor has run, so a misspelt required field ({@code "unitz"}) would surface as
 * "missing 'units'". This check walks the JSON tree against the records' {@link JsonProperty}
 * names (following each {@code "type"} to its subtype) and reports the unknown field itself, at
 * its line and column.
 */
final class FieldCheck {
    private final ObjectMapper mapper;
    private final String json;
    private final String source;

    FieldCheck(ObjectMapper mapper, String json, String source) {
        this.mapper = mapper;
        this.json = json;
        this.source = source;
    }

    /**
     * Throws a {@link SpecFormatException} if the format version is missing or not {@value ModelSpec#FORMAT},
     * else at the first unknown field of the model document {@code root}.
     */
    void check(JsonNode root) {
        JsonNode format = root.get("format");
        if (format == null) {
            throw new SpecFormatException(source, "$.format", 1, 1, "Missing required field 'format'."
                    + " Hint: a model document starts with \"format\": " + ModelSpec.FORMAT + ".", null);
        }
        if (!format.isInt() || format.intValue() != ModelSpec.FORMAT) {
            JsonLocation loc = locate("/format");
            boolean newer = format.isNumber() && format.asDouble() > ModelSpec.FORMAT;
            throw new SpecFormatException(source, "$.format", loc == null ? -1 : loc.getLineNr(),
                    loc == null ? -1 : loc.getColumnNr(), "Model format " + format + " is not supported; this nnlab"
                    + " reads format " + ModelSpec.FORMAT + "." + (newer ? " Hint: the document was written by a"
                    + " newer nnlab; upgrade nnlab to read it." : ""), null);
        }
        walk(root, ModelSpec.class, "$", "");
    }

    private void walk(JsonNode node, Type type, String path, String pointer) {
        if (type instanceof ParameterizedType pt && pt.getRawType() == java.util.List.class) {
            for (int i = 0; node.isArray() && i < node.size(); i++) {
                walk(node.get(i), pt.getActualTypeArguments()[0], path + "[" + i + "]", pointer + "/" + i);
            }
            return;
        }
        if (!(type instanceof Class<?> cls) || !node.isObject()) {
            return;
        }
        boolean polymorphic = cls.isAnnotationPresent(JsonSubTypes.class);
        Class<?> record = polymorphic ? subtype(cls, node.get("type")) : cls;
        if (record == null || !record.isRecord()) {
            return;
        }
        Set<String> known = new TreeSet<>();
        if (polymorphic) {
            known.add("type");
        }
        if (record == ModelSpec.class) {
            known.add("format");
        }
        for (RecordComponent c : record.getRecordComponents()) {
            JsonProperty jp = c.getAccessor().getAnnotation(JsonProperty.class);
            if (jp != null) {
                known.add(jp.value());
            }
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!known.contains(field)) {
                throw unknown(path + "." + field, pointer + "/" + escape(field), field, known);
            }
        }
        for (RecordComponent c : record.getRecordComponents()) {
            JsonProperty jp = c.getAccessor().getAnnotation(JsonProperty.class);
            if (jp != null && node.has(jp.value())) {
                walk(node.get(jp.value()), c.getGenericType(), path + "." + jp.value(), pointer + "/" + escape(jp.value()));
            }
        }
    }

    private static Class<?> subtype(Class<?> base, JsonNode typeNode) {
        if (typeNode == null || !typeNode.isTextual()) {
            return null;
        }
        for (JsonSubTypes.Type t : base.getAnnotation(JsonSubTypes.class).value()) {
            if (t.name().equals(typeNode.asText())) {
                return t.value();
            }
        }
        return null;
    }

    private SpecFormatException unknown(String path, String pointer, String field, Set<String> known) {
        JsonLocation loc = locate(pointer);
        return new SpecFormatException(source, path, loc == null ? -1 : loc.getLineNr(), loc == null ? -1 : loc.getColumnNr(),
                "Unknown field '" + field + "'; the fields here are " + known
                        + ". Hint: field names are snake_case, as in Keras (use_bias, learning_rate).", null);
    }

    /** The location of the field name at JSON pointer {@code pointer}, by streaming the text again. */
    private JsonLocation locate(String pointer) {
        try (JsonParser p = mapper.createParser(json)) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.FIELD_NAME && pointer.equals(p.getParsingContext().pathAsPointer().toString())) {
                    return p.currentTokenLocation();
                }
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }

    private static String escape(String field) {
        return field.replace("~", "~0").replace("/", "~1");
    }

    /** The JSON path of a parser position, e.g. {@code $.layers[1].units}. */
    static String path(JsonStreamContext ctx) {
        StringBuilder sb = new StringBuilder();
        for (JsonStreamContext c = ctx; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                sb.insert(0, "[" + Math.max(0, c.getCurrentIndex()) + "]");
            } else if (c.getCurrentName() != null) {
                sb.insert(0, "." + c.getCurrentName());
            }
        }
        return "$" + sb;
    }
}
