package io.reliably.engine.secret;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Replaces every resolved secret value with {@value #MASK} wherever it would be shown: activity
 * outputs, errors, the experiment copy in the journal, progress lines. Chaos Toolkit writes secrets as
 * they are; we never do. Immutable.
 */
public final class SecretMasker {

    /** What a secret value becomes. */
    public static final String MASK = "***";

    /** A masker that masks nothing. */
    public static final SecretMasker NONE = new SecretMasker(List.of());

    private final List<String> values;

    /** @param secretValues the values to hide; empty strings are ignored */
    public SecretMasker(Collection<String> secretValues) {
        List<String> kept = new ArrayList<>();
        for (String value : secretValues) {
            if (value != null && !value.isEmpty() && !kept.contains(value)) {
                kept.add(value);
            }
        }
        // Longest first, so a secret that contains another is masked whole.
        kept.sort(Comparator.comparingInt(String::length).reversed());
        this.values = List.copyOf(kept);
    }

    /** A masker that hides these values too. */
    public SecretMasker with(Collection<String> more) {
        List<String> all = new ArrayList<>(values);
        all.addAll(more);
        return new SecretMasker(all);
    }

    /** Whether there is anything to mask. */
    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** Masks a text; {@code null} stays {@code null}. */
    public String mask(String text) {
        if (text == null || values.isEmpty()) {
            return text;
        }
        String masked = text;
        for (String value : values) {
            if (masked.contains(value)) {
                masked = masked.replace(value, MASK);
            }
        }
        return masked;
    }

    /** Masks every string (values and field names) of a JSON value; returns a new value. */
    public JsonNode mask(JsonNode node) {
        if (node == null || values.isEmpty()) {
            return node;
        }
        if (node.isTextual()) {
            String masked = mask(node.textValue());
            return masked.equals(node.textValue()) ? node : JsonNodeFactory.instance.textNode(masked);
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode(node.size());
            node.forEach(item -> copy.add(mask(item)));
            return copy;
        }
        if (node.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                copy.set(mask(field.getKey()), mask(field.getValue()));
            }
            return copy;
        }
        return node;
    }
}
