package io.reliably.engine.sli.prometheus;

import io.reliably.engine.sli.PreparedIndicator;
import io.reliably.engine.sli.QueryWindow;
import io.reliably.engine.sli.SliProvider;
import io.reliably.engine.sli.VersionInfo;
import io.reliably.engine.sli.http.HttpQuery;
import io.reliably.engine.sli.http.QueryStrings;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Keptn's prometheus-service as an SLI provider: each query is an instant query
 * ({@code GET <url>/api/v1/query?query=...&time=<end>}) at the window's end, read by
 * {@link PrometheusResponse}. Basic auth when a username and password are given, as
 * prometheus-service allows.
 */
public final class PrometheusProvider implements SliProvider {

    private final String url;
    private final String authorization;
    private final Set<String> secrets;

    /**
     * @param url Prometheus' address, e.g. {@code http://prometheus:9090} (a path prefix is kept)
     * @param username basic auth user, or {@code null}
     * @param password basic auth password, or {@code null}
     */
    public PrometheusProvider(String url, String username, String password) {
        this.url = QueryStrings.trimSlash(url);
        if (username != null && password != null) {
            String pair = username + ":" + password;
            this.authorization = "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
            this.secrets = Set.of(password, authorization);
        } else {
            this.authorization = null;
            this.secrets = Set.of();
        }
    }

    @Override
    public String name() {
        return "prometheus";
    }

    @Override
    public PreparedIndicator prepare(String metric, String query, Map<String, String> keptnNames, QueryWindow window,
            VersionInfo version) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("query", query);
        params.put("time", window.end().toString());
        URI uri;
        try {
            uri = QueryStrings.withParams(url + "/api/v1/query", params);
        } catch (IllegalArgumentException e) {
            return new PreparedIndicator.Failed(metric, "'" + url + "' is not a valid Prometheus URL: " + e.getMessage());
        }
        Map<String, String> headers = authorization == null ? Map.of() : Map.of("Authorization", authorization);
        return new PreparedIndicator.Ready(metric, new HttpQuery("GET", uri, headers, null), new PrometheusResponse());
    }

    @Override
    public Set<String> secretValues() {
        return secrets;
    }
}
