package io.reliably.engine.slo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.reliably.engine.sli.IndicatorValue;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Keptn's evaluation shape, written and read back; Keptn's own events are readable as history. */
class EvaluationJsonTest {

    private final EvaluationJson json = new EvaluationJson();
    private final Gate gate = new Gate(Clock.fixed(Instant.parse("2026-01-31T12:00:00Z"), ZoneOffset.UTC), () -> "now");

    private Evaluation sample() throws Exception {
        Slo slo = new SloLoader().parse("slo.yaml", """
                objectives:
                  - sli: rt
                    displayName: Response time
                    key_sli: true
                    pass: [{criteria: ["<=+10%", "<600"]}]
                    warning: [{criteria: ["<=800"]}]
                total_score: {pass: "90%", warning: "75%"}
                """);
        Evaluation before = new Evaluation("before", GateResult.PASS, 100, List.of(), List.of(new IndicatorResult(1,
                ObjectiveStatus.PASS, "", false, new MeasuredValue("rt", 500, true, "", null), List.of(), List.of())),
                "", null, null, null);
        return gate.evaluate(slo, SliValues.of(List.of(IndicatorValue.of("rt", 540))).during("a", "b"),
                new ComparisonBasis(List.of(before)));
    }

    @Test
    void shouldWriteKeptnsEvaluationShape() throws Exception {
        JsonNode node = new ObjectMapper().readTree(json.toString(sample()));

        assertThat(node.get("result").asText()).isEqualTo("pass");
        assertThat(node.get("score").asDouble()).isEqualTo(100);
        assertThat(node.get("comparedEvents")).hasSize(1);
        assertThat(node.get("comparedEvents").get(0).asText()).isEqualTo("before");
        assertThat(node.get("id").asText()).isEqualTo("now");
        assertThat(node.get("timeStart").asText()).isEqualTo("a");
        assertThat(node.get("timeEnd").asText()).isEqualTo("b");
        assertThat(node.get("evaluatedAt").asText()).isEqualTo("2026-01-31T12:00:00Z");
        JsonNode rt = node.get("indicatorResults").get(0);
        assertThat(rt.get("score").asDouble()).isEqualTo(1);
        assertThat(rt.get("status").asText()).isEqualTo("pass");
        assertThat(rt.get("displayName").asText()).isEqualTo("Response time");
        assertThat(rt.get("keySli").asBoolean()).isTrue();
        assertThat(rt.get("value").get("metric").asText()).isEqualTo("rt");
        assertThat(rt.get("value").get("value").asDouble()).isEqualTo(540);
        assertThat(rt.get("value").get("success").asBoolean()).isTrue();
        assertThat(rt.get("value").get("comparedValue").asDouble()).isEqualTo(500);
        assertThat(rt.get("passTargets").get(0).get("criteria").asText()).isEqualTo("<=+10%");
        assertThat(rt.get("passTargets").get(0).get("targetValue").asDouble()).isEqualTo(550);
        assertThat(rt.get("passTargets").get(0).get("violated").asBoolean()).isFalse();
        assertThat(rt.get("warningTargets").get(0).get("targetValue").asDouble()).isEqualTo(800);
    }

    @Test
    void shouldReadBackWhatItWrites() throws Exception {
        Evaluation written = sample();

        Evaluation read = json.read("e.json", json.toString(written));

        assertThat(read).isEqualTo(written);
    }

    @Test
    void shouldWriteNullWhereThereWasNothingToCompareWith() throws Exception {
        Slo slo = new SloLoader().parse("slo.yaml",
                "objectives:\n  - sli: rt\n    pass: [{criteria: [\"<=+10%\"]}]\ntotal_score: {pass: \"90%\"}\n");
        Evaluation evaluation = gate.evaluate(slo, SliValues.of(List.of(IndicatorValue.of("rt", 1))), ComparisonBasis.none());

        JsonNode rt = json.toJson(evaluation).get("indicatorResults").get(0);

        assertThat(rt.get("value").get("comparedValue").isNull()).isTrue();
        assertThat(rt.get("passTargets").get(0).get("targetValue").isNull()).isTrue();
        assertThat(json.toJson(evaluation).get("comparedEvents")).isEmpty();
        assertThat(json.toJson(evaluation).has("timeStart")).isFalse();
    }

    @Test
    void shouldReadKeptnsEvaluationFinishedEventsAsHistory() throws Exception {
        // a datastore answer: {events: [CloudEvent{id, data{result, evaluation{indicatorResults}}}]}
        EvaluationHistory history = json.parseHistory("datastore.json", """
                {"events": [
                  {"id": "c1", "type": "sh.keptn.event.evaluation.finished",
                   "data": {"result": "pass", "project": "p",
                     "evaluation": {"result": "pass", "score": 100, "timeStart": "s", "timeEnd": "e",
                       "indicatorResults": [
                         {"score": 1, "status": "pass", "value": {"metric": "rt", "value": 420, "success": true}},
                         {"score": 0, "status": "fail", "value": null}]}}},
                  {"id": "c0", "data": {"result": "failed", "evaluation": {"indicatorResults": null}}}
                ]}
                """);

        assertThat(history.newestFirst()).extracting(Evaluation::id).containsExactly("c1", "c0");
        assertThat(history.newestFirst()).extracting(Evaluation::result).containsExactly(GateResult.PASS, GateResult.FAIL);
        assertThat(history.newestFirst().get(0).indicatorResults()).hasSize(1);
        assertThat(history.newestFirst().get(0).timeStart()).isEqualTo("s");
        assertThat(new ComparisonBasis(history.newestFirst()).successfulValues("rt")).containsExactly(420);
    }

    @Test
    void shouldLocateAnEntryWithoutAnId() throws Exception {
        EvaluationHistory history = json.parseHistory("history.json", "[{\"result\": \"pass\"}]");

        assertThat(history.newestFirst().get(0).id()).isEqualTo("history.json[0]");
    }

    @Test
    void shouldNameTheFileAndPathOfABadHistoryEntry() {
        assertThatThrownBy(() -> json.parseHistory("history.json", """
                [{"result": "pass"},
                 {"result": "great", "indicatorResults": [{"value": {"metric": "rt", "value": "fast"}}]},
                 3]
                """))
                .isInstanceOf(InvalidSloException.class)
                .hasMessage("""
                        history.json: [1].result: expected pass, warning or fail but found the text 'great'
                        history.json: [1].indicatorResults[0].value.value: expected a number but found the text 'fast'
                        history.json: [2]: expected an evaluation (an object with result and indicatorResults) but found number 3""");
        assertThatThrownBy(() -> json.parseHistory("history.json", "{\"result\": \"pass\"}"))
                .hasMessageStartingWith("history.json: expected a list of earlier evaluations, newest first");
        assertThatThrownBy(() -> json.parseHistory("history.json", "[{\"result\": \"pass\""))
                .hasMessageStartingWith("history.json: not valid JSON at line 1");
    }
}
