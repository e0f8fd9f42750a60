package io.reliably.engine.sli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.reliably.engine.sli.iter8.MetricDefinition;
import io.reliably.engine.sli.iter8.MetricLoader;
import io.reliably.engine.sli.iter8.MetricRequests;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Iter8 metric definitions as Iter8's docs write them, against loopback fakes of each store. */
class Iter8MetricQueryTest {

    static final String PROMETHEUS_ANSWER = """
            {"status": "success", "data": {"resultType": "vector",
             "result": [{"metric": {}, "value": [1556823494.744, "21.7639"]}]}}""";
    static final String NEW_RELIC_ANSWER = """
            {"results": [{"count": 80275388}],
             "metadata": {"eventTypes": ["PageView"], "eventType": "PageView", "openEnded": true,
                          "beginTime": "2014-08-03T19:00:00Z", "endTime": "2017-01-18T23:18:41Z",
                          "messages": [], "contents": [{"function": "count", "attribute": "appName", "simple": true}]}}""";
    static final String SYSDIG_ANSWER = """
            {"data": [{"t": 1582756200, "d": [6.481]}], "start": 1582755600, "end": 1582756200}""";
    static final String ELASTIC_ANSWER = """
            {"took": 3, "timed_out": false, "hits": {"total": {"value": 3, "relation": "eq"}, "hits": []},
             "aggregations": {"items_to_sell": {"doc_count": 3, "avg_sales": {"value": 128.33333333333334}}}}""";

    private final ObjectMapper json = new ObjectMapper();
    private final QueryWindow window = QueryWindow.ending(Instant.parse("2024-05-01T12:10:00Z"), Duration.ofMinutes(10));
    private final VersionInfo version = new VersionInfo("sample-app-v1",
            Map.of("revision", "sample-app-v1", "userfilter", "usergroup!~\"wakanda\""));
    private RecordingServer server;

    @BeforeEach
    void startFakes() throws Exception {
        server = new RecordingServer()
                .onJson("/api/v1/query", PROMETHEUS_ANSWER)
                .onJson("/v1/accounts/", NEW_RELIC_ANSWER)
                .onJson("/api/data", SYSDIG_ANSWER)
                .onJson("/sales/_search", ELASTIC_ANSWER);
    }

    @AfterEach
    void stopFakes() {
        server.close();
    }

    private List<MetricDefinition> docsMetrics() throws InvalidSliException {
        String text = Docs.read("sli/examples/iter8-metrics.yaml")
                .replace("http://prometheus.example.com:9090", server.url())
                .replace("https://insights-api.newrelic.com", server.url())
                .replace("https://secure.sysdig.com", server.url())
                .replace("https://elastic.example.com:9200", server.url());
        return new MetricLoader().parse("iter8-metrics.yaml", text);
    }

    private List<IndicatorValue> query(List<MetricDefinition> metrics) throws InvalidSliException {
        SecretStore secrets = SecretFile.load(Docs.path("sli/examples/secrets.yaml"));
        IndicatorPlan plan = new MetricRequests().plan(metrics, version, window, KeptnContext.NONE, secrets);
        return new IndicatorQueryRunner().run(plan);
    }

    @Test
    void shouldQueryEveryStoreTheWayIter8Does() throws Exception {
        List<IndicatorValue> values = query(docsMetrics());

        assertThat(values).containsExactly(
                IndicatorValue.of("request-count", 21.7639),
                IndicatorValue.of("name-count", 80275388),
                IndicatorValue.of("cpu-utilization", 6.481),
                IndicatorValue.of("average-sales", 128.33333333333334));
    }

    @Test
    void shouldSendPrometheusTheQueryWithVersionNamesAndBasicAuth() throws Exception {
        query(docsMetrics());

        RecordingServer.Request request = server.to("/api/v1/query");
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.params()).containsExactly(Map.entry("query", "sum(increase(revision_app_request_latencies_count"
                + "{service_name='sample-app-v1',usergroup!~\"wakanda\"}[600s])) or on() vector(0)"));
        assertThat(request.header("Authorization")).isEqualTo(basic("produser", "prom-t0p-secret"));
    }

    @Test
    void shouldSendNewRelicTheNrqlWithTheQueryKeyFromTheSecret() throws Exception {
        query(docsMetrics());

        RecordingServer.Request request = server.to("/v1/accounts/");
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.path()).isEqualTo("/v1/accounts/1234567/query");
        assertThat(request.params()).containsExactly(Map.entry("nrql",
                "SELECT count(appName) FROM PageView WHERE revisionName='sample-app-v1' SINCE 600 seconds ago"));
        assertThat(request.header("X-Query-Key")).isEqualTo("NRIQ-example-query-key");
        assertThat(request.header("Authorization")).isNull();
    }

    @Test
    void shouldPostSysdigAJsonBodyWithABearerToken() throws Exception {
        query(docsMetrics());

        RecordingServer.Request request = server.to("/api/data");
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.header("Authorization")).isEqualTo("Bearer 87654321-1234-1234-1234-123456789012");
        assertThat(request.header("Accept")).isEqualTo("application/json");
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        JsonNode body = json.readTree(request.body());
        assertThat(body.path("last").asInt()).isEqualTo(600);
        assertThat(body.path("filter").asText()).isEqualTo("kubernetes.app.revision.name = 'sample-app-v1'");
        assertThat(body.path("metrics").path(0).path("id").asText()).isEqualTo("cpu.cores.used");
        assertThat(request.params()).isEmpty();
    }

    @Test
    void shouldPostElasticAnAggregationWithBasicAuth() throws Exception {
        query(docsMetrics());

        RecordingServer.Request request = server.to("/sales/_search");
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.header("Authorization")).isEqualTo(basic("produser", "t0p-secret"));
        JsonNode body = json.readTree(request.body());
        assertThat(body.at("/aggs/range/date_range/ranges/0/from").asText()).isEqualTo("now-600s/s");
        assertThat(body.at("/aggs/items_to_sell/filter/term/version").asText()).isEqualTo("sample-app-v1");
    }

    @Test
    void shouldSubstituteUrlAndHeadersFromTheSecretOnlyAsIter8Does() throws Exception {
        String metrics = """
                ---
                metadata: {name: no-auth-type}
                spec:
                  urlTemplate: %1$s/v1/accounts/${accountId}/query
                  secret: newrelic
                  headerTemplates: [{name: X-Query-Key, value: "${queryKey}"}]
                  jqExpression: .results[0].count
                ---
                metadata: {name: basic}
                spec:
                  urlTemplate: %1$s/sales/_search
                  authType: Basic
                  secret: elastic
                  headerTemplates: [{name: X-User, value: "${username}"}]
                  jqExpression: .aggregations.items_to_sell.avg_sales.value
                """.formatted(server.url());
        SecretStore secrets = SecretFile.load(Docs.path("sli/examples/secrets.yaml"));

        List<IndicatorValue> values = new IndicatorQueryRunner().run(new MetricRequests().plan(
                new MetricLoader().parse("m.yaml", metrics), version, window, KeptnContext.NONE, secrets));

        assertThat(values).allMatch(IndicatorValue::success);
        assertThat(server.to("/v1/accounts/").path()).isEqualTo("/v1/accounts/1234567/query");
        assertThat(server.to("/v1/accounts/").header("X-Query-Key")).isEqualTo("${queryKey}");
        assertThat(server.to("/sales/").header("X-User")).isEqualTo("${username}");
    }

    @Test
    void shouldFailTheIndicatorWhoseBodyIsNotJsonAfterSubstitution() throws Exception {
        String metric = """
                metadata: {name: broken-body}
                spec:
                  method: POST
                  urlTemplate: %s/api/data
                  body: '{"last": ${elapsedTime}, "filter": ${revision}}'
                  jqExpression: .data[0].d[0]
                """.formatted(server.url());

        List<IndicatorValue> values = query(new MetricLoader().parse("broken-body.yaml", metric));

        assertThat(values).singleElement().satisfies(value -> {
            assertThat(value.success()).isFalse();
            assertThat(value.message()).startsWith("broken-body.yaml: spec.body: is not JSON after substitution")
                    .contains("{\"last\": 600, \"filter\": sample-app-v1}");
        });
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void shouldSayWhyAJqResultIsNotANumber() throws Exception {
        server.onJson("/nan", "{\"v\": \"NaN\"}")
                .onJson("/text", "{\"v\": \"fast\"}")
                .onJson("/none", "{\"v\": []}")
                .onJson("/bool", "{\"v\": true}")
                .onJson("/ok", "{\"v\": [\"3.5\", 9]}");
        String metrics = """
                ---
                {metadata: {name: nan}, spec: {urlTemplate: "%1$s/nan", jqExpression: ".v | tonumber"}}
                ---
                {metadata: {name: text}, spec: {urlTemplate: "%1$s/text", jqExpression: ".v"}}
                ---
                {metadata: {name: none}, spec: {urlTemplate: "%1$s/none", jqExpression: ".v[]"}}
                ---
                {metadata: {name: bool}, spec: {urlTemplate: "%1$s/bool", jqExpression: ".v"}}
                ---
                {metadata: {name: first-of-many}, spec: {urlTemplate: "%1$s/ok", jqExpression: ".v[] | tonumber"}}
                """.formatted(server.url());

        List<IndicatorValue> values = query(new MetricLoader().parse("m.yaml", metrics));

        assertThat(values).extracting(IndicatorValue::message).containsExactly(
                "jqExpression '.v | tonumber' gave NaN; expected a number",
                "jqExpression '.v' gave the string \"fast\", not a number (add '| tonumber')",
                "jqExpression '.v[]' gave no result; expected a number",
                "jqExpression '.v' gave boolean, not a number",
                "");
        assertThat(values.get(4)).isEqualTo(IndicatorValue.of("first-of-many", 3.5));
    }

    @Test
    void shouldReportAMissingSecretWithFileFieldAndExpectation() throws Exception {
        String metric = """
                metadata: {name: m}
                spec: {urlTemplate: "http://x/q", jqExpression: ".v", authType: Basic, secret: myns/absent}
                """;
        List<MetricDefinition> metrics = new MetricLoader().parse("needs-secret.yaml", metric);
        SecretStore secrets = SecretFile.load(Docs.path("sli/examples/secrets.yaml"));

        assertThatThrownBy(() -> new MetricRequests().plan(metrics, version, window, KeptnContext.NONE, secrets))
                .isInstanceOf(InvalidSliException.class)
                .hasMessage("needs-secret.yaml: spec.secret: secret 'myns/absent' was not found in secret file "
                        + Docs.path("sli/examples/secrets.yaml") + "; expected a secret with that name holding the keys "
                        + "username and password");
    }

    @Test
    void shouldNeverShowASecretInAMessage() throws Exception {
        server.on("/echo", request -> new RecordingServer.Answer(401,
                "{\"error\": \"bad key " + request.header("X-Query-Key") + "\"}", 0));
        String metric = """
                metadata: {name: echo}
                spec:
                  urlTemplate: %s/echo
                  authType: APIKey
                  secret: newrelic
                  headerTemplates: [{name: X-Query-Key, value: "${queryKey}"}]
                  jqExpression: .v
                """.formatted(server.url());

        List<IndicatorValue> values = query(new MetricLoader().parse("echo.yaml", metric));

        assertThat(values).singleElement().satisfies(value -> {
            assertThat(value.message()).startsWith("HTTP 401 from GET " + server.url() + "/echo: ")
                    .contains("bad key ***")
                    .doesNotContain("NRIQ-example-query-key");
        });
    }

    @Test
    void shouldTimeOutASlowStoreWithoutStoppingTheOthers() throws Exception {
        server.on("/slow", request -> new RecordingServer.Answer(200, "{\"v\": 1}", 5_000));
        server.onJson("/fast", "{\"v\": 2}");
        String metrics = """
                ---
                {metadata: {name: slow}, spec: {urlTemplate: "%1$s/slow", jqExpression: ".v"}}
                ---
                {metadata: {name: fast}, spec: {urlTemplate: "%1$s/fast", jqExpression: ".v"}}
                ---
                {metadata: {name: refused}, spec: {urlTemplate: "http://127.0.0.1:1/q", jqExpression: ".v"}}
                ---
                {metadata: {name: error}, spec: {urlTemplate: "%1$s/missing", jqExpression: ".v"}}
                """.formatted(server.url());
        IndicatorPlan plan = new MetricRequests().plan(new MetricLoader().parse("m.yaml", metrics), version, window,
                KeptnContext.NONE, SecretStore.NONE);
        IndicatorQueryRunner runner = new IndicatorQueryRunner(
                new IndicatorQuerySettings(Duration.ofSeconds(2), Duration.ofMillis(500), 4));

        long started = System.nanoTime();
        List<IndicatorValue> values = runner.run(plan);
        long tookMillis = (System.nanoTime() - started) / 1_000_000;

        assertThat(values.get(0).success()).isFalse();
        assertThat(values.get(0).message()).isEqualTo("no answer from GET " + server.url() + "/slow within 500 ms");
        assertThat(values.get(1)).isEqualTo(IndicatorValue.of("fast", 2));
        assertThat(values.get(2).message()).startsWith("cannot connect to GET http://127.0.0.1:1/q");
        assertThat(values.get(3).message()).isEqualTo("HTTP 404 from GET " + server.url() + "/missing: {\"error\":\"no route\"}");
        assertThat(tookMillis).as("bounded by the read timeout, not the 5 s answer").isLessThan(4_500);
    }

    @Test
    void shouldQueryIndicatorsConcurrentlyOnABoundedPool() throws Exception {
        java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger peak = new java.util.concurrent.atomic.AtomicInteger();
        server.on("/slow", request -> {
            peak.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inFlight.decrementAndGet();
            return RecordingServer.Answer.json("{\"v\": 1}");
        });
        StringBuilder metrics = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            metrics.append("---\n{metadata: {name: m").append(i).append("}, spec: {urlTemplate: \"")
                    .append(server.url()).append("/slow\", jqExpression: \".v\"}}\n");
        }
        IndicatorPlan plan = new MetricRequests().plan(new MetricLoader().parse("m.yaml", metrics.toString()), version,
                window, KeptnContext.NONE, SecretStore.NONE);

        long started = System.nanoTime();
        List<IndicatorValue> values = new IndicatorQueryRunner(
                new IndicatorQuerySettings(Duration.ofSeconds(5), Duration.ofSeconds(30), 5)).run(plan);
        long tookMillis = (System.nanoTime() - started) / 1_000_000;

        assertThat(values).hasSize(20).allMatch(IndicatorValue::success);
        assertThat(values).extracting(IndicatorValue::metric).startsWith("m0", "m1", "m2").endsWith("m19");
        assertThat(peak.get()).as("at most the pool's size at once").isBetween(2, 5);
        assertThat(tookMillis).as("20 × 300 ms one at a time would take 6 s").isLessThan(5_000);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
