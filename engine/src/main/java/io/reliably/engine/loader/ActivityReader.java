package io.reliably.engine.loader;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.reliably.engine.experiment.Activity;
import io.reliably.engine.experiment.ActivityType;
import io.reliably.engine.experiment.Pauses;
import io.reliably.engine.experiment.Provider;
import io.reliably.engine.experiment.Tolerance;

/** Validates and reads one activity ({@code chaoslib/activity.py}, {@code ensure_activity_is_valid}). */
final class ActivityReader {

    static final String EXPECTED_ACTIVITY = "an activity: an object with \"type\", \"name\" and \"provider\","
            + " or {\"ref\": \"name of another activity\"}";

    private final Fields fields;
    private final ProviderReader providers;
    private final ControlsCheck controls;
    private ToleranceReader tolerances;

    ActivityReader(Fields fields, ControlsCheck controls) {
        this.fields = fields;
        this.providers = new ProviderReader(fields);
        this.controls = controls;
    }

    void tolerances(ToleranceReader reader) {
        this.tolerances = reader;
    }

    Provider provider(JsonNode node, String path) {
        return providers.read(node, path);
    }

    /**
     * Reads an activity that is not a {@code ref}.
     *
     * @param withTolerance whether a tolerance is required and read (hypothesis probes)
     * @return the activity, or {@code null} when it has problems (recorded)
     */
    Activity read(ObjectNode activity, String path, boolean withTolerance) {
        int before = fields.problems().size();
        if (activity.isEmpty()) {
            fields.problem(path, "an empty activity is no activity: expected " + EXPECTED_ACTIVITY);
            return null;
        }
        ActivityType type = type(activity.get("type"), JsonText.field(path, "type"));
        String name = fields.requiredText(activity, "name", path);
        Provider provider = providers.read(activity.get("provider"), JsonText.field(path, "provider"));
        JsonNode timeout = activity.get("timeout");
        if (timeout != null && !timeout.isNull() && !timeout.isNumber()) {
            fields.problem(JsonText.field(path, "timeout"), "expected a number of seconds, found "
                    + JsonText.describe(timeout));
        }
        Pauses pauses = pauses(activity.get("pauses"), JsonText.field(path, "pauses"));
        boolean background = fields.optionalBoolean(activity, "background", path, false);
        controls.check(activity.get("controls"), JsonText.field(path, "controls"));
        Tolerance tolerance = null;
        if (withTolerance) {
            tolerance = tolerance(activity, path);
        }
        if (fields.problems().size() > before) {
            return null;
        }
        return new Activity(type, name, provider, tolerance, background, pauses, activity);
    }

    /** The tolerance of a hypothesis probe (required), or {@code null} with a problem. */
    Tolerance tolerance(ObjectNode activity, String path) {
        JsonNode tolerance = activity.get("tolerance");
        String at = JsonText.field(path, "tolerance");
        if (tolerance == null) {
            fields.problem(at, "required: every steady-state hypothesis probe needs a tolerance ("
                    + ToleranceReader.EXPECTED + ")");
            return null;
        }
        return tolerances.read(tolerance, at);
    }

    private ActivityType type(JsonNode type, String at) {
        if (type == null) {
            fields.problem(at, "required: expected \"probe\" or \"action\"");
            return null;
        }
        if (type.isTextual()) {
            for (ActivityType candidate : ActivityType.values()) {
                if (candidate.json().equals(type.textValue())) {
                    return candidate;
                }
            }
        }
        fields.problem(at, "expected \"probe\" or \"action\", found " + JsonText.describe(type));
        return null;
    }

    private Pauses pauses(JsonNode node, String path) {
        if (node == null || node.isNull()) {
            return Pauses.NONE;
        }
        ObjectNode pauses = fields.object(node, path, "an object with \"before\" and/or \"after\" seconds");
        if (pauses == null) {
            return Pauses.NONE;
        }
        JsonNode before = pause(pauses.get("before"), JsonText.field(path, "before"));
        JsonNode after = pause(pauses.get("after"), JsonText.field(path, "after"));
        return before == null && after == null ? Pauses.NONE : new Pauses(before, after);
    }

    private JsonNode pause(JsonNode value, String at) {
        if (value == null || value.isNull()) {
            return null;
        }
        return fields.seconds(value, at, true) ? value : null;
    }
}
