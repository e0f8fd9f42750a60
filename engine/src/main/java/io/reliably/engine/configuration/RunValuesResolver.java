package io.reliably.engine.configuration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.reliably.engine.experiment.Experiment;
import io.reliably.engine.experiment.Provider;
import io.reliably.engine.loader.InvalidExperimentException;
import io.reliably.engine.loader.Problem;
import io.reliably.engine.loader.ProviderParser;
import io.reliably.engine.provider.Cancellation;
import io.reliably.engine.provider.ProviderRunner;
import io.reliably.engine.secret.SecretMasker;
import io.reliably.engine.secret.SecretResolutionException;
import io.reliably.engine.secret.SecretResolver;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves an experiment's configuration and secrets for one run, as Chaos Toolkit does when a run
 * starts ({@code chaoslib/configuration.py}, {@code chaoslib/secret.py}): environment variables read
 * and converted, overrides applied, secrets asked of the {@link SecretResolver}, dynamic
 * configuration probes run. Every problem is collected; none quotes a secret. Warnings (a dynamic
 * configuration that could not be loaded) are kept for {@link #warnings()}.
 */
public final class RunValuesResolver {

    static final String VAULT_REFUSED = "vault secrets are not supported; bind the secret to a Jenkins"
            + " credential or an environment variable ({\"type\": \"env\", \"key\": \"NAME\"})";

    private final Map<String, String> environment;
    private final SecretResolver resolver;
    private final ProviderRunner<Provider> providers;
    private final String file;
    private final List<String> warnings = new ArrayList<>();

    /**
     * @param environment the environment {@code {"type": "env"}} declarations read
     * @param resolver resolves secret declarations other than {@code env}
     */
    public RunValuesResolver(Map<String, String> environment, SecretResolver resolver) {
        this(environment, resolver, null, "experiment");
    }

    /**
     * @param providers runs dynamic configuration probes ({@code {"type": "probe"}} values)
     */
    public RunValuesResolver(Map<String, String> environment, SecretResolver resolver,
            ProviderRunner<Provider> providers) {
        this(environment, resolver, providers, "experiment");
    }

    private RunValuesResolver(Map<String, String> environment, SecretResolver resolver,
            ProviderRunner<Provider> providers, String file) {
        this.environment = Map.copyOf(environment);
        this.resolver = resolver == null ? SecretResolver.NONE : resolver;
        this.providers = providers;
        this.file = file;
    }

    /** The same resolver, naming this file in problems (by default they name "experiment"). */
    public RunValuesResolver forFile(String fileName) {
        return new RunValuesResolver(environment, resolver, providers, fileName);
    }

    /** Warnings of the last {@code resolve}: dynamic configuration that could not be loaded. */
    public synchronized List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** Resolves with configuration overrides only ({@code --var}s, var files' configuration). */
    public RunValues resolve(Experiment experiment, Map<String, JsonNode> overrides)
            throws InvalidExperimentException {
        return resolve(experiment, new Vars(overrides, Map.of(), Map.of()));
    }

    /**
     * Resolves with everything var files and {@code --var}s give: configuration and secret overrides,
     * and {@code .env} variables, read before the environment.
     */
    public synchronized RunValues resolve(Experiment experiment, Vars vars) throws InvalidExperimentException {
        warnings.clear();
        Map<String, String> env = new HashMap<>(environment);
        env.putAll(vars.environment());
        List<Problem> problems = new ArrayList<>();
        Map<String, JsonNode> configuration = configuration(experiment.document().get("configuration"),
                vars.configuration(), env, problems);
        List<String> secretValues = new ArrayList<>();
        Map<String, Map<String, JsonNode>> secrets = secrets(experiment.document().get("secrets"),
                vars.secrets(), env, problems, secretValues);
        if (!problems.isEmpty()) {
            throw new InvalidExperimentException(problems);
        }
        SecretMasker masker = new SecretMasker(secretValues);
        configuration = dynamic(configuration, secrets, masker);
        return new RunValues(configuration, secrets, new TemplateSubstitution(configuration, secrets), masker);
    }

    private Map<String, JsonNode> configuration(JsonNode declared, Map<String, JsonNode> overrides,
            Map<String, String> env, List<Problem> problems) {
        Map<String, JsonNode> configuration = new LinkedHashMap<>();
        if (declared != null && declared.isObject()) {
            declared.properties().forEach(entry -> {
                String key = entry.getKey();
                JsonNode value = overrides.containsKey(key) ? overrides.get(key) : entry.getValue();
                JsonNode resolved = configurationValue(key, value, env, problems);
                if (resolved != null) {
                    configuration.put(key, resolved);
                }
            });
        }
        overrides.forEach((key, value) -> {
            if (!configuration.containsKey(key) && (declared == null || !declared.has(key))) {
                JsonNode resolved = configurationValue(key, value, env, problems);
                if (resolved != null) {
                    configuration.put(key, resolved);
                }
            }
        });
        return configuration;
    }

    private JsonNode configurationValue(String key, JsonNode value, Map<String, String> env, List<Problem> problems) {
        if (value == null || !value.isObject() || !"env".equals(value.path("type").asText(null))) {
            return value == null ? JsonNodeFactory.instance.nullNode() : value;
        }
        String path = "configuration." + key;
        String name = value.path("key").asText(null);
        if (name == null || !value.get("key").isTextual() || name.isEmpty()) {
            problems.add(new Problem(file, path + ".key", "required: expected the name of an environment variable"));
            return null;
        }
        JsonNode raw;
        String source;
        if (env.containsKey(name)) {
            raw = JsonNodeFactory.instance.textNode(env.get(name));
            source = "the environment variable " + name;
        } else if (value.has("default")) {
            raw = value.get("default");
            source = "the default (environment variable " + name + " is not set)";
        } else {
            problems.add(new Problem(file, path, "the environment variable " + name
                    + " is not set and the declaration has no \"default\""));
            return null;
        }
        JsonNode typeNode = value.get("env_var_type");
        if (typeNode == null || typeNode.isNull()) {
            return raw;
        }
        Optional<ValueType> type = typeNode.isTextual() ? ValueType.parse(typeNode.textValue()) : Optional.empty();
        if (type.isEmpty()) {
            problems.add(new Problem(file, path + ".env_var_type", "expected " + ValueType.NAMES));
            return null;
        }
        try {
            return type.get().convert(raw);
        } catch (IllegalArgumentException e) {
            problems.add(new Problem(file, path, "cannot convert " + source + " to " + typeNode.textValue() + ": "
                    + e.getMessage()));
            return null;
        }
    }

    private Map<String, Map<String, JsonNode>> secrets(JsonNode declared, Map<String, Map<String, JsonNode>> overrides,
            Map<String, String> env, List<Problem> problems, List<String> secretValues) {
        Map<String, Map<String, JsonNode>> secrets = new LinkedHashMap<>();
        if (declared != null && declared.isObject()) {
            declared.properties().forEach(group -> {
                Map<String, JsonNode> groupOverrides = overrides.getOrDefault(group.getKey(), Map.of());
                Map<String, JsonNode> keys = new LinkedHashMap<>();
                if (group.getValue().isObject()) {
                    group.getValue().properties().forEach(entry -> {
                        String path = "secrets." + group.getKey() + "." + entry.getKey();
                        JsonNode override = groupOverrides.get(entry.getKey());
                        JsonNode value = override != null && !override.isNull() ? override
                                : secret(group.getKey(), entry.getKey(), entry.getValue(), path, env, problems);
                        if (value != null) {
                            keys.put(entry.getKey(), value);
                        }
                    });
                }
                groupOverrides.forEach((key, value) -> keys.putIfAbsent(key, value));
                secrets.put(group.getKey(), keys);
            });
        }
        overrides.forEach((group, keys) -> secrets.putIfAbsent(group, new LinkedHashMap<>(keys)));
        secrets.values().forEach(keys -> keys.values().forEach(value -> collect(value, secretValues)));
        return secrets;
    }

    private JsonNode secret(String group, String key, JsonNode value, String path, Map<String, String> env,
            List<Problem> problems) {
        if (!value.isObject()) {
            return value;
        }
        JsonNode type = value.get("type");
        if (type == null || !type.isTextual()) {
            return nested(group, (ObjectNode) value, path, env, problems);
        }
        if (type.textValue().equals("env")) {
            String name = value.path("key").asText("");
            if (name.isEmpty() || !value.get("key").isTextual()) {
                problems.add(new Problem(file, path + ".key", "required: expected the name of an environment variable"));
                return null;
            }
            if (!env.containsKey(name)) {
                problems.add(new Problem(file, path, "the environment variable " + name + " is not set"));
                return null;
            }
            return JsonNodeFactory.instance.textNode(env.get(name));
        }
        Optional<String> resolved;
        try {
            resolved = resolver.resolve(group, key, (ObjectNode) value);
        } catch (SecretResolutionException e) {
            problems.add(new Problem(file, path, e.getMessage()));
            return null;
        } catch (RuntimeException e) {
            problems.add(new Problem(file, path, "the secret could not be resolved ("
                    + e.getClass().getSimpleName() + ")"));
            return null;
        }
        if (resolved.isPresent()) {
            return JsonNodeFactory.instance.textNode(resolved.get());
        }
        if (type.textValue().equals("vault")) {
            problems.add(new Problem(file, path, VAULT_REFUSED));
            return null;
        }
        // Chaos Toolkit reads an object of another type as a nested value.
        return nested(group, (ObjectNode) value, path, env, problems);
    }

    private ObjectNode nested(String group, ObjectNode value, String path, Map<String, String> env,
            List<Problem> problems) {
        ObjectNode nested = JsonNodeFactory.instance.objectNode();
        value.properties().forEach(entry -> {
            JsonNode resolved = secret(group, entry.getKey(), entry.getValue(), path + "." + entry.getKey(), env,
                    problems);
            if (resolved != null) {
                nested.set(entry.getKey(), resolved);
            }
        });
        return nested;
    }

    private static void collect(JsonNode value, List<String> secretValues) {
        if (value.isTextual()) {
            secretValues.add(value.textValue());
        } else if (value.isNumber()) {
            secretValues.add(value.asText());
        } else if (value.isContainerNode()) {
            value.forEach(item -> collect(item, secretValues));
        }
    }

    /**
     * Runs {@code {"type": "probe"}} configuration values, in order, as {@code load_dynamic_configuration}
     * does: a probe sees the configuration before it; http gives the body, process the stripped stdout;
     * an error only warns and leaves the key out.
     */
    private Map<String, JsonNode> dynamic(Map<String, JsonNode> configuration, Map<String, Map<String, JsonNode>> secrets,
            SecretMasker masker) {
        Map<String, JsonNode> loaded = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : configuration.entrySet()) {
            JsonNode value = entry.getValue();
            if (!(value.isObject() && "probe".equals(value.path("type").asText(null)))) {
                loaded.put(entry.getKey(), value);
                continue;
            }
            String name = value.path("name").asText(entry.getKey());
            if (providers == null) {
                warnings.add("configuration." + entry.getKey() + ": the dynamic configuration probe '" + name
                        + "' was not run (no providers were given to run it); the key is left out");
                continue;
            }
            Substitution before = new TemplateSubstitution(loaded, secrets);
            try {
                Provider provider = ProviderParser.parse(file, "configuration." + entry.getKey() + ".provider",
                        substituted(value.get("provider"), before));
                JsonNode output = providers.run(provider, new Cancellation());
                if ("process".equals(provider.type())) {
                    if (output.path("status").asInt(-1) != 0) {
                        warnings.add(masker.mask("configuration." + entry.getKey() + ": the dynamic configuration"
                                + " probe '" + name + "' exited with status " + output.path("status").asText()
                                + ": " + output.path("stderr").asText("").strip()));
                        continue;
                    }
                    loaded.put(entry.getKey(), JsonNodeFactory.instance.textNode(
                            output.path("stdout").asText("").strip()));
                } else {
                    loaded.put(entry.getKey(), output.has("body") ? output.get("body")
                            : JsonNodeFactory.instance.nullNode());
                }
            } catch (Exception e) {
                warnings.add(masker.mask("configuration." + entry.getKey() + ": the dynamic configuration probe '"
                        + name + "' failed, so the key is left out: " + e.getMessage()));
            }
        }
        return loaded;
    }

    /** The provider with Chaos Toolkit's substitutable fields resolved: url, headers, timeout, arguments. */
    private static JsonNode substituted(JsonNode provider, Substitution substitution) {
        if (provider == null || !provider.isObject()) {
            return provider;
        }
        ObjectNode copy = ((ObjectNode) provider).deepCopy();
        for (String field : List.of("url", "headers", "timeout", "arguments")) {
            if (copy.has(field) && ("http".equals(copy.path("type").asText()) || field.equals("arguments"))) {
                copy.set(field, substitution.apply(copy.get(field)));
            }
        }
        return copy;
    }
}
