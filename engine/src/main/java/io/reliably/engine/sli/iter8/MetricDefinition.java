package io.reliably.engine.sli.iter8;

import java.util.List;

/**
 * An Iter8 v2alpha2 {@code Metric} ({@code iter8-tools/etc3: api/v2alpha2/metric_types.go}): how to
 * ask a metric store over HTTP and how to read the number out of its JSON answer. Validated by
 * {@link MetricLoader}.
 *
 * @param file where it was read from
 * @param path where in that file, e.g. {@code documents[1]}, or empty
 * @param name {@code metadata.name} (or {@code name} of a bare spec): the indicator's name
 * @param description informational
 * @param units informational
 * @param type informational, default {@link MetricType#Gauge}
 * @param method {@code GET} (default) or {@code POST}
 * @param params query parameters; values are templates over the version's names
 * @param body a template that must be JSON after substitution, or {@code null}
 * @param headerTemplates headers; values are templates over the secret's keys
 * @param authType how to authenticate, or {@code null}
 * @param secret the {@code [namespace/]name} of the secret, or {@code null}
 * @param jq the compiled {@code jqExpression}
 * @param urlTemplate the address; a template over the secret's keys
 * @param provider informational
 */
public record MetricDefinition(String file, String path, String name, String description, String units,
        MetricType type, String method, List<NamedValue> params, String body, List<NamedValue> headerTemplates,
        AuthType authType, String secret, JqNumber jq, String urlTemplate, String provider) {

    public MetricDefinition {
        params = List.copyOf(params);
        headerTemplates = List.copyOf(headerTemplates);
    }

    /** The same definition under another name: a provider template instantiated for one indicator. */
    public MetricDefinition named(String newName) {
        return new MetricDefinition(file, path, newName, description, units, type, method, params, body,
                headerTemplates, authType, secret, jq, urlTemplate, provider);
    }

    /** {@code path.field}, for problems. */
    public String at(String field) {
        return path == null || path.isEmpty() ? field : path + "." + field;
    }
}
