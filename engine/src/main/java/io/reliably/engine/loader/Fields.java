package io.reliably.engine.loader;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Typed reads of fields that record a problem, naming path and found value, when a field is wrong. */
final class Fields {

    /** A string that Chaos Toolkit substitutes whole: {@code "${name}"}. */
    private static final Pattern WHOLE_PLACEHOLDER = Pattern.compile("\\$\\{[_A-Za-z][_A-Za-z0-9]*}");
    /** Any {@code $name} or {@code ${name}} placeholder inside a string. */
    private static final Pattern ANY_PLACEHOLDER = Pattern.compile("\\$(\\{[_A-Za-z][_A-Za-z0-9]*}|[_A-Za-z])");

    private final Problems problems;

    Fields(Problems problems) {
        this.problems = problems;
    }

    Problems problems() {
        return problems;
    }

    void problem(String path, String message) {
        problems.add(path, message);
    }

    static boolean isWholePlaceholder(JsonNode node) {
        return node != null && node.isTextual() && WHOLE_PLACEHOLDER.matcher(node.textValue()).matches();
    }

    static boolean hasPlaceholder(String text) {
        return ANY_PLACEHOLDER.matcher(text).find();
    }

    /** The object, or {@code null} with a problem when the value is something else. */
    ObjectNode object(JsonNode node, String path, String what) {
        if (node != null && node.isObject()) {
            return (ObjectNode) node;
        }
        problem(path, "expected " + what + ", found " + JsonText.describe(node));
        return null;
    }

    /** A required non-empty string field, or {@code null} with a problem. */
    String requiredText(ObjectNode parent, String key, String path) {
        JsonNode value = parent.get(key);
        String at = JsonText.field(path, key);
        if (value == null) {
            problem(at, "required: expected a non-empty string");
            return null;
        }
        return nonEmptyText(value, at);
    }

    String nonEmptyText(JsonNode value, String at) {
        if (!value.isTextual() || value.textValue().isEmpty()) {
            problem(at, "expected a non-empty string, found " + JsonText.describe(value));
            return null;
        }
        return value.textValue();
    }

    /** An optional string field; {@code null} when absent or wrong (with a problem). */
    String optionalText(ObjectNode parent, String key, String path) {
        JsonNode value = parent.get(key);
        if (value == null || value.isNull()) {
            return null;
        }
        return nonEmptyText(value, JsonText.field(path, key));
    }

    /** An optional boolean field. */
    boolean optionalBoolean(ObjectNode parent, String key, String path, boolean absent) {
        JsonNode value = parent.get(key);
        if (value == null) {
            return absent;
        }
        if (!value.isBoolean()) {
            problem(JsonText.field(path, key), "expected true or false, found " + JsonText.describe(value));
            return absent;
        }
        return value.booleanValue();
    }

    /** An optional list of non-empty strings. */
    List<String> optionalTexts(ObjectNode parent, String key, String path) {
        JsonNode value = parent.get(key);
        List<String> texts = new ArrayList<>();
        if (value == null || value.isNull()) {
            return texts;
        }
        String at = JsonText.field(path, key);
        if (!value.isArray()) {
            problem(at, "expected a list of non-empty strings, found " + JsonText.describe(value));
            return texts;
        }
        for (int i = 0; i < value.size(); i++) {
            String text = nonEmptyText(value.get(i), JsonText.item(at, i));
            if (text != null) {
                texts.add(text);
            }
        }
        return texts;
    }

    /**
     * A number of seconds that must be positive (or zero when allowed), or a {@code "${name}"}
     * placeholder resolved at run time.
     */
    boolean seconds(JsonNode value, String at, boolean zeroAllowed) {
        if (isWholePlaceholder(value)) {
            return true;
        }
        String expected = zeroAllowed ? "a number of seconds (0 or more) or a \"${name}\" placeholder"
                : "a number of seconds (more than 0) or a \"${name}\" placeholder";
        if (!value.isNumber()) {
            problem(at, "expected " + expected + ", found " + JsonText.describe(value));
            return false;
        }
        double seconds = value.doubleValue();
        if (Double.isNaN(seconds) || Double.isInfinite(seconds) || seconds < 0 || (!zeroAllowed && seconds == 0)) {
            problem(at, "expected " + expected + ", found " + JsonText.describe(value));
            return false;
        }
        return true;
    }
}
