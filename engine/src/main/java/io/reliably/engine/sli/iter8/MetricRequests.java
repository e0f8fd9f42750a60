package io.reliably.engine.sli.iter8;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.reliably.engine.sli.IndicatorPlan;
import io.reliably.engine.sli.InvalidSliException;
import io.reliably.engine.sli.KeptnContext;
import io.reliably.engine.sli.Placeholders;
import io.reliably.engine.sli.PreparedIndicator;
import io.reliably.engine.sli.QueryWindow;
import io.reliably.engine.sli.SecretStore;
import io.reliably.engine.sli.SliProblem;
import io.reliably.engine.sli.VersionInfo;
import io.reliably.engine.sli.http.HttpQuery;
import io.reliably.engine.sli.http.QueryStrings;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns Iter8 metric definitions into requests, substituting as Iter8's {@code metrics.py} does:
 * <ul>
 *   <li>{@code params} and {@code body}: the version's {@code name} and variables and
 *       {@code elapsedTime} (Iter8 names), plus the Keptn and window placeholders;</li>
 *   <li>{@code urlTemplate}: the secret's keys (when the metric names a secret), plus the Keptn and
 *       window placeholders;</li>
 *   <li>{@code headerTemplates}: the secret's keys, only when {@code authType} is set and is not
 *       {@code Basic} (otherwise sent as written);</li>
 *   <li>{@code Basic}: HTTP basic auth from the secret's {@code username} and {@code password}.</li>
 * </ul>
 * The body must be JSON after substitution; otherwise that indicator fails with a message.
 */
public final class MetricRequests {

    private final ObjectMapper mapper = new ObjectMapper();

    /**
     * Plans the queries of these definitions.
     *
     * @throws InvalidSliException when a named secret is missing or lacks a key Basic auth needs
     */
    public IndicatorPlan plan(List<MetricDefinition> definitions, VersionInfo version, QueryWindow window,
            KeptnContext keptn, SecretStore secrets) throws InvalidSliException {
        return plan(definitions, version, window, keptn, secrets, Map.of());
    }

    /**
     * As {@link #plan(List, VersionInfo, QueryWindow, KeptnContext, SecretStore)}, with more Keptn-style
     * names, such as {@code URL} for the address given on the command line.
     */
    public IndicatorPlan plan(List<MetricDefinition> definitions, VersionInfo version, QueryWindow window,
            KeptnContext keptn, SecretStore secrets, Map<String, String> extraNames) throws InvalidSliException {
        List<SliProblem> problems = new ArrayList<>();
        List<Map<String, String>> resolved = new ArrayList<>();
        for (MetricDefinition definition : definitions) {
            resolved.add(secret(definition, secrets, problems));
        }
        if (!problems.isEmpty()) {
            throw new InvalidSliException(problems);
        }
        Map<String, String> iter8 = versionNames(version, window);
        Map<String, String> keptnNames = new LinkedHashMap<>(keptn.placeholders(window));
        keptnNames.putAll(extraNames);
        List<PreparedIndicator> prepared = new ArrayList<>();
        Set<String> secretValues = new LinkedHashSet<>();
        for (int i = 0; i < definitions.size(); i++) {
            prepared.add(prepare(definitions.get(i), iter8, keptnNames, resolved.get(i)));
            secretValues.addAll(resolved.get(i).values());
        }
        return new IndicatorPlan(prepared, secretValues);
    }

    /** Iter8's names for {@code params} and {@code body}: {@code name}, the variables, {@code elapsedTime}. */
    public static Map<String, String> versionNames(VersionInfo version, QueryWindow window) {
        Map<String, String> names = new LinkedHashMap<>();
        version.nameIfAny().ifPresent(name -> names.put("name", name));
        names.putAll(version.variables());
        names.put("elapsedTime", Long.toString(window.elapsedSeconds()));
        return names;
    }

    /**
     * The secret a definition names, with its keys checked; empty when it names none.
     * Problems name the definition's file and its {@code secret} field.
     */
    public Map<String, String> secret(MetricDefinition definition, SecretStore secrets, List<SliProblem> problems) {
        if (definition.secret() == null) {
            return Map.of();
        }
        Optional<Map<String, String>> secret = secrets.secret(definition.secret());
        if (secret.isEmpty()) {
            problems.add(new SliProblem(definition.file(), definition.at("spec.secret"), "secret '" + definition.secret()
                    + "' was not found in " + secrets.description() + "; expected a secret with that name"
                    + (definition.authType() == AuthType.Basic ? " holding the keys username and password" : "")));
            return Map.of();
        }
        if (definition.authType() == AuthType.Basic) {
            for (String key : List.of("username", "password")) {
                if (!secret.get().containsKey(key)) {
                    problems.add(new SliProblem(definition.file(), definition.at("spec.secret"), "secret '"
                            + definition.secret() + "' has no key '" + key + "'; authType Basic expects the keys "
                            + "username and password"));
                }
            }
        }
        return secret.get();
    }

    /** One definition's request, or why it cannot be built. Values in {@code secret} are never echoed. */
    public PreparedIndicator prepare(MetricDefinition definition, Map<String, String> iter8Names,
            Map<String, String> keptnNames, Map<String, String> secret) {
        String metric = definition.name();
        Placeholders queryNames = Placeholders.iter8(iter8Names, keptnNames);
        Placeholders urlNames = Placeholders.iter8(secret, keptnNames);
        boolean headersFromSecret = definition.authType() != null && definition.authType() != AuthType.Basic
                && definition.secret() != null;
        Placeholders headerNames = Placeholders.iter8(headersFromSecret ? secret : Map.of(), Map.of());

        Map<String, String> params = new LinkedHashMap<>();
        definition.params().forEach(p -> params.put(p.name(), queryNames.apply(p.value())));
        Map<String, String> headers = new LinkedHashMap<>();
        definition.headerTemplates().forEach(h -> headers.put(h.name(),
                headersFromSecret ? headerNames.apply(h.value()) : h.value()));
        if (definition.authType() == AuthType.Basic) {
            String pair = secret.getOrDefault("username", "") + ":" + secret.getOrDefault("password", "");
            headers.put("Authorization", "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        }
        String body = null;
        if (definition.body() != null) {
            String substituted = queryNames.apply(definition.body());
            try {
                JsonNode json = mapper.readTree(substituted);
                if (json == null || json.isMissingNode()) {
                    return new PreparedIndicator.Failed(metric, definition.file() + ": " + definition.at("spec.body")
                            + ": is empty after substitution; expected JSON");
                }
                body = mapper.writeValueAsString(json);
            } catch (JsonProcessingException e) {
                return new PreparedIndicator.Failed(metric, definition.file() + ": " + definition.at("spec.body")
                        + ": is not JSON after substitution (" + e.getOriginalMessage() + "): " + shorten(substituted));
            }
        }
        String url = urlNames.apply(definition.urlTemplate());
        URI uri;
        try {
            uri = QueryStrings.withParams(url, params);
            if (uri.getScheme() == null || uri.getHost() == null
                    || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
                return new PreparedIndicator.Failed(metric, definition.file() + ": " + definition.at("spec.urlTemplate")
                        + ": '" + url + "' is not an http(s) URL after substitution");
            }
        } catch (IllegalArgumentException e) {
            return new PreparedIndicator.Failed(metric, definition.file() + ": " + definition.at("spec.urlTemplate")
                    + ": '" + url + "' is not a valid URL after substitution (" + e.getMessage() + ")");
        }
        return new PreparedIndicator.Ready(metric, new HttpQuery(definition.method(), uri, headers, body), definition.jq());
    }

    private static String shorten(String text) {
        String flat = text.strip().replaceAll("\\s+", " ");
        return flat.length() <= 200 ? flat : flat.substring(0, 200) + "…";
    }
}
