package io.reliably.engine.loader;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.reliably.engine.experiment.Activity;
import io.reliably.engine.experiment.Experiment;
import io.reliably.engine.experiment.Hypothesis;
import io.reliably.engine.experiment.RuntimeBlock;
import io.reliably.engine.experiment.Tolerance;
import io.reliably.engine.run.HypothesisStrategy;
import io.reliably.engine.run.RollbackStrategy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validates a whole experiment document and reads it into the model, collecting every problem
 * ({@code chaoslib/experiment.py}, {@code ensure_experiment_is_valid}, which stops at the first). One
 * instance reads one document.
 */
final class ExperimentReader {

    private final Fields fields;
    private final ControlsCheck controls;
    private final ActivityReader activities;
    private final ValuesCheck values;
    /** Activities a {@code ref} may name: method and hypothesis probes, the last of a name wins. */
    private final Map<String, ObjectNode> named = new HashMap<>();
    private final Map<ObjectNode, Activity> built = new IdentityHashMap<>();

    ExperimentReader(String file) {
        this.fields = new Fields(new Problems(file));
        this.controls = new ControlsCheck(fields);
        this.activities = new ActivityReader(fields, controls);
        this.activities.tolerances(new ToleranceReader(fields, activities));
        this.values = new ValuesCheck(fields, activities);
    }

    /** The experiment, or an exception with every problem. */
    Experiment read(JsonNode root) throws InvalidExperimentException {
        Problems problems = fields.problems();
        if (!root.isObject()) {
            problems.add("", "expected an experiment: an object with \"title\", \"description\" and \"method\";"
                    + " found " + JsonText.describe(root));
            problems.throwIfAny();
        }
        ObjectNode document = (ObjectNode) root;
        if (document.isEmpty()) {
            problems.add("", "an empty experiment is not an experiment: expected an object with \"title\","
                    + " \"description\" and \"method\"");
            problems.throwIfAny();
        }
        String title = fields.requiredText(document, "title", "");
        String description = fields.requiredText(document, "description", "");
        List<String> tags = fields.optionalTexts(document, "tags", "");
        extensions(document.get("extensions"));
        controls.topLevel(document.get("controls"));
        controls.check(document.get("controls"), "controls");
        values.configuration(document.get("configuration"));
        values.secrets(document.get("secrets"));
        RuntimeBlock runtime = runtime(document.get("runtime"));

        ObjectNode hypothesisNode = null;
        JsonNode hypothesisValue = document.get("steady-state-hypothesis");
        if (hypothesisValue != null && !hypothesisValue.isNull()) {
            hypothesisNode = fields.object(hypothesisValue, "steady-state-hypothesis",
                    "an object with a \"title\" and \"probes\"");
        }
        JsonNode probesNode = hypothesisNode == null ? null : list(hypothesisNode.get("probes"),
                "steady-state-hypothesis.probes", false);
        JsonNode methodNode = document.get("method");
        if (methodNode == null || methodNode.isNull()) {
            problems.add("method", "required: expected a list of activities (it may be empty: [])");
            methodNode = null;
        } else {
            methodNode = list(methodNode, "method", true);
        }
        JsonNode rollbacksNode = list(document.get("rollbacks"), "rollbacks", false);

        name(methodNode);
        name(probesNode);
        List<Pending> method = entries(methodNode, "method", false);
        List<Pending> probes = entries(probesNode, "steady-state-hypothesis.probes", true);
        List<Pending> rollbacks = entries(rollbacksNode, "rollbacks", false);

        Hypothesis hypothesis = null;
        if (hypothesisNode != null) {
            String hypothesisTitle = fields.requiredText(hypothesisNode, "title", "steady-state-hypothesis");
            controls.check(hypothesisNode.get("controls"), "steady-state-hypothesis.controls");
            hypothesis = new Hypothesis(hypothesisTitle, resolve(probes));
        }
        List<Activity> methodActivities = resolve(method);
        List<Activity> rollbackActivities = resolve(rollbacks);
        problems.throwIfAny();
        return new Experiment(title, description, tags, hypothesis, methodActivities, rollbackActivities,
                runtime, document);
    }

    private JsonNode list(JsonNode node, String path, boolean required) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray()) {
            fields.problem(path, "expected a list of activities" + (required ? " (it may be empty: [])" : "")
                    + ", found " + JsonText.describe(node));
            return null;
        }
        return node;
    }

    private void name(JsonNode list) {
        if (list == null) {
            return;
        }
        for (JsonNode activity : list) {
            JsonNode name = activity.get("name");
            if (activity.isObject() && name != null && name.isTextual() && !name.textValue().isEmpty()) {
                named.put(name.textValue(), (ObjectNode) activity);
            }
        }
    }

    /** An activity as found in a list: read already, or a {@code ref} to resolve once all are read. */
    private record Pending(String path, ObjectNode node, String ref, boolean hypothesis) {
    }

    private List<Pending> entries(JsonNode list, String path, boolean hypothesis) {
        List<Pending> pending = new ArrayList<>();
        if (list == null) {
            return pending;
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode entry = list.get(i);
            String at = JsonText.item(path, i);
            if (!entry.isObject()) {
                fields.problem(at, "expected " + ActivityReader.EXPECTED_ACTIVITY + ", found "
                        + JsonText.describe(entry));
                continue;
            }
            ObjectNode activity = (ObjectNode) entry;
            JsonNode ref = activity.get("ref");
            if (ref != null) {
                if (!ref.isTextual() || ref.textValue().isEmpty()) {
                    fields.problem(JsonText.field(at, "ref"), "expected the name of an activity of the method or"
                            + " the steady-state hypothesis, found " + JsonText.describe(ref));
                    continue;
                }
                pending.add(new Pending(at, activity, ref.textValue(), hypothesis));
                continue;
            }
            Activity read = activities.read(activity, at, hypothesis);
            if (read != null) {
                built.put(activity, read);
            }
            pending.add(new Pending(at, activity, null, hypothesis));
        }
        return pending;
    }

    private List<Activity> resolve(List<Pending> pending) {
        List<Activity> resolved = new ArrayList<>();
        for (Pending entry : pending) {
            if (entry.ref() == null) {
                Activity activity = built.get(entry.node());
                if (activity != null) {
                    resolved.add(activity);
                }
                continue;
            }
            Tolerance tolerance = entry.hypothesis() ? activities.tolerance(entry.node(), entry.path()) : null;
            Activity target = follow(entry.ref(), JsonText.field(entry.path(), "ref"));
            if (target != null && (tolerance != null || !entry.hypothesis())) {
                resolved.add(new Activity(target.type(), target.name(), target.provider(), tolerance,
                        target.background(), target.pauses(), target.definition()));
            }
        }
        return resolved;
    }

    /** The activity a {@code ref} leads to through other refs, or {@code null} with a problem. */
    private Activity follow(String ref, String path) {
        Set<String> chain = new LinkedHashSet<>();
        String current = ref;
        while (true) {
            if (!chain.add(current)) {
                fields.problem(path, "the refs form a cycle (" + String.join(" → ", chain) + " → " + current
                        + ") and never reach an activity");
                return null;
            }
            ObjectNode target = named.get(current);
            if (target == null) {
                fields.problem(path, "no activity named " + JsonText.quote(current) + " in the method or the"
                        + " steady-state hypothesis probes (a ref can only name those)");
                return null;
            }
            JsonNode next = target.get("ref");
            if (next == null) {
                return built.get(target);
            }
            if (!next.isTextual()) {
                return null;
            }
            current = next.textValue();
        }
    }

    private void extensions(JsonNode node) {
        if (node == null || node.isNull()) {
            return;
        }
        if (!node.isArray()) {
            fields.problem("extensions", "expected a list of objects with a \"name\", found " + JsonText.describe(node));
            return;
        }
        for (int i = 0; i < node.size(); i++) {
            String at = JsonText.item("extensions", i);
            ObjectNode extension = fields.object(node.get(i), at, "an object with a \"name\"");
            if (extension != null) {
                String name = fields.requiredText(extension, "name", at);
                if (name != null && name.isBlank()) {
                    fields.problem(JsonText.field(at, "name"), "expected a non-blank string, found "
                            + JsonText.describe(extension.get("name")));
                }
            }
        }
    }

    private RuntimeBlock runtime(JsonNode node) {
        if (node == null || node.isNull()) {
            return RuntimeBlock.NONE;
        }
        ObjectNode runtime = fields.object(node, "runtime", "an object with \"rollbacks\" and/or \"hypothesis\"");
        if (runtime == null) {
            return RuntimeBlock.NONE;
        }
        String rollbackStrategy = null;
        JsonNode rollbacks = runtime.get("rollbacks");
        if (rollbacks != null && !rollbacks.isNull()) {
            ObjectNode block = fields.object(rollbacks, "runtime.rollbacks", "an object with a \"strategy\"");
            JsonNode strategy = block == null ? null : block.get("strategy");
            if (strategy != null && !strategy.isNull()) {
                var parsed = strategy.isTextual() ? RollbackStrategy.parse(strategy.textValue())
                        : java.util.Optional.<RollbackStrategy>empty();
                if (parsed.isEmpty()) {
                    fields.problem("runtime.rollbacks.strategy", "expected \"default\", \"always\", \"never\" or"
                            + " \"deviated\", found " + JsonText.describe(strategy));
                } else {
                    rollbackStrategy = parsed.get().json();
                }
            }
        }
        String hypothesisStrategy = null;
        Double frequency = null;
        Boolean failFast = null;
        JsonNode hypothesis = runtime.get("hypothesis");
        if (hypothesis != null && !hypothesis.isNull()) {
            ObjectNode block = fields.object(hypothesis, "runtime.hypothesis", "an object with a \"strategy\"");
            if (block != null) {
                JsonNode strategy = block.get("strategy");
                if (strategy != null && !strategy.isNull()) {
                    var parsed = strategy.isTextual() ? HypothesisStrategy.parse(strategy.textValue())
                            : java.util.Optional.<HypothesisStrategy>empty();
                    if (parsed.isEmpty()) {
                        fields.problem("runtime.hypothesis.strategy", "expected \"default\", \"before-method-only\","
                                + " \"after-method-only\", \"during-method-only\", \"continuously\" or \"skip\","
                                + " found " + JsonText.describe(strategy));
                    } else {
                        hypothesisStrategy = parsed.get().json();
                    }
                }
                JsonNode frequencyNode = block.get("frequency");
                if (frequencyNode != null && !frequencyNode.isNull()
                        && fields.seconds(frequencyNode, "runtime.hypothesis.frequency", false)) {
                    if (frequencyNode.isNumber()) {
                        frequency = frequencyNode.doubleValue();
                    } else {
                        fields.problem("runtime.hypothesis.frequency", "expected a number of seconds (more than 0),"
                                + " found " + JsonText.describe(frequencyNode));
                    }
                }
                if (block.has("fail_fast")) {
                    failFast = fields.optionalBoolean(block, "fail_fast", "runtime.hypothesis", false);
                }
            }
        }
        return new RuntimeBlock(rollbackStrategy, hypothesisStrategy, frequency, failFast);
    }
}
