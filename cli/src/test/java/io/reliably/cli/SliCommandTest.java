package io.reliably.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code reliably sli} as a user runs it, over the docs' examples, against loopback stores. */
class SliCommandTest {

    private static final Path DOCS = Path.of("..", "docs", "sli");
    private static final Instant NOW = Instant.parse("2024-05-01T12:10:00Z");

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine sli = new CommandLine(new SliCommand(Clock.fixed(NOW, ZoneOffset.UTC)));
        return sli.setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
    }

    private static Map<String, String> promValues() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("0/0", "NaN");
        values.put("code=~", "0.0909");
        values.put("rate(", "11.02");
        values.put("demo_queue_depth", "7");
        return values;
    }

    @Test
    void shouldPrintKeptnIndicatorValuesAsJsonAndExitZero() throws Exception {
        try (FakeStore prometheus = FakeStore.prometheus(promValues())) {
            int code = run("--sli", DOCS.resolve("examples/sli-prometheus.yaml").toString(), "--provider", "prometheus",
                    "--url", prometheus.url(), "--service", "carts", "--label", "canary=v2", "--duration", "10m", "--json");

            assertThat(code).as(err.toString()).isZero();
            JsonNode json = new ObjectMapper().readTree(out.toString());
            assertThat(json.path("indicators")).hasSize(4);
            assertThat(json.at("/indicators/0/metric").asText()).isEqualTo("throughput");
            assertThat(json.at("/indicators/0/value").asDouble()).isEqualTo(11.02);
            assertThat(json.at("/indicators/0/success").asBoolean()).isTrue();
            assertThat(json.at("/indicators/0/message").asText()).isEmpty();
            assertThat(json.at("/indicators/1/value").asDouble()).isEqualTo(0.0909);
            assertThat(json.at("/indicators/3/value").asDouble()).isZero();
            assertThat(prometheus.params).anySatisfy(p -> assertThat(p)
                    .containsEntry("query", "sum(demo_requests_total{service=\"carts\",deployment=\"v2\"})")
                    .containsEntry("time", "2024-05-01T12:10:00Z")
                    .containsEntry("@path", "/api/v1/query"));
        }
    }

    @Test
    void shouldPrintATableAndExitOneWhenAnIndicatorFails() throws Exception {
        try (FakeStore prometheus = FakeStore.prometheus(promValues())) {
            Path sli = Files.createTempFile("sli", ".yaml");
            Files.writeString(sli, "indicators:\n  throughput: sum(rate(x[$DURATION_SECONDS]))\n  broken: 0/0\n");
            try {
                int code = run("--sli", sli.toString(), "--provider", "prometheus", "--url", prometheus.url(),
                        "--start", "2024-05-01T11:00:00Z", "--end", "2024-05-01T12:00:00Z");

                assertThat(code).isEqualTo(1);
                assertThat(out.toString()).contains("INDICATOR   VALUE  STATUS  MESSAGE")
                        .contains("throughput  11.02  ok")
                        .contains("broken      -      failed  Prometheus answered NaN, not a usable number")
                        .contains("Window: 2024-05-01T11:00:00Z to 2024-05-01T12:00:00Z (3600 s)")
                        .contains("1 of 2 indicators have a value");
                assertThat(prometheus.params).extracting(p -> p.get("query"))
                        .containsExactlyInAnyOrder("sum(rate(x[3600s]))", "0/0");
            } finally {
                Files.delete(sli);
            }
        }
    }

    @Test
    void shouldQueryIter8MetricsWithVersionVariablesAndSecrets(@TempDir Path dir) throws Exception {
        try (FakeStore store = FakeStore.prometheus(Map.of("service_name", "21.7639"))) {
            Path metrics = dir.resolve("metrics.yaml");
            Files.writeString(metrics, Files.readString(DOCS.resolve("examples/iter8-metrics.yaml"))
                    .replace("http://prometheus.example.com:9090", store.url()).split("\n---\n")[0]);

            int code = run("--metrics", metrics.toString(), "--version", "sample-app-v1",
                    "--var", "userfilter=usergroup!~\"wakanda\"", "--secret-file",
                    DOCS.resolve("examples/secrets.yaml").toString(), "--duration", "10m", "--json");

            assertThat(code).as(err.toString()).isZero();
            assertThat(out.toString()).contains("\"metric\" : \"request-count\"").contains("\"value\" : 21.7639");
            assertThat(store.params.get(0).get("query")).isEqualTo("sum(increase(revision_app_request_latencies_count"
                    + "{service_name='sample-app-v1',usergroup!~\"wakanda\"}[600s])) or on() vector(0)");
            assertThat(store.authorizations.get(0)).startsWith("Basic ");
        }
    }

    @Test
    void shouldAnswerAKeptnEventWithTheFinishedEvent() throws Exception {
        try (FakeStore dynatrace = new FakeStore(query -> query.get("@path").startsWith("/api/v2/slo/")
                ? "{\"evaluatedPercentage\": 99.5}"
                : "{\"result\": [{\"metricId\": \"m\", \"data\": [{\"values\": [412000]}]}]}")) {
            int code = run("--keptn-event", DOCS.resolve("examples/get-sli-triggered.json").toString(),
                    "--sli", DOCS.resolve("examples/sli-dynatrace.yaml").toString(), "--url", dynatrace.url(),
                    "--secret-file", DOCS.resolve("examples/secrets.yaml").toString());

            assertThat(code).as(err.toString()).isEqualTo(1);
            JsonNode event = new ObjectMapper().readTree(out.toString());
            assertThat(event.path("type").asText()).isEqualTo("sh.keptn.event.get-sli.finished");
            assertThat(event.path("triggeredid").asText()).isEqualTo("f2b878d3-03c0-4e8f-bc3f-454bc1b3d79d");
            assertThat(event.path("time").asText()).isEqualTo("2024-05-01T12:10:00Z");
            assertThat(event.at("/data/status").asText()).isEqualTo("succeeded");
            assertThat(event.at("/data/result").asText()).isEqualTo("fail");
            assertThat(event.at("/data/get-sli/indicatorValues/1/value").asDouble()).isEqualTo(412);
            assertThat(dynatrace.authorizations).allMatch("Api-Token dt0c01.EXAMPLE.TOKEN"::equals);
            assertThat(out.toString()).doesNotContain("dt0c01.EXAMPLE.TOKEN");
        }
    }

    @Test
    void shouldPrintAnErroredEventWhenTheSliFileIsBroken(@TempDir Path dir) throws Exception {
        Path broken = dir.resolve("sli.yaml");
        Files.writeString(broken, "indicators: [throughput]\n");

        int code = run("--keptn-event", DOCS.resolve("examples/get-sli-triggered.json").toString(), "--sli",
                broken.toString(), "--url", "http://127.0.0.1:1", "--secret-file",
                DOCS.resolve("examples/secrets.yaml").toString());

        assertThat(code).isEqualTo(3);
        JsonNode event = new ObjectMapper().readTree(out.toString());
        assertThat(event.at("/data/status").asText()).isEqualTo("errored");
        assertThat(event.at("/data/result").asText()).isEqualTo("fail");
        assertThat(event.at("/data/message").asText())
                .isEqualTo(broken + ": indicators: expected a map of indicator name to query");
        assertThat(err.toString()).contains("reliably sli: invalid input:");
    }

    @Test
    void shouldExplainUsageErrorsWithExitThree() {
        assertThat(run("--sli", DOCS.resolve("examples/sli-prometheus.yaml").toString())).isEqualTo(3);
        assertThat(err.toString()).contains("--provider: missing; --sli needs --provider prometheus, dynatrace or an "
                + "Iter8-style definition file");

        err.getBuffer().setLength(0);
        assertThat(run("--metrics", "nowhere.yaml", "--start", "yesterday", "--duration", "ten")).isEqualTo(3);
        assertThat(err.toString()).contains("--start: 'yesterday' is not an RFC 3339 time, e.g. 2024-05-01T12:00:00Z")
                .contains("--duration: 'ten' is not a positive duration, e.g. 10m, 1h, 600s")
                .doesNotContain("\tat ");

        err.getBuffer().setLength(0);
        assertThat(run("--metrics", "nowhere.yaml")).isEqualTo(3);
        assertThat(err.toString()).contains("nowhere.yaml: no such file");

        err.getBuffer().setLength(0);
        assertThat(run("--bogus")).isEqualTo(3);
        assertThat(err.toString()).contains("Unknown option: '--bogus'");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void shouldDocumentItsExitCodesInTheHelp() {
        List<String> args = new ArrayList<>(List.of("--help"));

        assertThat(run(args.toArray(String[]::new))).isZero();
        assertThat(out.toString()).contains("Exit codes:", "--keptn-event", "--metrics", "--secret-file", "--read-timeout");
    }

    @Test
    void shouldBeASubcommandOfReliably() {
        int code = ReliablyCommand.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute("sli", "--help");

        assertThat(code).isZero();
        assertThat(out.toString()).startsWith("Usage: reliably sli");
    }
}
