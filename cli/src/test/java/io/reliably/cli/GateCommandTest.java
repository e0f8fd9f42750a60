package io.reliably.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code reliably gate} as a user runs it: output, JSON shape and exit codes, over the docs' examples. */
class GateCommandTest {

    private static final Path DOCS = Path.of("..", "docs", "slo");
    private static final String SLO = DOCS.resolve("slo.yaml").toString();
    private static final String VALUES = DOCS.resolve("values.json").toString();
    private static final String HISTORY = DOCS.resolve("history.json").toString();

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        List<String> all = new ArrayList<>(List.of("gate"));
        all.addAll(List.of(args));
        return ReliablyCommand.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute(all.toArray(String[]::new));
    }

    private JsonNode json() throws Exception {
        return new ObjectMapper().readTree(out.toString());
    }

    @Test
    void shouldExitTwoOnWarningAndPrintTheTable() {
        // docs/slo: rt 540 vs avg(500, 480, 520) = 500 → pass (2); error_rate 1.5 → warning (0.5)
        // 2.5 / 3 = 83.33% → ≥ 75%, < 90% → warning
        int code = run("--slo", SLO, "--sli-values", VALUES, "--history", HISTORY);

        assertThat(code).isEqualTo(2);
        assertThat(out.toString())
                .contains("OBJECTIVE", "VALUE", "COMPARED", "PASS TARGETS", "WARNING TARGETS", "STATUS", "SCORE")
                .contains("Response time P95 (key)  540    500       <=+10% (550) ok, <600 (600) ok")
                .contains("Score:  83.33%")
                .contains("Result: warning")
                .contains("Compared with: eval-3, eval-2, eval-1")
                .contains("not specified as SLO: cpu_usage");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void shouldExitOneOnFailAgainstAPinnedReference() throws Exception {
        // reference eval-0: rt was 100 → "<=+10%" target 110, 540 violates → warning (1); error_rate warning (0.5)
        // 1.5 / 3 = 50% < 75% → fail
        int code = run("--slo", SLO, "--sli-values", VALUES, "--history", HISTORY, "--reference", "eval-0", "--json");

        assertThat(code).isEqualTo(1);
        JsonNode json = json();
        assertThat(json.get("result").asText()).isEqualTo("fail");
        assertThat(json.get("score").asDouble()).isEqualTo(50);
        assertThat(json.get("comparedEvents").toString()).isEqualTo("[\"eval-0\"]");
        assertThat(json.get("message").asText()).startsWith(
                "Evaluation failed since the calculated score of 50 is below the warning value of 75");
    }

    @Test
    void shouldPrintKeptnsEvaluationShapeWithJson() throws Exception {
        run("--slo", SLO, "--sli-values", VALUES, "--history", HISTORY, "--json");

        JsonNode json = json();
        assertThat(json.fieldNames()).toIterable().contains("result", "score", "comparedEvents", "indicatorResults",
                "message", "id", "evaluatedAt");
        JsonNode first = json.get("indicatorResults").get(0);
        assertThat(first.fieldNames()).toIterable().containsExactly("score", "status", "displayName", "keySli",
                "value", "passTargets", "warningTargets");
        assertThat(first.get("value").fieldNames()).toIterable().containsExactly("metric", "value", "success",
                "message", "comparedValue");
        assertThat(first.get("passTargets").get(0).fieldNames()).toIterable()
                .containsExactly("criteria", "targetValue", "violated");
        assertThat(first.get("value").get("comparedValue").asDouble()).isEqualTo(500);
        assertThat(first.get("passTargets").get(0).get("targetValue").asDouble()).isEqualTo(550);
    }

    @Test
    void shouldExitZeroOnPass(@TempDir Path dir) throws Exception {
        Path values = Files.writeString(dir.resolve("values.json"), """
                {"indicators": [{"metric": "response_time_p95", "value": 300, "success": true},
                                {"metric": "error_rate", "value": 0, "success": true}]}
                """);

        assertThat(run("--slo", SLO, "--sli-values", values.toString())).isEqualTo(0);
        assertThat(out.toString()).contains("Result: pass");
    }

    @Test
    void shouldKeepEachGateInTheHistoryDirectoryForTheNext(@TempDir Path dir) throws Exception {
        Path history = dir.resolve("gates");
        Path slo = Files.writeString(dir.resolve("slo.yaml"), """
                objectives:
                  - sli: rt
                    pass: [{criteria: ["<=+10%"]}]
                total_score: {pass: "90%"}
                """);
        Path first = Files.writeString(dir.resolve("first.json"), "[{\"metric\": \"rt\", \"value\": 100}]");
        Path second = Files.writeString(dir.resolve("second.json"), "[{\"metric\": \"rt\", \"value\": 150}]");

        // first: no history → pass; kept
        assertThat(run("--slo", slo.toString(), "--sli-values", first.toString(), "--history-dir", history.toString(),
                "--json")).isEqualTo(0);
        String firstId = json().get("id").asText();
        out.getBuffer().setLength(0);
        // second: 150 against 100 → target 110 → fail, compared with the first
        assertThat(run("--slo", slo.toString(), "--sli-values", second.toString(), "--history-dir", history.toString(),
                "--json")).isEqualTo(1);

        assertThat(json().get("comparedEvents").get(0).asText()).isEqualTo(firstId);
        try (var files = Files.list(history)) {
            assertThat(files.count()).isEqualTo(2);
        }
    }

    @Test
    void shouldFailWithTheReasonWhenTheSloIsMissing(@TempDir Path dir) {
        int code = run("--slo", dir.resolve("slo.yaml").toString(), "--sli-values", VALUES);

        assertThat(code).isEqualTo(1);
        assertThat(out.toString()).contains("Result: fail")
                .contains("Evaluation failed because no SLO is configured: " + dir.resolve("slo.yaml") + " does not exist");
    }

    @Test
    void shouldKeepNothingInTheHistoryDirectoryWhenTheSloIsMissing(@TempDir Path dir) {
        Path history = dir.resolve("gates");

        assertThat(run("--slo", dir.resolve("absent.yaml").toString(), "--sli-values", VALUES,
                "--history-dir", history.toString())).isEqualTo(1);
        assertThat(history).doesNotExist();
    }

    @Test
    void shouldFailWhenTheSliProviderFailed(@TempDir Path dir) throws Exception {
        Path values = Files.writeString(dir.resolve("values.json"), """
                {"data": {"result": "fail", "message": "Prometheus unreachable",
                  "get-sli": {"indicatorValues": [{"metric": "response_time_p95", "value": 300, "success": true},
                                                  {"metric": "error_rate", "value": 0, "success": true}]}}}
                """);

        assertThat(run("--slo", SLO, "--sli-values", values.toString())).isEqualTo(1);
        assertThat(out.toString()).contains("Score:  100%", "Result: fail",
                "Evaluation failed because the SLI provider failed with message Prometheus unreachable");
    }

    @Test
    void shouldExitThreeWithTheFileFieldAndExpectationOnInvalidInput(@TempDir Path dir) throws Exception {
        Path slo = Files.writeString(dir.resolve("slo.yaml"), """
                comparison: {compare_with: several_results, aggregate_function: median}
                objectives:
                  - sli: rt
                    pass: [{criteria: ["~600"]}]
                total_score: {warning: "75%"}
                """);

        int code = run("--slo", slo.toString(), "--sli-values", VALUES);

        assertThat(code).isEqualTo(3);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).contains(
                slo + ": comparison.aggregate_function: expected avg, p50, p90 or p95 but found 'median'",
                slo + ": objectives[0].pass[0].criteria[0]: '~600' is not a criterion",
                slo + ": total_score.pass: missing; expected the percentage needed to pass")
                .doesNotContain("\tat ");
    }

    @Test
    void shouldExitThreeOnAnUnknownReference() {
        assertThat(run("--slo", SLO, "--sli-values", VALUES, "--history", HISTORY, "--reference", "nope")).isEqualTo(3);
        assertThat(err.toString()).contains(HISTORY + ": no evaluation with id 'nope' to use as the reference");
    }

    @Test
    void shouldExitThreeOnAReferenceWithoutHistory() {
        assertThat(run("--slo", SLO, "--sli-values", VALUES, "--reference", "eval-0")).isEqualTo(3);
        assertThat(err.toString()).contains("--reference: needs --history FILE or --history-dir DIR");
    }

    @Test
    void shouldExitThreeOnMissingValuesOrUsageErrors() {
        assertThat(run("--slo", SLO)).isEqualTo(3);
        assertThat(err.toString()).contains("--sli-values: missing; expected --sli-values FILE");
        assertThat(run("--sli-values", VALUES)).isEqualTo(3);
        assertThat(err.toString()).contains("Missing required option: '--slo=FILE'");
        assertThat(run("--slo", SLO, "--sli-values", VALUES, "--history", HISTORY, "--history-dir", "x")).isEqualTo(3);
        assertThat(run("--slo", SLO, "--sli-values", "does-not-exist.json")).isEqualTo(3);
        assertThat(err.toString()).contains("does-not-exist.json: no such file");
        assertThat(run("--slo", SLO, "--sli-values", VALUES, "--history", "no-history.json")).isEqualTo(3);
        assertThat(err.toString()).contains("no-history.json: no such file");
    }

    @Test
    void shouldDocumentTheExitCodesInItsHelp() {
        assertThat(run("--help")).isEqualTo(0);
        assertThat(out.toString()).contains("Exit codes:", "0   pass", "1   fail", "2   warning", "3   error");
    }
}
