package dev.warden.http.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.application.error.InvalidArgumentException;
import io.helidon.webserver.http.ServerRequest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads request bodies as ZITADEL's gateway does: an empty body is {@code {}}, field names in
 * lowerCamelCase or snake_case, unknown fields ignored. Anything that is not valid UTF-8 JSON of
 * the expected shape is a 400 with a message naming the problem, never a 500.
 */
public final class JsonBody {

    /** Deeper bodies are refused before binding: no request of this API nests beyond a few levels. */
    static final int MAX_DEPTH = 32;
    private static final String UNPAIRED_SURROGATE = "body holds an unpaired surrogate escape (not Unicode text)";

    private final ObjectMapper mapper;
    private final long maxBytes;

    public JsonBody(ObjectMapper mapper, long maxBytes) {
        this.mapper = mapper;
        this.maxBytes = maxBytes;
    }

    /** The body bound to {@code type}; {@code requestName} names it in error messages. */
    public <T> T read(ServerRequest request, Class<T> type, String requestName) {
        // A declared length over the limit is refused before a byte of the body is read.
        if (request.headers().contentLength().orElse(0) > maxBytes) {
            throw new PayloadTooLargeException(maxBytes);
        }
        byte[] bytes = request.content().hasEntity() ? request.content().as(byte[].class) : new byte[0];
        if (bytes.length > maxBytes) {
            throw new PayloadTooLargeException(maxBytes);
        }
        return parse(bytes, type, requestName);
    }

    <T> T parse(byte[] bytes, Class<T> type, String requestName) {
        JsonNode tree;
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            tree = text.isBlank() ? mapper.createObjectNode()
                    : mapper.readerFor(JsonNode.class).with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(text);
        } catch (CharacterCodingException e) {
            throw invalid(requestName, "body is not valid UTF-8");
        } catch (JsonProcessingException e) {
            throw invalid(requestName, "body is not valid JSON");
        }
        if (tree == null || tree.isNull()) {
            tree = mapper.createObjectNode();
        }
        if (!tree.isObject()) {
            throw invalid(requestName, "body must be a JSON object");
        }
        if (depth(tree, 0) > MAX_DEPTH) {
            throw invalid(requestName, "body is nested too deeply");
        }
        String problem = problem(tree);
        if (problem != null) {
            throw invalid(requestName, problem);
        }
        try {
            return mapper.treeToValue(camelCase(tree), type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw invalid(requestName, "a field has the wrong type" + fieldOf(e));
        }
    }

    private static String fieldOf(Exception e) {
        if (e instanceof com.fasterxml.jackson.databind.JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            List<String> names = new ArrayList<>();
            mapping.getPath().forEach(ref -> names.add(ref.getFieldName() != null ? ref.getFieldName()
                    : "[" + ref.getIndex() + "]"));
            return ": " + String.join(".", names);
        }
        return "";
    }

    private static InvalidArgumentException invalid(String requestName, String problem) {
        return new InvalidArgumentException(null, "invalid " + requestName + ": " + problem);
    }

    private static int depth(JsonNode node, int level) {
        if (level > MAX_DEPTH) {
            return level;
        }
        int max = level;
        for (JsonNode child : node) {
            if (child.isContainerNode()) {
                max = Math.max(max, depth(child, level + 1));
            }
        }
        return max;
    }

    /**
     * What JSON allows but no request of this API may hold, or null: an escaped lone surrogate is
     * no character (UTF-8 cannot encode it, so it could not be stored as sent).
     */
    private static String problem(JsonNode node) {
        if (node.isTextual()) {
            return wellFormed(node.textValue()) ? null : UNPAIRED_SURROGATE;
        }
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String problem = wellFormed(field.getKey()) ? problem(field.getValue()) : UNPAIRED_SURROGATE;
            if (problem != null) {
                return problem;
            }
        }
        if (node.isArray()) {
            for (JsonNode element : node) {
                String problem = problem(element);
                if (problem != null) {
                    return problem;
                }
            }
        }
        return null;
    }

    private static boolean wellFormed(String text) {
        // A surrogate pair is one code point; an unpaired surrogate is a code point in the surrogate range.
        return text.codePoints().noneMatch(c -> c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE);
    }

    /** A copy of the tree with every object key in lowerCamelCase (snake_case is accepted on input). */
    private JsonNode camelCase(JsonNode node) {
        if (node.isObject()) {
            ObjectNode copy = mapper.createObjectNode();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                String key = toCamel(field.getKey());
                // A camelCase key wins over its snake_case twin, whichever comes first.
                if (!copy.has(key) || field.getKey().equals(key)) {
                    copy.set(key, camelCase(field.getValue()));
                }
            }
            return copy;
        }
        if (node.isArray()) {
            var copy = mapper.createArrayNode();
            node.forEach(child -> copy.add(camelCase(child)));
            return copy;
        }
        return node;
    }

    static String toCamel(String key) {
        if (key.indexOf('_') < 0) {
            return key;
        }
        StringBuilder out = new StringBuilder(key.length());
        boolean upper = false;
        for (char c : key.toCharArray()) {
            if (c == '_') {
                upper = out.length() > 0;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }
}
