package dev.parapet.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads request bodies field by field, so that every mistake gets its own message and {@code param}
 * instead of a generic mapping error. Typed getters return null for an absent or null field.
 */
final class JsonBody {

    private static final ObjectReader READER = new ObjectMapper()
            .reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final JsonNode root;

    private JsonBody(JsonNode root) {
        this.root = root;
    }

    static JsonBody parse(String body, long maxBytes) {
        if (body == null || body.isBlank()) {
            throw ApiException.invalid(null, "invalid_json", "The request body is empty; expected a JSON object.");
        }
        long bytes = body.length() <= maxBytes / 3 ? body.length() : body.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > maxBytes) {
            throw new ApiException(413, "invalid_request_error", "request_too_large", null,
                    "The request body is " + bytes + " bytes; the limit is " + maxBytes + " bytes.");
        }
        JsonNode root;
        try {
            root = READER.readTree(body);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw ApiException.invalid(null, "invalid_json", "The request body is not valid JSON" + where + ": " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw ApiException.invalid(null, "invalid_json", "The request body must be a JSON object.");
        }
        return new JsonBody(root);
    }

    JsonNode root() {
        return root;
    }

    boolean has(String field) {
        return root.hasNonNull(field);
    }

    JsonNode node(String field) {
        JsonNode n = root.get(field);
        return n == null || n.isNull() ? null : n;
    }

    String string(String field) {
        JsonNode n = node(field);
        if (n == null) {
            return null;
        }
        if (!n.isTextual()) {
            throw wrongType(field, "a string", n);
        }
        return n.asText();
    }

    Boolean bool(String field) {
        JsonNode n = node(field);
        if (n == null) {
            return null;
        }
        if (!n.isBoolean()) {
            throw wrongType(field, "a boolean", n);
        }
        return n.asBoolean();
    }

    Double number(String field, double min, double max) {
        JsonNode n = node(field);
        if (n == null) {
            return null;
        }
        if (!n.isNumber()) {
            throw wrongType(field, "a number", n);
        }
        double v = n.asDouble();
        if (!(v >= min && v <= max)) {
            throw ApiException.invalid(field, "invalid_value", "'" + field + "' must lie between " + min + " and " + max + ", not " + n + ".");
        }
        return v;
    }

    Long integer(String field, long min, long max) {
        JsonNode n = node(field);
        if (n == null) {
            return null;
        }
        if (!n.isIntegralNumber() || !n.canConvertToLong()) {
            throw wrongType(field, "an integer", n);
        }
        long v = n.asLong();
        if (v < min || v > max) {
            throw ApiException.invalid(field, "invalid_value", "'" + field + "' must lie between " + min + " and " + max + ", not " + v + ".");
        }
        return v;
    }

    /** A string or a list of strings, as OpenAI's {@code stop}. */
    List<String> stringOrList(String field, int maxItems) {
        JsonNode n = node(field);
        if (n == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        if (n.isTextual()) {
            out.add(n.asText());
        } else if (n.isArray()) {
            for (JsonNode item : n) {
                if (!item.isTextual()) {
                    throw wrongType(field, "a string or a list of strings", n);
                }
                out.add(item.asText());
            }
        } else {
            throw wrongType(field, "a string or a list of strings", n);
        }
        if (out.size() > maxItems) {
            throw ApiException.invalid(field, "invalid_value", "'" + field + "' takes at most " + maxItems + " entries.");
        }
        return out;
    }

    static ApiException wrongType(String field, String expected, JsonNode actual) {
        return ApiException.invalid(field, "invalid_type", "'" + field + "' must be " + expected + ", not " + describe(actual) + ".");
    }

    static String describe(JsonNode n) {
        return switch (n.getNodeType()) {
            case ARRAY -> "a list";
            case OBJECT -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            default -> n.getNodeType().name().toLowerCase();
        };
    }
}
