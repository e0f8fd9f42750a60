package io.reliably.engine.loader;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Set;

/**
 * Checks the shape of the {@code configuration} and {@code secrets} blocks ({@code
 * chaoslib/configuration.py}, {@code chaoslib/secret.py}) without reading the environment: values are
 * resolved when the run starts. Problems about secrets never quote a value.
 */
final class ValuesCheck {

    /** The {@code env_var_type} names {@code convert_to_type} knows. */
    static final Set<String> ENV_VAR_TYPES = Set.of("str", "string", "int", "integer", "float", "number", "bytes",
            "bool", "json");

    private final Fields fields;
    private final ActivityReader activities;

    ValuesCheck(Fields fields, ActivityReader activities) {
        this.fields = fields;
        this.activities = activities;
    }

    void configuration(JsonNode node) {
        if (node == null || node.isNull()) {
            return;
        }
        ObjectNode configuration = fields.object(node, "configuration", "an object of names to values");
        if (configuration == null) {
            return;
        }
        for (Map.Entry<String, JsonNode> entry : configuration.properties()) {
            JsonNode value = entry.getValue();
            String path = JsonText.field("configuration", entry.getKey());
            if (!value.isObject() || !value.has("type")) {
                continue;
            }
            JsonNode type = value.get("type");
            if (type.isTextual() && type.textValue().equals("env")) {
                env((ObjectNode) value, path, true);
            } else if (type.isTextual() && type.textValue().equals("probe")) {
                activities.read((ObjectNode) value, path, false);
            }
        }
    }

    private void env(ObjectNode declaration, String path, boolean withDefault) {
        fields.requiredText(declaration, "key", path);
        if (withDefault) {
            JsonNode type = declaration.get("env_var_type");
            if (type != null && !type.isNull() && !(type.isTextual() && ENV_VAR_TYPES.contains(type.textValue()))) {
                fields.problem(JsonText.field(path, "env_var_type"), "expected one of \"str\", \"int\", \"float\","
                        + " \"bytes\", \"bool\" or \"json\" (or \"string\", \"integer\", \"number\"), found "
                        + JsonText.describe(type));
            }
        } else {
            if (declaration.has("default")) {
                fields.problem(JsonText.field(path, "default"), "a secret read from the environment takes no"
                        + " default (Chaos Toolkit ignores it): set the environment variable, or use a"
                        + " configuration value for something that is not secret");
            }
        }
    }

    void secrets(JsonNode node) {
        if (node == null || node.isNull()) {
            return;
        }
        if (!node.isObject()) {
            fields.problem("secrets", "expected an object of secret groups, found " + JsonText.kind(node));
            return;
        }
        for (Map.Entry<String, JsonNode> group : node.properties()) {
            String groupPath = JsonText.field("secrets", group.getKey());
            JsonNode keys = group.getValue();
            if (!keys.isObject() || keys.has("type") && keys.get("type").isTextual()
                    && Set.of("env", "vault").contains(keys.get("type").textValue())) {
                fields.problem(groupPath, "expected a secret group: an object of names to secrets, such as"
                        + " {\"token\": {\"type\": \"env\", \"key\": \"MY_TOKEN\"}}; found "
                        + (keys.isObject() ? "a secret declaration where a group belongs" : JsonText.kind(keys)));
                continue;
            }
            for (Map.Entry<String, JsonNode> secret : keys.properties()) {
                JsonNode value = secret.getValue();
                String path = JsonText.field(groupPath, secret.getKey());
                if (!value.isObject() || !value.has("type")) {
                    continue;
                }
                JsonNode type = value.get("type");
                if (type.isTextual() && type.textValue().equals("env")) {
                    env((ObjectNode) value, path, false);
                } else if (type.isTextual() && type.textValue().equals("vault")) {
                    JsonNode vaultPath = value.get("path");
                    if (vaultPath != null && !vaultPath.isTextual()) {
                        fields.problem(JsonText.field(path, "path"), "expected a string, found "
                                + JsonText.describe(vaultPath));
                    }
                }
            }
        }
    }
}
