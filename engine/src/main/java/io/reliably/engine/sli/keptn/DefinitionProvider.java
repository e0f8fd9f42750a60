package io.reliably.engine.sli.keptn;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.reliably.engine.sli.PreparedIndicator;
import io.reliably.engine.sli.QueryWindow;
import io.reliably.engine.sli.SliProvider;
import io.reliably.engine.sli.VersionInfo;
import io.reliably.engine.sli.iter8.MetricDefinition;
import io.reliably.engine.sli.iter8.MetricRequests;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Any metric store, described by an Iter8-style definition used as a template: for each indicator of
 * {@code sli.yaml}, {@code $QUERY} is the indicator's query (Keptn placeholders already replaced),
 * {@code $QUERY_JSON} the same escaped for use inside a JSON string, and {@code $URL} the provider
 * address given on the command line, if any.
 */
public final class DefinitionProvider implements SliProvider {

    private final MetricDefinition template;
    private final Map<String, String> secret;
    private final String url;
    private final MetricRequests requests = new MetricRequests();

    /**
     * @param template the definition, validated
     * @param secret the secret it names, already resolved (empty when it names none)
     * @param url the value of {@code $URL}, or {@code null}
     */
    public DefinitionProvider(MetricDefinition template, Map<String, String> secret, String url) {
        this.template = template;
        this.secret = Map.copyOf(secret);
        this.url = url;
    }

    @Override
    public String name() {
        return template.provider() != null ? template.provider() : template.file();
    }

    @Override
    public PreparedIndicator prepare(String metric, String query, Map<String, String> keptnNames, QueryWindow window,
            VersionInfo version) {
        Map<String, String> names = new LinkedHashMap<>(keptnNames);
        names.put("QUERY", query);
        names.put("QUERY_JSON", new String(JsonStringEncoder.getInstance().quoteAsString(query)));
        if (url != null) {
            names.put("URL", url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
        }
        return requests.prepare(template.named(metric), MetricRequests.versionNames(version, window), names, secret);
    }

    @Override
    public Set<String> secretValues() {
        return Set.copyOf(secret.values());
    }
}
