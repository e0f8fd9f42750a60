package io.reliably.engine.tolerance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.reliably.engine.configuration.Substitution;
import io.reliably.engine.python.PythonValues;
import java.util.Map;

/**
 * Substitution over fixed values, for tests of code that receives a {@link Substitution}: an exact
 * {@code ${name}} keeps the value's type, a placeholder inside text becomes its Python {@code str()}.
 * (The configuration module owns the real one; this keeps these tests independent of its loading.)
 */
final class FixedSubstitution implements Substitution {

    private final Map<String, JsonNode> values;

    FixedSubstitution(Map<String, JsonNode> values) {
        this.values = values;
    }

    static FixedSubstitution none() {
        return new FixedSubstitution(Map.of());
    }

    @Override
    public JsonNode apply(JsonNode value) {
        if (value == null) {
            return null;
        }
        if (value.isTextual()) {
            String text = value.textValue();
            if (text.startsWith("${") && text.endsWith("}") && text.indexOf('}') == text.length() - 1) {
                JsonNode found = values.get(text.substring(2, text.length() - 1));
                if (found != null) {
                    return found;
                }
            }
            return TextNode.valueOf(apply(text));
        }
        if (value.isArray()) {
            ArrayNode copy = ((ArrayNode) value).arrayNode();
            value.forEach(element -> copy.add(apply(element)));
            return copy;
        }
        if (value.isObject()) {
            ObjectNode copy = ((ObjectNode) value).objectNode();
            value.fields().forEachRemaining(field -> copy.set(field.getKey(), apply(field.getValue())));
            return copy;
        }
        return value;
    }

    @Override
    public String apply(String text) {
        String result = text;
        for (Map.Entry<String, JsonNode> entry : values.entrySet()) {
            result = result.replace("${" + entry.getKey() + "}", PythonValues.str(entry.getValue()));
        }
        return result;
    }
}
