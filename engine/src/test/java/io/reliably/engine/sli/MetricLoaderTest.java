package io.reliably.engine.sli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reliably.engine.sli.iter8.AuthType;
import io.reliably.engine.sli.iter8.MetricDefinition;
import io.reliably.engine.sli.iter8.MetricLoader;
import io.reliably.engine.sli.iter8.MetricType;
import io.reliably.engine.sli.iter8.NamedValue;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricLoaderTest {

    private final MetricLoader loader = new MetricLoader();

    @Test
    void shouldLoadEveryMetricResourceOfAMultiDocumentFile() throws Exception {
        List<MetricDefinition> metrics = loader.load(Docs.path("sli/examples/iter8-metrics.yaml"));

        assertThat(metrics).extracting(MetricDefinition::name)
                .containsExactly("request-count", "name-count", "cpu-utilization", "average-sales");
        MetricDefinition requestCount = metrics.get(0);
        assertThat(requestCount.type()).isEqualTo(MetricType.Counter);
        assertThat(requestCount.method()).isEqualTo("GET");
        assertThat(requestCount.authType()).isEqualTo(AuthType.Basic);
        assertThat(requestCount.secret()).isEqualTo("myns/promcredentials");
        assertThat(requestCount.description()).isEqualTo("A Prometheus example");
        assertThat(requestCount.params()).extracting(NamedValue::name).containsExactly("query");
        assertThat(metrics.get(2).method()).isEqualTo("POST");
        assertThat(metrics.get(2).body()).contains("\"last\": ${elapsedTime}");
        assertThat(metrics.get(1).headerTemplates()).containsExactly(new NamedValue("X-Query-Key", "${queryKey}"));
    }

    @Test
    void shouldLoadABareSpecWithANameInJson() throws Exception {
        List<MetricDefinition> metrics = loader.load(Docs.path("sli/examples/bare-metric.json"));

        assertThat(metrics).singleElement().satisfies(metric -> {
            assertThat(metric.name()).isEqualTo("queue-depth");
            assertThat(metric.units()).isEqualTo("messages");
            assertThat(metric.type()).isEqualTo(MetricType.Gauge);
        });
    }

    @Test
    void shouldLoadAMetricList() throws Exception {
        String list = """
                apiVersion: iter8.tools/v2alpha2
                kind: MetricList
                items:
                - metadata: {name: a}
                  spec: {urlTemplate: "http://x/q", jqExpression: ".v"}
                - metadata: {name: b}
                  spec: {urlTemplate: "http://x/q", jqExpression: ".w"}
                """;

        assertThat(loader.parse("list.yaml", list)).extracting(MetricDefinition::name).containsExactly("a", "b");
    }

    @Test
    void shouldNameFileLineAndColumnOfMalformedYaml() {
        String broken = """
                apiVersion: iter8.tools/v2alpha2
                kind: Metric
                metadata:
                  name: [unclosed
                spec: {}
                """;

        assertThatThrownBy(() -> loader.parse("broken.yaml", broken))
                .isInstanceOf(InvalidSliException.class)
                .hasMessageStartingWith("broken.yaml: line ")
                .hasMessageContaining("is not valid YAML");
    }

    @Test
    void shouldNameTheFieldOfAJqExpressionThatDoesNotParse() {
        String metric = """
                metadata: {name: bad-jq}
                spec:
                  urlTemplate: http://prometheus:9090/api/v1/query
                  jqExpression: ".data.result[0 | tonumber"
                """;

        assertThatThrownBy(() -> loader.parse("bad-jq.yaml", metric))
                .isInstanceOf(InvalidSliException.class)
                .hasMessageStartingWith("bad-jq.yaml: spec.jqExpression: '.data.result[0 | tonumber' does not parse as jq")
                .hasMessageContaining("expected a jq expression giving a number");
    }

    @Test
    void shouldReportAMissingUrlTemplateAndEveryOtherProblemAtOnce() {
        String metric = """
                ---
                metadata: {name: fine}
                spec: {urlTemplate: "http://x/q", jqExpression: ".v"}
                ---
                metadata: {name: no-url}
                spec:
                  jqExpression: .v
                  method: PUT
                  authType: Token
                  urltemplate: http://typo
                """;

        assertThatThrownBy(() -> loader.parse("metrics.yaml", metric))
                .isInstanceOf(InvalidSliException.class)
                .satisfies(e -> assertThat(((InvalidSliException) e).problems()).extracting(SliProblem::toString)
                        .contains("metrics.yaml: documents[1].spec.urlTemplate: is missing; expected the URL of the "
                                        + "metric store's query API (a string)",
                                "metrics.yaml: documents[1].spec.method: expected GET or POST, found 'PUT'",
                                "metrics.yaml: documents[1].spec.authType: expected Basic, Bearer or APIKey, found 'Token'")
                        .anyMatch(p -> p.startsWith("metrics.yaml: documents[1].spec.urltemplate: unknown field")));
    }

    @Test
    void shouldRequireANameAndASecretForBasicAuth() {
        String metric = """
                kind: Metric
                spec: {urlTemplate: "http://x/q", jqExpression: ".v", authType: Basic}
                """;

        assertThatThrownBy(() -> loader.parse("nameless.yaml", metric))
                .isInstanceOf(InvalidSliException.class)
                .hasMessageContaining("nameless.yaml: metadata.name: is missing; expected the metric's name");
        String basic = """
                metadata: {name: m}
                spec: {urlTemplate: "http://x/q", jqExpression: ".v", authType: Basic}
                """;
        assertThatThrownBy(() -> loader.parse("basic.yaml", basic))
                .hasMessageContaining("basic.yaml: spec.secret: is missing; authType Basic needs a secret with the "
                        + "keys username and password");
    }

    @Test
    void shouldRefuseTheSameMetricNameTwice() throws Exception {
        java.nio.file.Path one = java.nio.file.Files.createTempFile("one", ".yaml");
        java.nio.file.Path two = java.nio.file.Files.createTempFile("two", ".yaml");
        try {
            String metric = "metadata: {name: dup}\nspec: {urlTemplate: \"http://x/q\", jqExpression: \".v\"}\n";
            java.nio.file.Files.writeString(one, metric);
            java.nio.file.Files.writeString(two, metric);

            assertThatThrownBy(() -> loader.load(List.of(one, two)))
                    .hasMessageContaining(two + ": metadata.name: metric 'dup' is defined twice (also in " + one + ")");
        } finally {
            java.nio.file.Files.deleteIfExists(one);
            java.nio.file.Files.deleteIfExists(two);
        }
    }

    @Test
    void shouldNameAFileThatDoesNotExist() {
        assertThatThrownBy(() -> loader.load(java.nio.file.Path.of("missing-metrics.yaml")))
                .hasMessage("missing-metrics.yaml: no such file");
    }
}
