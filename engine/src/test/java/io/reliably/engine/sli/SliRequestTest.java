package io.reliably.engine.sli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reliably.engine.sli.request.SliRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One request mixing a Keptn sli.yaml and Iter8 metrics, as the command line and the Jenkins step build it. */
class SliRequestTest {

    private final QueryWindow window = QueryWindow.ending(Instant.parse("2024-05-01T12:10:00Z"), Duration.ofMinutes(10));

    @Test
    void shouldQueryTheSliFileThenTheMetricsInOneRun(@TempDir Path dir) throws Exception {
        try (RecordingServer store = new RecordingServer()) {
            store.onJson("/api/v1/query", "{\"status\": \"success\", \"data\": {\"resultType\": \"vector\", \"result\": "
                    + "[{\"metric\": {}, \"value\": [1, \"5\"]}]}}");
            Path sli = dir.resolve("sli.yaml");
            Files.writeString(sli, "indicators:\n  a: up{service=\"$SERVICE\"}\n");
            Path metrics = dir.resolve("metrics.yaml");
            Files.writeString(metrics, "metadata: {name: b}\nspec: {urlTemplate: \"$URL/api/v1/query\", "
                    + "params: [{name: query, value: \"up{version='$name'}\"}], jqExpression: \".data.result[0].value[1] | tonumber\"}\n");
            SliRequest request = new SliRequest(sli, "prometheus", store.url(), List.of(metrics), List.of(), window,
                    new VersionInfo("v2", Map.of()), new KeptnContext(null, null, "carts", null, null, Map.of(), Map.of()),
                    SecretStore.NONE, "provider");

            List<IndicatorValue> values = request.query(IndicatorQuerySettings.DEFAULT);

            assertThat(values).containsExactly(IndicatorValue.of("a", 5), IndicatorValue.of("b", 5));
            assertThat(store.requests()).extracting(r -> r.params().get("query"))
                    .containsExactlyInAnyOrder("up{service=\"carts\"}", "up{version='v2'}");
        }
    }

    @Test
    void shouldReportTheProblemsOfEveryFileAtOnce(@TempDir Path dir) throws Exception {
        Path sli = dir.resolve("sli.yaml");
        Files.writeString(sli, "indicators: 3\n");
        Path metrics = dir.resolve("metrics.yaml");
        Files.writeString(metrics, "metadata: {name: b}\nspec: {jqExpression: .v}\n");
        SliRequest request = new SliRequest(sli, "prometheus", "http://127.0.0.1:9090", List.of(metrics), List.of(),
                window, VersionInfo.NONE, KeptnContext.NONE, SecretStore.NONE, "provider");

        assertThatThrownBy(request::plan).isInstanceOf(InvalidSliException.class)
                .satisfies(e -> assertThat(((InvalidSliException) e).problems()).extracting(SliProblem::toString)
                        .containsExactly(sli + ": indicators: expected a map of indicator name to query",
                                metrics + ": spec.urlTemplate: is missing; expected the URL of the metric store's "
                                        + "query API (a string)"));
    }

    @Test
    void shouldNeverShowSecretsWhenAPlanIsPrinted() throws Exception {
        Path sli = Files.createTempFile("sli", ".yaml");
        try {
            Files.writeString(sli, "indicators:\n  t: metricSelector=m&entitySelector=e\n");
            IndicatorPlan plan = new SliRequest(sli, "dynatrace", "https://dt.example.com", List.of(), List.of(), window,
                    VersionInfo.NONE, KeptnContext.NONE, SecretStore.of(Map.of("DT_API_TOKEN", "dt0c01.SECRET")), "p").plan();

            assertThat(plan.toString()).isEqualTo("IndicatorPlan[t] with 2 secret value(s)");
            assertThat(plan.indicators().get(0).toString()).doesNotContain("dt0c01.SECRET")
                    .contains("GET https://dt.example.com/api/v2/metrics/query");
        } finally {
            Files.delete(sli);
        }
    }
}
