package io.reliably.engine.sli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.reliably.engine.sli.iter8.MetricLoader;
import io.reliably.engine.sli.iter8.MetricRequests;
import io.reliably.engine.sli.keptn.KeptnIndicators;
import io.reliably.engine.sli.keptn.SliFile;
import io.reliably.engine.sli.keptn.SliFileLoader;
import io.reliably.engine.sli.keptn.SliProviders;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Real series from a real Prometheus (Debian's {@code prometheus} package, installed by .ci/run).
 * Skipped with a message when the binary is absent outside CI; fails when it is absent in CI.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RealPrometheusTest {

    private PrometheusProcess prometheus;
    private final KeptnContext keptn = new KeptnContext("sockshop", "dev", "carts", null, null,
            Map.of("canary", "v2"), Map.of());

    @BeforeAll
    void startPrometheus() throws Exception {
        Path binary = PrometheusProcess.binary();
        if (binary == null) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("CI=true but the prometheus binary is not on PATH; .ci/run installs "
                        + "Debian's prometheus package");
            }
            Assumptions.abort("prometheus is not installed (apt-get install prometheus); skipping the real-Prometheus tests");
        }
        prometheus = PrometheusProcess.start(binary);
    }

    @AfterAll
    void stopPrometheus() {
        if (prometheus != null) {
            prometheus.close();
        }
    }

    private QueryWindow lastTenMinutes() {
        return QueryWindow.ending(Instant.now(), Duration.ofMinutes(10));
    }

    private List<IndicatorValue> keptnQuery(String provider) throws Exception {
        SliFile sli = new SliFileLoader().load(Docs.path("sli/examples/sli-prometheus.yaml"));
        SliProvider chosen = new SliProviders(new MetricLoader()).create(provider, prometheus.url(), SecretStore.NONE, "p");
        return new IndicatorQueryRunner().run(new KeptnIndicators().plan(sli, chosen, List.of(), lastTenMinutes(), keptn,
                VersionInfo.NONE));
    }

    @Test
    void shouldReadRealSeriesThroughTheKeptnProvider() throws Exception {
        List<IndicatorValue> values = keptnQuery("prometheus");

        assertThat(values).allMatch(IndicatorValue::success, "every indicator has a value: " + values);
        assertThat(values).extracting(IndicatorValue::metric)
                .containsExactly("throughput", "error_rate", "queue_depth", "canary_errors");
        assertThat(values.get(0).value()).as("about 11 requests per second, averaged over what was scraped")
                .isGreaterThan(0);
        assertThat(values.get(1).value()).as("1 error in 11 requests").isCloseTo(1.0 / 11, within(0.05));
        assertThat(values.get(2).value()).isEqualTo(7);
        assertThat(values.get(3)).as("no such series: an empty vector is 0, as in prometheus-service")
                .isEqualTo(IndicatorValue.of("canary_errors", 0));
    }

    @Test
    void shouldReadTheSameThroughTheReadyMadeDefinition() throws Exception {
        List<IndicatorValue> values = keptnQuery(Docs.path("sli/prometheus.yaml").toString());

        assertThat(values).allMatch(IndicatorValue::success, "every indicator has a value: " + values);
        assertThat(values.get(1).value()).isCloseTo(1.0 / 11, within(0.05));
        assertThat(values.get(2).value()).isEqualTo(7);
        assertThat(values.get(3).value()).isZero();
    }

    @Test
    void shouldQueryAnIter8DefinitionWithTheVersionName() throws Exception {
        String text = Docs.read("sli/examples/bare-metric.json").replace("http://prometheus.example.com:9090", prometheus.url());
        IndicatorPlan plan = new MetricRequests().plan(new MetricLoader().parse("bare-metric.json", text),
                new VersionInfo("v2", Map.of()), lastTenMinutes(), KeptnContext.NONE, SecretStore.NONE);

        assertThat(new IndicatorQueryRunner().run(plan)).containsExactly(IndicatorValue.of("queue-depth", 3));
    }

    @Test
    void shouldReportPrometheusErrorsAndNaN() throws Exception {
        SliFile sli = new SliFileLoader().parse("sli.yaml", """
                indicators:
                  broken: sum(rate(demo_requests_total[5m]
                  nan: 0/0
                  range: demo_queue_depth[1m]
                """);
        SliProvider provider = new SliProviders(new MetricLoader()).create("prometheus", prometheus.url(), SecretStore.NONE, "p");

        List<IndicatorValue> values = new IndicatorQueryRunner().run(new KeptnIndicators().plan(sli, provider, List.of(),
                lastTenMinutes(), keptn, VersionInfo.NONE));

        assertThat(values).noneMatch(IndicatorValue::success);
        assertThat(values.get(0).message()).startsWith("HTTP 400 from GET " + prometheus.url() + "/api/v1/query: ")
                .contains("bad_data");
        assertThat(values.get(1).message()).startsWith("Prometheus answered NaN, not a usable number");
        assertThat(values.get(2).message()).startsWith("Prometheus answered a matrix; expected an instant vector or a scalar");
    }
}
