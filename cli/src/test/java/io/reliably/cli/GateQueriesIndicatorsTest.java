package io.reliably.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code reliably gate --sli ...}: the gate queries the indicators itself, with the SLO's filter as placeholders. */
class GateQueriesIndicatorsTest {

    private static final String SLO = Path.of("..", "docs", "slo", "slo.yaml").toString();

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int gate(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "gate";
        System.arraycopy(args, 0, all, 1, args.length);
        return ReliablyCommand.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(all);
    }

    @Test
    void shouldQueryTheIndicatorsWithTheSloFilterAndGateThem(@TempDir Path dir) throws Exception {
        Path sli = dir.resolve("sli.yaml");
        Files.writeString(sli, """
                spec_version: "1.0"
                indicators:
                  response_time_p95: histogram_quantile(0.95, sum(rate(rt_bucket{handler="$handler"}[$DURATION_SECONDS])) by (le))
                  error_rate: sum(rate(errors{handler="$HANDLER"}[$DURATION_SECONDS]))
                  throughput: sum(rate(requests{service="$SERVICE"}[$DURATION_SECONDS]))
                """);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("histogram_quantile", "540");
        values.put("errors{", "0.5");
        values.put("requests{", "1250");
        try (FakeStore prometheus = FakeStore.prometheus(values)) {
            int code = gate("--slo", SLO, "--sli", sli.toString(), "--provider", "prometheus", "--url", prometheus.url(),
                    "--service", "carts", "--duration", "30m", "--json");

            assertThat(code).as(err.toString()).isZero();
            JsonNode evaluation = new ObjectMapper().readTree(out.toString());
            assertThat(evaluation.path("result").asText()).isEqualTo("pass");
            assertThat(evaluation.path("indicatorResults")).hasSize(3);
            assertThat(prometheus.params).extracting(p -> p.get("query")).containsExactlyInAnyOrder(
                    "histogram_quantile(0.95, sum(rate(rt_bucket{handler=\"ItemsController.addToCart\"}[1800s])) by (le))",
                    "sum(rate(errors{handler=\"ItemsController.addToCart\"}[1800s]))",
                    "sum(rate(requests{service=\"carts\"}[1800s]))");
        }
    }

    @Test
    void shouldFailTheObjectiveOfAnIndicatorThatCouldNotBeQueried(@TempDir Path dir) throws Exception {
        Path sli = dir.resolve("sli.yaml");
        Files.writeString(sli, "indicators:\n  response_time_p95: rt\n  error_rate: errors\n");

        int code = gate("--slo", SLO, "--sli", sli.toString(), "--provider", "prometheus", "--url", "http://127.0.0.1:1",
                "--connect-timeout", "2s", "--json");

        assertThat(code).isEqualTo(1);
        JsonNode evaluation = new ObjectMapper().readTree(out.toString());
        assertThat(evaluation.path("result").asText()).isEqualTo("fail");
        assertThat(evaluation.at("/indicatorResults/0/value/success").asBoolean()).isFalse();
        assertThat(evaluation.at("/indicatorResults/0/value/message").asText()).startsWith("cannot connect to GET http://127.0.0.1:1");
    }

    @Test
    void shouldRefuseTwoSourcesOfValuesAndBadSliInput() {
        assertThat(gate("--slo", SLO, "--sli-values", "values.json", "--metrics", "m.yaml")).isEqualTo(3);
        assertThat(err.toString()).contains("--sli-values: cannot be given with --sli or --metrics");

        err.getBuffer().setLength(0);
        assertThat(gate("--slo", SLO, "--sli", "sli.yaml", "--provider", "prometheus")).isEqualTo(3);
        assertThat(err.toString()).contains("--provider: prometheus: needs the prometheus URL");
    }
}
