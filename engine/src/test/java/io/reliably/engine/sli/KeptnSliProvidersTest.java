package io.reliably.engine.sli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.reliably.engine.sli.iter8.MetricLoader;
import io.reliably.engine.sli.keptn.KeptnIndicators;
import io.reliably.engine.sli.keptn.SliFile;
import io.reliably.engine.sli.keptn.SliFileLoader;
import io.reliably.engine.sli.keptn.SliProviders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Keptn sli.yaml files answered by the ready-made definitions of docs/sli/ and by Dynatrace. */
class KeptnSliProvidersTest {

    private final ObjectMapper json = new ObjectMapper();
    private final QueryWindow window = new QueryWindow(Instant.parse("2024-05-01T12:00:00Z"),
            Instant.parse("2024-05-01T12:10:00Z"));
    private final KeptnContext keptn = new KeptnContext("sockshop", "dev", "carts", "primary", null,
            Map.of("dttag", "evaluateforsli"), Map.of("mz_id", "4711"));
    private RecordingServer server;
    private SecretStore secrets;

    @BeforeEach
    void start() throws Exception {
        server = new RecordingServer();
        secrets = SecretFile.load(Docs.path("sli/examples/secrets.yaml"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private List<IndicatorValue> query(String sliFile, String provider, String url) throws InvalidSliException {
        SliFile sli = new SliFileLoader().load(Docs.path(sliFile));
        SliProvider chosen = new SliProviders(new MetricLoader()).create(provider, url, secrets, "--provider");
        IndicatorPlan plan = new KeptnIndicators().plan(sli, chosen, List.of(), window, keptn, VersionInfo.NONE);
        return new IndicatorQueryRunner().run(plan);
    }

    @Test
    void shouldAskNewRelicWithTheReadyMadeDefinition() throws Exception {
        server.on("/v1/accounts/", request -> RecordingServer.Answer.json(request.params().get("nrql").contains("percentile")
                ? "{\"results\": [{\"percentiles\": {\"95\": 0.312}}]}"
                : "{\"results\": [{\"count\": 1520}], \"metadata\": {\"contents\": [{\"function\": \"count\"}]}}"));

        List<IndicatorValue> values = query("sli/examples/sli-newrelic.yaml", Docs.path("sli/newrelic.yaml").toString(),
                server.url());

        assertThat(values).containsExactly(IndicatorValue.of("throughput", 1520),
                IndicatorValue.of("response_time_p95", 0.312));
        RecordingServer.Request first = server.requests().stream()
                .filter(r -> r.params().get("nrql").contains("count")).findFirst().orElseThrow();
        assertThat(first.method()).isEqualTo("GET");
        assertThat(first.path()).isEqualTo("/v1/accounts/1234567/query");
        assertThat(first.params()).containsExactly(Map.entry("nrql", "SELECT count(*) FROM Transaction WHERE "
                + "appName = 'carts-dev' SINCE 1714564800000 UNTIL 1714565400000"));
        assertThat(first.header("X-Query-Key")).isEqualTo("NRIQ-example-query-key");
    }

    @Test
    void shouldPostSysdigTheWindowAndTheMetricWithTheReadyMadeDefinition() throws Exception {
        server.onJson("/api/data", "{\"data\": [{\"t\": 1714565400, \"d\": [0.42]}], \"start\": 1714564800, \"end\": 1714565400}");

        List<IndicatorValue> values = query("sli/examples/sli-sysdig.yaml", Docs.path("sli/sysdig.yaml").toString(),
                server.url());

        assertThat(values).containsExactly(IndicatorValue.of("cpu_used", 0.42));
        RecordingServer.Request request = server.only();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/api/data");
        assertThat(request.header("Authorization")).isEqualTo("Bearer 87654321-1234-1234-1234-123456789012");
        JsonNode body = json.readTree(request.body());
        assertThat(body.path("start").asLong()).isEqualTo(1714564800L);
        assertThat(body.path("end").asLong()).isEqualTo(1714565400L);
        assertThat(body.path("sampling").asLong()).isEqualTo(600L);
        assertThat(body.path("filter").asText())
                .isEqualTo("kubernetes.namespace.name = 'sockshop-dev' and kubernetes.deployment.name = 'carts'");
        assertThat(body.at("/metrics/0/id").asText()).isEqualTo("cpu.cores.used");
    }

    @Test
    void shouldSearchElasticWithTheAggregationAsQueryAndBasicAuth() throws Exception {
        server.on("/sales/_search", request -> RecordingServer.Answer.json(request.body().contains("\"max\"")
                ? "{\"aggregations\": {\"sli\": {\"value\": 250.0}}}"
                : "{\"hits\": {\"total\": {\"value\": 3}}, \"aggregations\": {\"sli\": {\"value\": 128.33333333333334}}}"));

        List<IndicatorValue> values = query("sli/examples/sli-elastic.yaml", Docs.path("sli/elastic.yaml").toString(),
                server.url() + "/sales");

        assertThat(values).containsExactly(IndicatorValue.of("average_sales", 128.33333333333334),
                IndicatorValue.of("max_latency_ms", 250.0));
        RecordingServer.Request request = server.requests().get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.header("Authorization")).isEqualTo("Basic "
                + Base64.getEncoder().encodeToString("produser:t0p-secret".getBytes(StandardCharsets.UTF_8)));
        JsonNode body = json.readTree(request.body());
        assertThat(body.at("/size").asInt()).isZero();
        assertThat(body.at("/query/range/@timestamp/gte").asText()).isEqualTo("2024-05-01T12:00:00Z");
        assertThat(body.at("/query/range/@timestamp/lte").asText()).isEqualTo("2024-05-01T12:10:00Z");
        assertThat(body.at("/aggs/sli").has("avg") || body.at("/aggs/sli").has("max")).isTrue();
    }

    @Test
    void shouldReadPrometheusEmptyVectorsAsZeroWithTheReadyMadeDefinition() throws Exception {
        server.on("/api/v1/query", request -> RecordingServer.Answer.json(request.params().get("query").contains("queue")
                ? "{\"status\": \"success\", \"data\": {\"resultType\": \"vector\", \"result\": [{\"metric\": {}, \"value\": [1714565400, \"7\"]}]}}"
                : "{\"status\": \"success\", \"data\": {\"resultType\": \"vector\", \"result\": []}}"));

        List<IndicatorValue> values = query("sli/examples/sli-prometheus.yaml", Docs.path("sli/prometheus.yaml").toString(),
                server.url());

        assertThat(values).containsExactly(IndicatorValue.of("throughput", 0), IndicatorValue.of("error_rate", 0),
                IndicatorValue.of("queue_depth", 7), IndicatorValue.of("canary_errors", 0));
        RecordingServer.Request request = server.requests().stream()
                .filter(r -> r.params().get("query").startsWith("sum(rate(demo_requests_total{service=\"carts\"}"))
                .findFirst().orElseThrow();
        assertThat(request.params()).containsExactly(
                Map.entry("query", "sum(rate(demo_requests_total{service=\"carts\"}[600s]))"),
                Map.entry("time", "2024-05-01T12:10:00Z"));
    }

    @Test
    void shouldQueryDynatraceMetricsSloAndProblemsAsDynatraceServiceDoes() throws Exception {
        server.on("/api/v2/metrics/query", request -> {
            String selector = request.params().get("metricSelector");
            double value = selector.startsWith("builtin:service.response.time") ? 412_000
                    : selector.startsWith("calc:") ? 2_500 : selector.startsWith("builtin:tech.jvm") ? 2048 : 1234;
            return RecordingServer.Answer.json("{\"totalCount\": 1, \"nextPageKey\": null, \"result\": [{\"metricId\": "
                    + json.valueToTree(selector) + ", \"data\": [{\"dimensions\": [], \"timestamps\": [1714565400000], \"values\": ["
                    + value + "]}]}]}");
        });
        server.onJson("/api/v2/slo/", "{\"id\": \"524ca177\", \"evaluatedPercentage\": 99.87, \"status\": \"SUCCESS\"}");
        server.onJson("/api/v2/problems", "{\"totalCount\": 2, \"pageSize\": 50, \"problems\": []}");

        List<IndicatorValue> values = query("sli/examples/sli-dynatrace.yaml", "dynatrace", server.url());

        assertThat(values).containsExactly(IndicatorValue.of("throughput", 1234),
                IndicatorValue.of("response_time_p95", 412),
                IndicatorValue.of("step_time", 2.5),
                IndicatorValue.of("memory_kb", 2),
                IndicatorValue.of("availability", 99.87),
                IndicatorValue.of("open_problems", 2));
        RecordingServer.Request throughput = server.requests().stream()
                .filter(r -> r.params().getOrDefault("metricSelector", "").startsWith("builtin:service.requestCount"))
                .findFirst().orElseThrow();
        assertThat(throughput.method()).isEqualTo("GET");
        assertThat(throughput.header("Authorization")).isEqualTo("Api-Token dt0c01.EXAMPLE.TOKEN");
        assertThat(throughput.params()).containsExactly(
                Map.entry("metricSelector", "builtin:service.requestCount.total:merge(\"dt.entity.service\"):sum"),
                Map.entry("entitySelector", "type(SERVICE),tag(keptn_project:sockshop),tag(keptn_stage:dev),"
                        + "tag(keptn_service:carts),tag(keptn_deployment:primary)"),
                Map.entry("resolution", "Inf"),
                Map.entry("from", "1714564800000"),
                Map.entry("to", "1714565400000"));
        assertThat(server.to("/api/v2/slo/").path()).isEqualTo("/api/v2/slo/524ca177-849b-3e8c-8175-42b93fbc33c5");
        assertThat(server.to("/api/v2/problems").params()).containsEntry("problemSelector", "status(open)")
                .containsEntry("entitySelector", "mzId(4711)");
        assertThat(server.requests().stream().filter(r -> r.params().getOrDefault("entitySelector", "").contains("tag("
                + "evaluateforsli)")).count()).isEqualTo(1);
    }

    @Test
    void shouldFailDynatraceIndicatorsThatDoNotGiveOneSeries() throws Exception {
        server.onJson("/api/v2/metrics/query", "{\"result\": [{\"metricId\": \"m\", \"data\": [{\"values\": [1]}, {\"values\": [2]}]}]}");
        SliFile sli = new SliFileLoader().parse("sli.yaml", """
                indicators:
                  split: "metricSelector=m:splitBy(\\"dt.entity.service\\")&entitySelector=type(SERVICE)"
                  usql: "USQL;COLUMN_CHART;iPad mini;SELECT device FROM usersession"
                """);
        SliProvider dynatrace = new SliProviders(new MetricLoader()).create("dynatrace", server.url(), secrets, "--provider");

        List<IndicatorValue> values = new IndicatorQueryRunner().run(new KeptnIndicators()
                .plan(sli, dynatrace, List.of(), window, keptn, VersionInfo.NONE));

        assertThat(values).extracting(IndicatorValue::message).containsExactly(
                "Dynatrace Metrics API returned 2 series for m, expected 1; merge the dimensions, e.g. with :splitBy() "
                        + "or :merge(\"dt.entity.service\")",
                "USQL queries are not supported; use a Metrics API v2 query (metricSelector=...&entitySelector=...)");
    }

    @Test
    void shouldNeedADynatraceTokenAndAProviderUrl() {
        SliProviders providers = new SliProviders(new MetricLoader());

        assertThatThrownBy(() -> providers.create("dynatrace", server.url(), SecretStore.NONE, "--provider"))
                .hasMessage("--provider: dynatrace: needs an API token; expected the key DT_API_TOKEN in the secret "
                        + "'dynatrace' of the secrets given");
        assertThatThrownBy(() -> providers.create("prometheus", null, secrets, "--provider"))
                .hasMessage("--provider: prometheus: needs the prometheus URL; expected e.g. http://prometheus:9090");
    }

    @Test
    void shouldFailAnIndicatorTheSliFileDoesNotDefine() throws Exception {
        SliFile sli = new SliFileLoader().load(Docs.path("sli/examples/sli-prometheus.yaml"));
        SliProvider prometheus = new SliProviders(new MetricLoader()).create("prometheus", server.url(), secrets, "p");

        IndicatorPlan plan = new KeptnIndicators().plan(sli, prometheus, List.of("queue_depth", "latency"), window, keptn,
                VersionInfo.NONE);

        assertThat(plan.metrics()).containsExactly("queue_depth", "latency");
        assertThat(plan.indicators().get(1)).isEqualTo(new PreparedIndicator.Failed("latency",
                "no query for indicator 'latency' in " + Docs.path("sli/examples/sli-prometheus.yaml")
                        + "; expected it under indicators"));
    }

    @Test
    void shouldNameTheProblemsOfABrokenSliFile() {
        assertThatThrownBy(() -> new SliFileLoader().parse("sli.yaml", "spec_version: '1.0'\nindicators:\n  a: [1]\n  b: ''\nextra: 1\n"))
                .isInstanceOf(InvalidSliException.class)
                .satisfies(e -> assertThat(((InvalidSliException) e).problems()).extracting(SliProblem::toString)
                        .containsExactly("sli.yaml: extra: unknown field; expected spec_version and indicators",
                                "sli.yaml: indicators.a: expected the indicator's query as a non-empty string",
                                "sli.yaml: indicators.b: expected the indicator's query as a non-empty string"));
        assertThatThrownBy(() -> new SliFileLoader().parse("tabs.yaml", "indicators:\n\tbad: x\n"))
                .hasMessageStartingWith("tabs.yaml: line ")
                .hasMessageContaining("is not valid YAML")
                .hasMessageContaining("that cannot start any token. (Do not use");
    }

    @Test
    void shouldMaskTheDynatraceTokenEvenWhenTheStoreEchoesIt() throws Exception {
        server.on("/api/v2/metrics/query", request -> new RecordingServer.Answer(401,
                "{\"error\": {\"code\": 401, \"message\": \"Token " + request.header("Authorization") + " is invalid\"}}", 0));
        SliFile sli = new SliFileLoader().parse("sli.yaml", "indicators:\n  t: metricSelector=m&entitySelector=e\n");
        SliProvider dynatrace = new SliProviders(new MetricLoader()).create("dynatrace", server.url(), secrets, "p");

        List<IndicatorValue> values = new IndicatorQueryRunner(new IndicatorQuerySettings(Duration.ofSeconds(5),
                Duration.ofSeconds(5), 2)).run(new KeptnIndicators().plan(sli, dynatrace, List.of(), window, keptn,
                VersionInfo.NONE));

        assertThat(values.get(0).message()).contains("HTTP 401").contains("Token *** is invalid")
                .doesNotContain("dt0c01.EXAMPLE.TOKEN");
    }
}
