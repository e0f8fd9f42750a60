package io.reliably.engine.configuration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.reliably.engine.loader.Documents;
import io.reliably.engine.loader.InvalidExperimentException;
import io.reliably.engine.loader.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Values given for a run from outside the experiment, as {@code chaos run --var} and {@code --var-file}
 * give them ({@code chaoslib/__init__.py}: {@code convert_vars}, {@code merge_vars}).
 *
 * <ul>
 *   <li>{@code --var name=value} sets a configuration value, a string; {@code --var name:type=value}
 *       converts it first ({@code str}, {@code int}, {@code float}, {@code bytes}, {@code bool},
 *       {@code json}).</li>
 *   <li>A {@code .json}, {@code .yaml} or {@code .yml} var file holds {@code {"configuration": {...},
 *       "secrets": {"group": {...}}}}.</li>
 *   <li>Any other var file is a {@code .env} file: {@code NAME=value} lines, which Chaos Toolkit puts
 *       in the process environment; here they are {@link #environment()}, read before the real
 *       environment.</li>
 * </ul>
 * Later files override earlier ones; {@code --var}s override every file.
 *
 * @param configuration configuration values, replacing the experiment's
 * @param secrets secret values by group, replacing the experiment's
 * @param environment environment variables from {@code .env} files
 */
public record Vars(
        Map<String, JsonNode> configuration,
        Map<String, Map<String, JsonNode>> secrets,
        Map<String, String> environment) {

    /** No values. */
    public static final Vars NONE = new Vars(Map.of(), Map.of(), Map.of());

    /** What {@code --var} problems name as their file. */
    public static final String VAR_OPTION = "--var";

    public Vars {
        configuration = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(configuration));
        Map<String, Map<String, JsonNode>> groups = new LinkedHashMap<>();
        secrets.forEach((group, keys) -> groups.put(group,
                java.util.Collections.unmodifiableMap(new LinkedHashMap<>(keys))));
        secrets = java.util.Collections.unmodifiableMap(groups);
        environment = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(environment));
    }

    /**
     * The configuration overrides of {@code --var}s and var files (the agreed short form; secrets
     * and {@code .env} variables of var files are only in {@link #load}).
     */
    public static Map<String, JsonNode> parse(List<String> assignments, List<Path> varFiles)
            throws InvalidExperimentException {
        return load(assignments, varFiles).configuration();
    }

    /**
     * Reads every {@code --var} and var file, collecting every problem.
     *
     * @throws InvalidExperimentException naming the file (or {@code --var}) and what was expected;
     *     never quoting a value
     */
    public static Vars load(List<String> assignments, List<Path> varFiles) throws InvalidExperimentException {
        List<Problem> problems = new ArrayList<>();
        Map<String, JsonNode> configuration = new LinkedHashMap<>();
        Map<String, Map<String, JsonNode>> secrets = new LinkedHashMap<>();
        Map<String, String> environment = new LinkedHashMap<>();
        for (Path file : varFiles) {
            readFile(file, configuration, secrets, environment, problems);
        }
        for (String assignment : assignments) {
            assign(assignment, configuration, problems);
        }
        if (!problems.isEmpty()) {
            throw new InvalidExperimentException(problems);
        }
        return new Vars(configuration, secrets, environment);
    }

    private static void assign(String assignment, Map<String, JsonNode> configuration, List<Problem> problems) {
        int equals = assignment.indexOf('=');
        if (equals < 0) {
            problems.add(new Problem(VAR_OPTION, "", "expected name=value or name:type=value, found an"
                    + " assignment without \"=\""));
            return;
        }
        String name = assignment.substring(0, equals);
        JsonNode value = JsonNodeFactory.instance.textNode(assignment.substring(equals + 1));
        int colon = name.lastIndexOf(':');
        if (colon >= 0) {
            String typeName = name.substring(colon + 1);
            name = name.substring(0, colon);
            Optional<ValueType> type = ValueType.parse(typeName);
            if (type.isEmpty()) {
                problems.add(new Problem(VAR_OPTION, name, "expected a type of " + ValueType.NAMES + " after \":\","
                        + " found "
                        + "\"" + typeName + "\""));
                return;
            }
            try {
                value = type.get().convert(value);
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(VAR_OPTION, name, e.getMessage() + " (type " + typeName + ")"));
                return;
            }
        }
        if (name.isEmpty()) {
            problems.add(new Problem(VAR_OPTION, "", "expected a name before \"=\", found none"));
            return;
        }
        configuration.put(name, value);
    }

    private static void readFile(Path file, Map<String, JsonNode> configuration,
            Map<String, Map<String, JsonNode>> secrets, Map<String, String> environment, List<Problem> problems) {
        String name = file.toString();
        if (!Files.isRegularFile(file)) {
            problems.add(new Problem(name, "", "the var file does not exist"));
            return;
        }
        String content;
        try {
            content = Documents.readText(file);
        } catch (InvalidExperimentException e) {
            problems.addAll(e.problems());
            return;
        }
        if (content.isBlank()) {
            return;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".json") || lower.endsWith(".yaml") || lower.endsWith(".yml")) {
            JsonNode data;
            try {
                data = Documents.read(name, content);
            } catch (InvalidExperimentException e) {
                problems.addAll(e.problems());
                return;
            }
            structured(name, data, configuration, secrets, problems);
        } else {
            dotEnv(name, content, environment, problems);
        }
    }

    private static void structured(String file, JsonNode data, Map<String, JsonNode> configuration,
            Map<String, Map<String, JsonNode>> secrets, List<Problem> problems) {
        if (!data.isObject()) {
            problems.add(new Problem(file, "", "expected an object with \"configuration\" and/or \"secrets\","
                    + " found " + kind(data)));
            return;
        }
        data.fieldNames().forEachRemaining(key -> {
            if (!key.equals("configuration") && !key.equals("secrets")) {
                problems.add(new Problem(file, key, "expected only \"configuration\" and \"secrets\" at the top"
                        + " level (Chaos Toolkit ignores anything else); put configuration values under"
                        + " \"configuration\""));
            }
        });
        JsonNode config = data.get("configuration");
        if (config != null && !config.isNull()) {
            if (!config.isObject()) {
                problems.add(new Problem(file, "configuration", "expected an object of names to values, found "
                        + kind(config)));
            } else {
                config.properties().forEach(entry -> configuration.put(entry.getKey(), entry.getValue()));
            }
        }
        JsonNode groups = data.get("secrets");
        if (groups != null && !groups.isNull()) {
            if (!groups.isObject()) {
                problems.add(new Problem(file, "secrets", "expected an object of secret groups, found "
                        + kind(groups)));
                return;
            }
            groups.properties().forEach(group -> {
                if (!group.getValue().isObject()) {
                    problems.add(new Problem(file, "secrets." + group.getKey(), "expected a secret group (an object"
                            + " of names to values), found " + kind(group.getValue())));
                    return;
                }
                Map<String, JsonNode> keys = secrets.computeIfAbsent(group.getKey(), g -> new LinkedHashMap<>());
                group.getValue().properties().forEach(entry -> keys.put(entry.getKey(), entry.getValue()));
            });
        }
    }

    private static void dotEnv(String file, String content, Map<String, String> environment,
            List<Problem> problems) {
        String[] lines = content.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int equals = line.indexOf('=');
            String key = equals < 0 ? "" : line.substring(0, equals).strip();
            if (key.isEmpty()) {
                problems.add(new Problem(file, "line " + (i + 1), "expected NAME=value (a .env file), found a line"
                        + (equals < 0 ? " without \"=\"" : " without a name")));
                continue;
            }
            environment.put(key, line.substring(equals + 1));
        }
    }

    private static String kind(JsonNode node) {
        if (node.isArray()) {
            return "a list";
        }
        if (node.isObject()) {
            return "an object";
        }
        return node.isTextual() ? "a string" : node.isNumber() ? "a number" : node.isBoolean() ? "a boolean" : "null";
    }
}
