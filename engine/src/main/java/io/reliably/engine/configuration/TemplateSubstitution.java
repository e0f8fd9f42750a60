package io.reliably.engine.configuration;

import io.reliably.engine.python.PythonValues;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Chaos Toolkit's substitution ({@code chaoslib/__init__.py}: {@code substitute}, {@code
 * TypedTemplate}) over Python's {@code string.Template.safe_substitute}: {@code ${name}} and
 * {@code $name} are replaced, {@code $$} becomes {@code $}, unknown names and a lone {@code $} stay as
 * they are. A string that is exactly {@code ${name}} (braces) becomes the value with its own JSON
 * type; {@code $name} alone, or a placeholder inside a longer text, becomes text as Python's
 * {@code str()} writes it. Names are ASCII identifiers. Look-up: the configuration first, then each
 * secret group in order. Only values are substituted, never object keys. Immutable.
 */
final class TemplateSubstitution implements Substitution {

    /** {@code string.Template.pattern}: escaped, named, braced, invalid, tried in that order. */
    private static final Pattern TEMPLATE = Pattern.compile(
            "\\$(?:(\\$)|([_A-Za-z][_A-Za-z0-9]*)|\\{([_A-Za-z][_A-Za-z0-9]*)}|())");

    private final Map<String, JsonNode> configuration;
    private final List<Map<String, JsonNode>> secretGroups;

    TemplateSubstitution(Map<String, JsonNode> configuration, Map<String, Map<String, JsonNode>> secrets) {
        this.configuration = new LinkedHashMap<>(configuration);
        this.secretGroups = new ArrayList<>();
        secrets.values().forEach(group -> secretGroups.add(new LinkedHashMap<>(group)));
    }

    /** The value of a name: configuration first, then the secret groups; {@code null} when unknown. */
    private JsonNode lookup(String name) {
        if (configuration.containsKey(name)) {
            return nullToNode(configuration.get(name));
        }
        for (Map<String, JsonNode> group : secretGroups) {
            if (group.containsKey(name)) {
                return nullToNode(group.get(name));
            }
        }
        return null;
    }

    private static JsonNode nullToNode(JsonNode value) {
        return value == null ? JsonNodeFactory.instance.nullNode() : value;
    }

    @Override
    public JsonNode apply(JsonNode value) {
        if (value == null) {
            return null;
        }
        if (value.isTextual()) {
            return substitute(value.textValue(), value);
        }
        if (value.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode(value.size());
            value.forEach(item -> copy.add(apply(item)));
            return copy;
        }
        if (value.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                copy.set(field.getKey(), apply(field.getValue()));
            }
            return copy;
        }
        return value;
    }

    /**
     * {@inheritDoc} A text that is exactly {@code ${name}} whose value is not a string is written as
     * the value's JSON text; elsewhere values are written as Python's {@code str()} does.
     */
    @Override
    public String apply(String text) {
        if (text == null) {
            return null;
        }
        JsonNode result = substitute(text, null);
        return result.isTextual() ? result.textValue() : result.toString();
    }

    private JsonNode substitute(String text, JsonNode original) {
        if (text.isEmpty() || text.indexOf('$') < 0) {
            return original != null ? original : JsonNodeFactory.instance.textNode(text);
        }
        Matcher whole = TEMPLATE.matcher(text);
        if (whole.matches() && whole.group(3) != null) {
            JsonNode value = lookup(whole.group(3));
            if (value != null) {
                return value;
            }
        }
        Matcher matcher = TEMPLATE.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        int last = 0;
        while (matcher.find()) {
            out.append(text, last, matcher.start());
            String name = matcher.group(2) != null ? matcher.group(2) : matcher.group(3);
            if (name != null) {
                JsonNode value = lookup(name);
                out.append(value == null ? matcher.group() : PythonValues.str(value));
            } else if (matcher.group(1) != null) {
                out.append('$');
            } else {
                out.append(matcher.group());
            }
            last = matcher.end();
        }
        out.append(text, last, text.length());
        String result = out.toString();
        if (original != null && result.equals(text)) {
            return original;
        }
        return JsonNodeFactory.instance.textNode(result);
    }
}
