package io.reliably.engine.slo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The examples in docs/slo/ evaluate to exactly what docs/slo.md shows, so the docs cannot rot. */
class SloDocsExamplesTest {

    private static final Path DOCS = Path.of("..", "docs", "slo");

    private final Gate gate = new Gate(Clock.fixed(Instant.parse("2026-01-31T12:00:00Z"), ZoneOffset.UTC),
            () -> "example-evaluation");

    private Evaluation example() throws Exception {
        Slo slo = new SloLoader().load(DOCS.resolve("slo.yaml"));
        SliValues values = new SliValuesReader().read(DOCS.resolve("values.json"));
        EvaluationHistory history = new EvaluationJson().readHistory(DOCS.resolve("history.json"));
        return gate.evaluate(slo, values, history.select(slo.comparison()));
    }

    @Test
    void shouldEvaluateTheDocumentedExampleToTheDocumentedJson() throws Exception {
        // pass_or_warn, 3 results: eval-4 (fail) is skipped → eval-3, eval-2, eval-1
        // response_time_p95: avg(500, 480, 520) = 500 → "<=+10%" = 550; 540 passes both criteria → 2 (weight 2)
        // error_rate: 1.5 violates "<=1", meets "<=2" → warning → 0.5 × 1 = 0.5
        // throughput: info; cpu_usage: no objective → mentioned
        // 100 × (2.5 / 3) = 83.33% → ≥ 75%, < 90% → warning
        Evaluation evaluation = example();

        ObjectMapper mapper = new ObjectMapper();
        assertThat(new EvaluationJson().toJson(evaluation))
                .isEqualTo(mapper.readTree(Files.readString(DOCS.resolve("evaluation.json"))));
        assertThat(evaluation.result()).isEqualTo(GateResult.WARNING);
        assertThat(evaluation.comparedEvents()).containsExactly("eval-3", "eval-2", "eval-1");
    }

    @Test
    void shouldRenderTheDocumentedTable() throws Exception {
        assertThat(new EvaluationTable().render(example())).isEqualTo(Files.readString(DOCS.resolve("evaluation.txt")));
    }

    @Test
    void shouldEvaluateTheDocumentedReferenceExample() throws Exception {
        // --reference eval-0: rt was 100 → "<=+10%" = 110; 540 violates → warning "<=800" → 0.5 × 2 = 1
        // error_rate has no value in eval-0; its criteria are absolute → warning 0.5
        // 100 × (1.5 / 3) = 50% < 75% → fail
        Slo slo = new SloLoader().load(DOCS.resolve("slo.yaml"));
        Evaluation evaluation = gate.evaluate(slo, new SliValuesReader().read(DOCS.resolve("values.json")),
                new EvaluationJson().readHistory(DOCS.resolve("history.json")).reference("eval-0"));

        assertThat(evaluation.score()).isEqualTo(50);
        assertThat(evaluation.result()).isEqualTo(GateResult.FAIL);
        assertThat(evaluation.message()).startsWith(
                "Evaluation failed since the calculated score of 50 is below the warning value of 75.");
    }

    @Test
    void shouldReportEveryMistakeOfTheDocumentedInvalidExample() {
        Path file = DOCS.resolve("invalid-slo.yaml");

        assertThatThrownBy(() -> new SloLoader().load(file)).hasMessage(String.join("\n",
                file + ": comparison.aggregate_function: expected avg, p50, p90 or p95 but found 'median'",
                file + ": objectives[0].pass[0].criteria[0]: '=<600' is not a criterion: after the operator = comes "
                        + "a number, optionally signed (+/-) and/or followed by %, but found '<600' "
                        + "(expected e.g. \"<600\", \"<=+10%\", \">=-5%\", \"<=+50\")",
                file + ": objectives[1].weight: expected a positive whole number but found number 1.5",
                file + ": total_score.pass: missing; expected the percentage needed to pass, such as \"90%\""));
    }
}
