package io.reliably.engine.loader;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Pattern;

/** Words for JSON values and paths in problem messages. */
final class JsonText {

    private static final int MAX_QUOTED = 60;
    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z0-9_-]+");

    private JsonText() {
    }

    /** The kind of a value, without the value: {@code a string}, {@code a list}. */
    static String kind(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        if (node.isNull()) {
            return "null";
        }
        if (node.isTextual()) {
            return node.textValue().isEmpty() ? "an empty string" : "a string";
        }
        if (node.isBoolean()) {
            return "a boolean";
        }
        if (node.isIntegralNumber()) {
            return "an integer";
        }
        if (node.isNumber()) {
            return "a decimal number";
        }
        if (node.isArray()) {
            return node.isEmpty() ? "an empty list" : "a list";
        }
        if (node.isObject()) {
            return node.isEmpty() ? "an empty object" : "an object";
        }
        return "a " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The value with its kind, short values quoted: {@code the string "abc"}, {@code a list}. */
    static String describe(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull() || node.isContainerNode()) {
            return kind(node);
        }
        if (node.isTextual()) {
            String text = node.textValue();
            if (text.isEmpty()) {
                return "an empty string";
            }
            return "the string " + quote(text);
        }
        if (node.isBoolean()) {
            return node.booleanValue() ? "true" : "false";
        }
        if (node.isNumber()) {
            return "the number " + shorten(node.asText());
        }
        return kind(node);
    }

    /** A text in double quotes, shortened when long, control characters escaped. */
    static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        String shown = shorten(text);
        for (int i = 0; i < shown.length(); i++) {
            char c = shown.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    private static String shorten(String text) {
        return text.length() <= MAX_QUOTED ? text : text.substring(0, MAX_QUOTED) + "…";
    }

    /** The path to a field: {@code method[2].provider}, or {@code configuration["a.b"]}. */
    static String field(String parent, String key) {
        if (!PLAIN_KEY.matcher(key).matches()) {
            return parent + "[" + quote(key) + "]";
        }
        return parent.isEmpty() ? key : parent + "." + key;
    }

    /** The path to a list item: {@code method[2]}. */
    static String item(String parent, int index) {
        return parent + "[" + index + "]";
    }
}
