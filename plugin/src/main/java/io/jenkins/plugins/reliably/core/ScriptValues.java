package io.jenkins.plugins.reliably.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Between Pipeline scripts and JSON: what a script passes (maps, lists, strings, Groovy strings,
 * numbers, booleans) as JSON, and JSON as what a script can keep (LinkedHashMap, ArrayList, String,
 * numbers, booleans: all serializable for Pipeline's program state).
 */
public final class ScriptValues {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ScriptValues() {
    }

    /** A script value as JSON; anything else than maps, lists, numbers and booleans becomes its text. */
    public static JsonNode toJson(Object value) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (value == null) {
            return f.nullNode();
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode node = f.objectNode();
            map.forEach((k, v) -> node.set(String.valueOf(k), toJson(v)));
            return node;
        }
        if (value instanceof Iterable<?> list) {
            ArrayNode node = f.arrayNode();
            list.forEach(v -> node.add(toJson(v)));
            return node;
        }
        if (value instanceof Boolean b) {
            return f.booleanNode(b);
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return f.numberNode(((Number) value).longValue());
        }
        if (value instanceof BigInteger big) {
            return f.numberNode(big);
        }
        if (value instanceof BigDecimal big) {
            return f.numberNode(big);
        }
        if (value instanceof Number n) {
            return f.numberNode(n.doubleValue());
        }
        return f.textNode(String.valueOf(value));
    }

    /** JSON as a script value. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> toMap(JsonNode object) {
        return MAPPER.convertValue(object, LinkedHashMap.class);
    }

    /** JSON as a list for a script. */
    @SuppressWarnings("unchecked")
    public static List<Object> toList(JsonNode array) {
        return MAPPER.convertValue(array, java.util.ArrayList.class);
    }
}
