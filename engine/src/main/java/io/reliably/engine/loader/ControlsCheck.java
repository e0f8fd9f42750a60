package io.reliably.engine.loader;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Set;

/**
 * Refuses controls ({@code chaoslib/control/__init__.py}): Chaos Toolkit controls are Python modules,
 * and the integrations they provide are configured in Jenkins or on the command line here.
 */
final class ControlsCheck {

    static final String PYTHON_REFUSED = "python controls are not supported: integrations (notifications,"
            + " tracing, safeguards, pauses) are configured in Jenkins or on the command line, not as"
            + " controls in the experiment";

    private final Fields fields;
    private final Set<String> topLevelNames = new HashSet<>();

    ControlsCheck(Fields fields) {
        this.fields = fields;
    }

    /** Names the top-level controls, which other controls may {@code ref}. */
    void topLevel(JsonNode controls) {
        if (controls != null && controls.isArray()) {
            for (JsonNode control : controls) {
                JsonNode name = control.get("name");
                if (control.isObject() && !control.has("ref") && name != null && name.isTextual()) {
                    topLevelNames.add(name.textValue());
                }
            }
        }
    }

    void check(JsonNode controls, String path) {
        if (controls == null || controls.isNull()) {
            return;
        }
        if (!controls.isArray()) {
            fields.problem(path, "expected a list of controls, found " + JsonText.describe(controls));
            return;
        }
        for (int i = 0; i < controls.size(); i++) {
            control(controls.get(i), JsonText.item(path, i));
        }
    }

    private void control(JsonNode control, String path) {
        if (!control.isObject()) {
            fields.problem(path, "expected a control (an object with \"name\" and \"provider\"), found "
                    + JsonText.describe(control));
            return;
        }
        JsonNode ref = control.get("ref");
        if (ref != null) {
            if (!ref.isTextual() || !topLevelNames.contains(ref.textValue())) {
                fields.problem(JsonText.field(path, "ref"), "expected the name of a control declared in the"
                        + " experiment's top-level \"controls\", found " + JsonText.describe(ref));
            }
            return;
        }
        JsonNode provider = control.get("provider");
        JsonNode type = provider == null ? null : provider.get("type");
        if (type != null && type.isTextual() && type.textValue().equals("python")) {
            fields.problem(JsonText.field(JsonText.field(path, "provider"), "type"), PYTHON_REFUSED);
            return;
        }
        if (provider == null) {
            fields.problem(JsonText.field(path, "provider"), "required: a control needs a provider; "
                    + PYTHON_REFUSED);
            return;
        }
        fields.problem(JsonText.field(path, "provider"), "controls are not supported (Chaos Toolkit runs only"
                + " python controls); found a provider of " + JsonText.describe(type));
    }
}
