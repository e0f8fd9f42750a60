package io.reliably.engine.sli.dynatrace;

import io.reliably.engine.sli.PreparedIndicator;
import io.reliably.engine.sli.QueryWindow;
import io.reliably.engine.sli.SliProvider;
import io.reliably.engine.sli.VersionInfo;
import io.reliably.engine.sli.http.HttpQuery;
import io.reliably.engine.sli.http.QueryStrings;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Keptn's dynatrace-service as an SLI provider, for {@code sli.yaml} queries
 * ({@code documentation/slis-via-files.md}):
 * <ul>
 *   <li>{@code metricSelector=...&entitySelector=...}: Metrics API v2
 *       ({@code /api/v2/metrics/query}, {@code resolution=Inf}); {@code builtin:service.response.time}
 *       is converted from microseconds to milliseconds;</li>
 *   <li>{@code MV2;MicroSecond;<query>} (÷1000) and {@code MV2;Byte;<query>} (÷1024);</li>
 *   <li>{@code SLO;<id>}: {@code /api/v2/slo/<id>}, its {@code evaluatedPercentage};</li>
 *   <li>{@code PV2;<query>} and {@code SECPV2;<query>}: the {@code totalCount} of
 *       {@code /api/v2/problems} and {@code /api/v2/securityProblems}.</li>
 * </ul>
 * {@code USQL;} queries are not supported and fail with a message. Every request carries
 * {@code Authorization: Api-Token <token>} and the window as {@code from}/{@code to} in epoch ms.
 */
public final class DynatraceProvider implements SliProvider {

    private final String url;
    private final String authorization;
    private final Set<String> secrets;

    /**
     * @param url the environment's address, e.g. {@code https://abc12345.live.dynatrace.com}
     * @param apiToken an API token allowed to read metrics (and SLOs and problems if used)
     */
    public DynatraceProvider(String url, String apiToken) {
        this.url = QueryStrings.trimSlash(url);
        this.authorization = "Api-Token " + apiToken;
        this.secrets = Set.of(apiToken, authorization);
    }

    @Override
    public String name() {
        return "dynatrace";
    }

    @Override
    public PreparedIndicator prepare(String metric, String query, Map<String, String> keptnNames, QueryWindow window,
            VersionInfo version) {
        String from = Long.toString(window.start().toEpochMilli());
        String to = Long.toString(window.end().toEpochMilli());
        String rest = query.strip();
        DynatraceResponse.Unit unit = DynatraceResponse.Unit.NONE;
        if (rest.startsWith("SLO;")) {
            String id = rest.substring(4).strip();
            Map<String, String> params = new LinkedHashMap<>();
            params.put("from", from);
            params.put("to", to);
            params.put("timeFrame", "GTF");
            return request(metric, "/api/v2/slo/" + QueryStrings.encode(id), params, DynatraceResponse.slo());
        }
        if (rest.startsWith("PV2;") || rest.startsWith("SECPV2;")) {
            boolean security = rest.startsWith("SECPV2;");
            Map<String, String> params = parse(rest.substring(rest.indexOf(';') + 1));
            params.putIfAbsent("from", from);
            params.putIfAbsent("to", to);
            return request(metric, security ? "/api/v2/securityProblems" : "/api/v2/problems", params,
                    DynatraceResponse.totalCount());
        }
        if (rest.startsWith("USQL;")) {
            return new PreparedIndicator.Failed(metric, "USQL queries are not supported; use a Metrics API v2 query "
                    + "(metricSelector=...&entitySelector=...)");
        }
        if (rest.startsWith("MV2;")) {
            String[] parts = rest.split(";", 3);
            if (parts.length < 3) {
                return new PreparedIndicator.Failed(metric, "expected MV2;<unit>;<query>, found '" + rest + "'");
            }
            unit = switch (parts[1]) {
                case "MicroSecond" -> DynatraceResponse.Unit.MICROSECOND;
                case "Byte" -> DynatraceResponse.Unit.BYTE;
                default -> DynatraceResponse.Unit.NONE;
            };
            rest = parts[2];
        }
        Map<String, String> params = parse(rest);
        String selector = params.get("metricSelector");
        if (selector == null || selector.isBlank()) {
            return new PreparedIndicator.Failed(metric, "expected a Metrics API v2 query "
                    + "'metricSelector=...&entitySelector=...', found '" + rest + "'");
        }
        if (unit == DynatraceResponse.Unit.NONE && selector.contains("builtin:service.response.time")) {
            unit = DynatraceResponse.Unit.MICROSECOND;
        }
        params.putIfAbsent("resolution", "Inf");
        params.putIfAbsent("from", from);
        params.putIfAbsent("to", to);
        return request(metric, "/api/v2/metrics/query", params, DynatraceResponse.metric(unit));
    }

    private PreparedIndicator request(String metric, String path, Map<String, String> params,
            DynatraceResponse reader) {
        try {
            URI uri = QueryStrings.withParams(url + path, params);
            return new PreparedIndicator.Ready(metric,
                    new HttpQuery("GET", uri, Map.of("Authorization", authorization), null), reader);
        } catch (IllegalArgumentException e) {
            return new PreparedIndicator.Failed(metric, "'" + url + "' is not a valid Dynatrace URL: " + e.getMessage());
        }
    }

    /** {@code a=1&b=2} as written (values are not decoded, so selectors keep their {@code +} and quotes). */
    static Map<String, String> parse(String query) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isBlank()) {
                continue;
            }
            int equals = pair.indexOf('=');
            if (equals < 0) {
                params.put(pair.strip(), "");
            } else {
                params.put(pair.substring(0, equals).strip(), pair.substring(equals + 1));
            }
        }
        return params;
    }

    @Override
    public Set<String> secretValues() {
        return secrets;
    }
}
