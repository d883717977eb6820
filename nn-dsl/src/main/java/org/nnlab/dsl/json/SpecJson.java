package org.nnlab.dsl.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.nnlab.core.io.AtomicFile;
import org.nnlab.dsl.spec.ModelSpec;

/**
 * Model specs to and from JSON, like Keras's {@code model.to_json()} and {@code model_from_json}.
 *
 * <p>The format is documented in nn-dsl's README: a {@code "format"} version first, then
 * {@code name}, {@code seed}, {@code input_shape}, {@code layers} and an optional {@code training}.
 * Writing then reading gives an equal spec. Reading is strict: unknown fields, unknown types,
 * missing fields, duplicate keys and trailing content are errors, and every error is a
 * {@link SpecFormatException} naming the line, column and JSON path. A spec nests a few levels
 * deep, so JSON nested deeper than {@value #MAX_DEPTH} levels is refused where it gets too deep,
 * before anything is built; a spec file is at most {@value #MAX_FILE_BYTES} bytes of UTF-8.
 */
public final class SpecJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new CoreTypesModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    /** The deepest nesting of arrays and objects a spec may have; nnlab's own specs nest at most 5 levels. */
    public static final int MAX_DEPTH = 64;
    /** The largest spec file {@link #read} reads: a spec is a few kilobytes. */
    public static final int MAX_FILE_BYTES = 16 << 20;

    private SpecJson() {
    }

    /** The spec as pretty-printed JSON. */
    public static String toJson(ModelSpec spec) {
        try {
            return MAPPER.writeValueAsString(spec) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write spec '" + spec.name() + "' as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Reads a spec from JSON text.
     *
     * @throws SpecFormatException if the text is not a valid spec, with line, column and path
     */
    public static ModelSpec fromJson(String json) {
        return fromJson(json, "<string>");
    }

    /**
     * Reads a spec from JSON text that came from {@code source} (used in messages).
     *
     * @throws SpecFormatException if the text is not a valid spec, with line, column and path
     */
    public static ModelSpec fromJson(String json, String source) {
        requireShallow(json, source);
        try {
            JsonNode tree = MAPPER.readTree(json);
            if (tree == null || !tree.isObject()) {
                throw new SpecFormatException(source, "$", 1, 1, "Expected a JSON object describing a model but got "
                        + (tree == null ? "nothing" : tree.getNodeType().toString().toLowerCase(java.util.Locale.ROOT)), null);
            }
            new FieldCheck(MAPPER, json, source).check(tree);
            ModelSpec spec = MAPPER.readValue(json, ModelSpec.class);
            if (spec == null) {
                throw new SpecFormatException(source, "$", 1, 1, "The JSON is null; expected a model object", null);
            }
            return spec;
        } catch (JsonProcessingException e) {
            throw translate(e, source);
        }
    }

    /**
     * Reads a spec from a JSON file.
     *
     * @throws SpecFormatException if the file is a directory, too large, not UTF-8 or not a valid spec
     */
    public static ModelSpec read(Path file) throws IOException {
        String source = file.toString();
        if (Files.isDirectory(file)) {
            throw new SpecFormatException(source, "is a directory, not a JSON spec. Hint: pass the path of the .json"
                    + " file inside it.");
        }
        long size = Files.size(file);
        if (size > MAX_FILE_BYTES) {
            throw new SpecFormatException(source, "is " + size + " bytes; a model spec is a few kilobytes of JSON (at"
                    + " most " + MAX_FILE_BYTES + " are read). Hint: is this the right file? A saved model (.nnlab) is"
                    + " loaded with Model.load.");
        }
        byte[] bytes = Files.readAllBytes(file);
        try {
            return fromJson(StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString(), source);
        } catch (CharacterCodingException e) {
            throw new SpecFormatException(source, "is not UTF-8 text" + (bytes.length > 1 && bytes[0] == 'P'
                    && bytes[1] == 'K' ? " but a ZIP archive" : "") + ". Hint: a JSON spec is UTF-8 text; a saved model"
                    + " (.nnlab) is loaded with Model.load.");
        }
    }

    /**
     * Fails where {@code json} nests deeper than {@value #MAX_DEPTH}, or breaks one of Jackson's
     * read limits (number or string length), with the line and column the parser is at.
     */
    private static void requireShallow(String json, String source) {
        try (JsonParser p = MAPPER.createParser(json)) {
            int depth = 0;
            try {
                for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                    if (t.isStructStart() && ++depth > MAX_DEPTH) {
                        JsonLocation loc = p.currentTokenLocation();
                        throw new SpecFormatException(source, FieldCheck.path(p.getParsingContext()), loc.getLineNr(),
                                loc.getColumnNr(), "JSON nested more than " + MAX_DEPTH + " levels deep; a model spec"
                                + " nests a few (model, layers, layer, field). Hint: the document is damaged or is not"
                                + " a model spec.", null);
                    }
                    depth -= t.isStructEnd() ? 1 : 0;
                }
            } catch (StreamConstraintsException e) {
                JsonLocation loc = p.currentLocation();
                throw new SpecFormatException(source, FieldCheck.path(p.getParsingContext()), loc.getLineNr(),
                        loc.getColumnNr(), "Malformed JSON: " + e.getOriginalMessage(), e);
            }
        } catch (JsonProcessingException e) {
            // Malformed JSON: the full parse below reports it with its location.
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a spec to a JSON file atomically: a crash leaves the previous file intact. */
    public static void write(ModelSpec spec, Path file) throws IOException {
        AtomicFile.writeString(file, toJson(spec));
    }

    private static SpecFormatException translate(JsonProcessingException e, String source) {
        JsonLocation loc = e.getLocation() != null || !(e.getProcessor() instanceof JsonParser p) ? e.getLocation()
                : p.currentLocation();
        int line = loc == null ? -1 : loc.getLineNr();
        int column = loc == null ? -1 : loc.getColumnNr();
        String path = e instanceof JsonMappingException m ? path(m.getPath())
                : e.getProcessor() instanceof JsonParser p ? FieldCheck.path(p.getParsingContext()) : "$";
        return new SpecFormatException(source, path, line, column, problem(e), e);
    }

    private static String problem(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            List<String> known = new ArrayList<>();
            if (u.getKnownPropertyIds() != null) {
                u.getKnownPropertyIds().forEach(k -> known.add(String.valueOf(k)));
            }
            known.sort(null);
            return "Unknown field '" + u.getPropertyName() + "'; the fields here are " + known
                    + ". Hint: field names are snake_case, as in Keras (use_bias, learning_rate).";
        }
        if (e instanceof InvalidTypeIdException t) {
            List<String> names = List.copyOf(new FieldCheck(MAPPER, "", "").subtypes(t.getBaseType().getRawClass()).keySet());
            return t.getTypeId() == null
                    ? "Missing 'type' field; expected one of " + names
                    : "Unknown type '" + t.getTypeId() + "'; expected one of " + names;
        }
        if (e instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()) {
            return "Unknown value '" + f.getValue() + "'; expected one of " + enumNames(f.getTargetType());
        }
        if (e instanceof ValueInstantiationException v && v.getCause() instanceof IllegalArgumentException a) {
            return a.getMessage();
        }
        String message = e.getOriginalMessage();
        if (message.startsWith("Missing required creator property")) {
            return "Missing required field " + message.substring(message.indexOf('\''), message.lastIndexOf('\'') + 1);
        }
        if (e instanceof JsonMappingException) {
            int hint = message.indexOf(" (but ");
            return hint > 0 ? message.substring(0, hint) : message;
        }
        return "Malformed JSON: " + message;
    }

    private static String path(List<JsonMappingException.Reference> refs) {
        StringBuilder sb = new StringBuilder("$");
        for (JsonMappingException.Reference r : refs) {
            if (CoreTypesModule.OPTIONS.equals(r.getFieldName())) {
                continue; // an optimizer's options are flat in the JSON; the nesting is only how they are read
            }
            if (r.getFieldName() != null) {
                sb.append('.').append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static List<String> enumNames(Class<?> type) {
        List<String> names = new ArrayList<>();
        for (Object c : type.getEnumConstants()) {
            try {
                names.add(MAPPER.writeValueAsString(c).replace("\"", ""));
            } catch (JsonProcessingException ex) {
                throw new UncheckedIOException(ex);
            }
        }
        return names;
    }
}
