package org.nnlab.dsl.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.AnnotatedClass;
import com.fasterxml.jackson.databind.introspect.AnnotatedClassResolver;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import java.io.IOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.nnlab.core.optim.OptimizerOptions;
import org.nnlab.dsl.spec.ModelSpec;

/**
 * Finds the first field that no spec type declares, before Jackson builds anything.
 *
 * <p>Jackson builds records through their constructors and reports unknown fields only after
 * the constructor has run, so a misspelt required field ({@code "unitz"}) would surface as
 * "missing 'units'". This check walks the JSON tree against the properties Jackson itself knows
 * for each type (its own records' annotations and the mix-ins that name nn-core's records,
 * following each {@code "type"} to its subtype) and reports the unknown field itself, at its line
 * and column.
 */
final class FieldCheck {
    private final ObjectMapper mapper;
    private final String json;
    private final String source;
    /** Each type's named subtypes and each record's properties, asked of Jackson once per check, not per object. */
    private final Map<Class<?>, Map<String, Class<?>>> subtypesOf = new HashMap<>();
    private final Map<Class<?>, Map<String, JavaType>> propertiesOf = new HashMap<>();

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
        if (!format.isInt() || (format.intValue() != ModelSpec.FORMAT && format.intValue() != ModelSpec.FLOAT64_FORMAT)) {
            JsonLocation loc = locate("/format");
            boolean newer = format.isNumber() && format.asDouble() > ModelSpec.FORMAT;
            throw new SpecFormatException(source, "$.format", loc == null ? -1 : loc.getLineNr(),
                    loc == null ? -1 : loc.getColumnNr(), "Model format " + format + " is not supported; this nnlab"
                    + " reads formats " + ModelSpec.FLOAT64_FORMAT + " and " + ModelSpec.FORMAT + "."
                    + (newer ? " Hint: the document was written by a newer nnlab; upgrade nnlab to read it." : ""), null);
        }
        walk(root, mapper.constructType(ModelSpec.class), "$", "");
    }

    private void walk(JsonNode node, JavaType type, String path, String pointer) {
        if (type.isCollectionLikeType()) {
            for (int i = 0; node.isArray() && i < node.size(); i++) {
                walk(node.get(i), type.getContentType(), path + "[" + i + "]", pointer + "/" + i);
            }
            return;
        }
        if (!node.isObject()) {
            return;
        }
        Class<?> raw = type.getRawClass();
        Map<String, Class<?>> subtypes = CoreTypesModule.CUSTOM_FAMILIES.containsKey(raw)
                ? CoreTypesModule.CUSTOM_FAMILIES.get(raw) : subtypesOf.computeIfAbsent(raw, this::subtypes);
        boolean polymorphic = !subtypes.isEmpty();
        String typeName = node.path("type").asText(null);
        Class<?> target = !polymorphic ? raw : typeName == null ? null : subtypes.get(typeName);
        if (target == null || !target.isRecord()) {
            return; // a missing or unknown type, or a type with its own strict deserializer: Jackson reports it
        }
        Map<String, JavaType> known = propertiesOf.computeIfAbsent(target, this::properties);
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!known.containsKey(field) && !(polymorphic && field.equals("type"))) {
                Set<String> names = new TreeSet<>(known.keySet());
                if (polymorphic) {
                    names.add("type");
                }
                throw unknown(path + "." + field, pointer + "/" + escape(field), field, names);
            }
        }
        for (Map.Entry<String, JavaType> p : known.entrySet()) {
            if (node.has(p.getKey())) {
                walk(node.get(p.getKey()), p.getValue(), path + "." + p.getKey(), pointer + "/" + escape(p.getKey()));
            }
        }
    }

    /** The properties Jackson deserializes for the record {@code target}, by JSON name, sorted. */
    private Map<String, JavaType> properties(Class<?> target) {
        Map<String, JavaType> known = new TreeMap<>();
        for (BeanPropertyDefinition p : mapper.getDeserializationConfig().introspect(mapper.constructType(target))
                .findProperties()) {
            known.put(p.getName(), p.getPrimaryType());
        }
        if (target == ModelSpec.class) {
            known.putIfAbsent("format", mapper.constructType(int.class));
        }
        if (known.remove(CoreTypesModule.OPTIONS) != null) {
            // An optimizer's options are written flat beside its own fields.
            for (BeanPropertyDefinition p : mapper.getDeserializationConfig()
                    .introspect(mapper.constructType(OptimizerOptions.class)).findProperties()) {
                known.put(p.getName(), p.getPrimaryType());
            }
        }
        return known;
    }

    /** The named subtypes Jackson knows for {@code base} (through annotations or mix-ins), by JSON name, sorted. */
    Map<String, Class<?>> subtypes(Class<?> base) {
        Map<String, Class<?>> byName = new TreeMap<>();
        DeserializationConfig config = mapper.getDeserializationConfig();
        AnnotatedClass annotated = AnnotatedClassResolver.resolveWithoutSuperTypes(config, base);
        for (NamedType t : mapper.getSubtypeResolver().collectAndResolveSubtypesByClass(config, annotated)) {
            if (t.hasName() && t.getType() != base) {
                byName.put(t.getName(), t.getType());
            }
        }
        return byName;
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
