package io.jenkins.plugins.reliably.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.reliably.engine.configuration.Vars;
import io.reliably.engine.secret.SecretResolutionException;
import io.reliably.engine.secret.SecretResolver;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The values of the step's {@code secrets} bindings, resolved on the controller (where the
 * credentials are) and sent with the experiment to the agent. They override the experiment's
 * secret {@code group.key} whatever the declaration says ({@link #over(Vars)}), so the experiment
 * keeps working with {@code chaos run} (an {@code env} declaration) and takes Jenkins' credential
 * here; as a resolver they also answer declarations only Jenkins knows, such as
 * {@code {"type": "jenkins"}}.
 * {@link #toString()} never shows a value.
 */
public final class BoundSecrets implements SecretResolver, Serializable {

    private static final long serialVersionUID = 1L;

    /** No bindings. */
    public static final BoundSecrets NONE = new BoundSecrets(Map.of());

    private final LinkedHashMap<String, LinkedHashMap<String, String>> values;

    private BoundSecrets(Map<String, ? extends Map<String, String>> values) {
        this.values = new LinkedHashMap<>();
        values.forEach((group, keys) -> this.values.put(group, new LinkedHashMap<>(keys)));
    }

    /** Every problem with the bindings themselves (blank names, duplicates), before any lookup. */
    public static List<String> problems(List<? extends SecretBindingSpec> bindings) {
        List<String> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < bindings.size(); i++) {
            SecretBindingSpec b = bindings.get(i);
            String where = "secrets[" + i + "]";
            if (isBlank(b.getGroup())) {
                problems.add(where + ".group: expected the secret group's name");
            }
            if (isBlank(b.getKey())) {
                problems.add(where + ".key: expected the key inside the group");
            }
            if (isBlank(b.getCredentialsId())) {
                problems.add(where + ".credentialsId: expected a credential id");
            }
            String part = b.getPart();
            if (!isBlank(part) && !part.trim().equals("username") && !part.trim().equals("password")) {
                problems.add(where + ".part: expected username or password, got '" + part + "'");
            }
            if (!isBlank(b.getGroup()) && !isBlank(b.getKey()) && !seen.add(b.getGroup().trim() + "." + b.getKey().trim())) {
                problems.add(where + ": " + b.getGroup().trim() + "." + b.getKey().trim() + " is bound twice");
            }
        }
        return problems;
    }

    /**
     * Looks every binding up.
     *
     * @throws SecretResolutionException naming the binding and the credential id, never a value
     */
    public static BoundSecrets resolve(List<? extends SecretBindingSpec> bindings, CredentialValues credentials) {
        Map<String, LinkedHashMap<String, String>> values = new LinkedHashMap<>();
        for (SecretBindingSpec b : bindings) {
            String part = isBlank(b.getPart()) ? null : b.getPart().trim();
            String value;
            try {
                value = credentials.value(b.getCredentialsId().trim(), part);
            } catch (SecretResolutionException e) {
                throw new SecretResolutionException("secret " + b.getGroup().trim() + "." + b.getKey().trim() + ": "
                        + e.getMessage());
            }
            values.computeIfAbsent(b.getGroup().trim(), g -> new LinkedHashMap<>()).put(b.getKey().trim(), value);
        }
        return new BoundSecrets(values);
    }

    /**
     * The variables with the bound secrets laid over their secrets: a binding replaces whatever the
     * experiment declares for its key (an {@code env} secret too) and adds a key it does not declare.
     */
    public Vars over(Vars vars) {
        Map<String, Map<String, JsonNode>> merged = new LinkedHashMap<>();
        vars.secrets().forEach((group, keys) -> merged.put(group, new LinkedHashMap<>(keys)));
        values.forEach((group, keys) -> keys.forEach((key, value) ->
                merged.computeIfAbsent(group, g -> new LinkedHashMap<>()).put(key, TextNode.valueOf(value))));
        return new Vars(vars.configuration(), merged, vars.environment());
    }

    @Override
    public Optional<String> resolve(String group, String key, ObjectNode declaration) {
        Map<String, String> keys = values.get(group);
        return keys == null ? Optional.empty() : Optional.ofNullable(keys.get(key));
    }

    /** The bound values, for the masker: masked even when the experiment never declares them. */
    public Collection<String> values() {
        List<String> all = new ArrayList<>();
        values.values().forEach(keys -> all.addAll(keys.values()));
        return all;
    }

    /** The bound {@code group.key} names, without values. */
    @Override
    public String toString() {
        List<String> names = new ArrayList<>();
        values.forEach((group, keys) -> keys.keySet().forEach(key -> names.add(group + "." + key)));
        return "BoundSecrets" + names;
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
