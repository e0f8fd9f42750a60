package io.reliably.engine.sli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.reliably.engine.sli.iter8.MetricLoader;
import io.reliably.engine.sli.keptn.GetSliFinished;
import io.reliably.engine.sli.keptn.GetSliTriggered;
import io.reliably.engine.sli.keptn.KeptnIndicators;
import io.reliably.engine.sli.keptn.SliFileLoader;
import io.reliably.engine.sli.keptn.SliProviders;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Standing in for a Keptn SLI provider: get-sli.triggered in, get-sli.finished out. */
class GetSliEventTest {

    private static final Instant NOW = Instant.parse("2019-10-28T15:54:30Z");

    @Test
    void shouldReadTheTriggeredEventOfTheKeptnDocs() throws Exception {
        GetSliTriggered trigger = GetSliTriggered.parse("get-sli-triggered.json",
                Docs.read("sli/examples/get-sli-triggered.json"));

        assertThat(trigger.id()).isEqualTo("f2b878d3-03c0-4e8f-bc3f-454bc1b3d79d");
        assertThat(trigger.keptnContext()).isEqualTo("08735340-6f9e-4b32-97ff-3b6c292bc509");
        assertThat(trigger.sliProvider()).isEqualTo("dynatrace");
        assertThat(trigger.indicators()).containsExactly("throughput", "response_time_p95", "availability", "not_in_sli_yaml");
        assertThat(trigger.window().durationSeconds()).isEqualTo(600);
        assertThat(trigger.keptn().project()).isEqualTo("sockshop");
        assertThat(trigger.keptn().deployment()).isEqualTo("primary");
        assertThat(trigger.keptn().labels()).containsEntry("buildId", "build-17");
        assertThat(trigger.keptn().placeholders(trigger.window())).containsEntry("mz_id", "4711").containsEntry("MZ_ID", "4711");
    }

    @Test
    void shouldAnswerWithAFinishedEventInKeptnsLayout() throws Exception {
        try (RecordingServer dynatrace = new RecordingServer()) {
            dynatrace.onJson("/api/v2/metrics/query", "{\"result\": [{\"metricId\": \"m\", \"data\": [{\"values\": [412000]}]}]}");
            dynatrace.onJson("/api/v2/slo/", "{\"evaluatedPercentage\": 99.5}");
            GetSliTriggered trigger = GetSliTriggered.parse("get-sli-triggered.json",
                    Docs.read("sli/examples/get-sli-triggered.json"));
            SliProvider provider = new SliProviders(new MetricLoader()).create(trigger.sliProvider(), dynatrace.url(),
                    SecretFile.load(Docs.path("sli/examples/secrets.yaml")), "event");
            List<IndicatorValue> values = new IndicatorQueryRunner().run(new KeptnIndicators().plan(
                    new SliFileLoader().load(Docs.path("sli/examples/sli-dynatrace.yaml")), provider, trigger.indicators(),
                    trigger.window(), trigger.keptn(), VersionInfo.NONE));

            ObjectNode finished = new GetSliFinished().succeeded(trigger, values, NOW);

            assertThat(finished.path("type").asText()).isEqualTo("sh.keptn.event.get-sli.finished");
            assertThat(finished.path("specversion").asText()).isEqualTo("1.0");
            assertThat(finished.path("id").asText()).hasSize(36).isNotEqualTo(trigger.id());
            assertThat(finished.path("triggeredid").asText()).isEqualTo("f2b878d3-03c0-4e8f-bc3f-454bc1b3d79d");
            assertThat(finished.path("shkeptncontext").asText()).isEqualTo("08735340-6f9e-4b32-97ff-3b6c292bc509");
            assertThat(finished.path("source").asText()).isEqualTo("reliably");
            assertThat(finished.path("time").asText()).isEqualTo("2019-10-28T15:54:30Z");
            JsonNode data = finished.path("data");
            assertThat(data.path("project").asText()).isEqualTo("sockshop");
            assertThat(data.path("stage").asText()).isEqualTo("dev");
            assertThat(data.path("service").asText()).isEqualTo("carts");
            assertThat(data.path("labels").path("owner").asText()).isEqualTo("JohnDoe");
            assertThat(data.path("status").asText()).isEqualTo("succeeded");
            assertThat(data.path("result").asText()).isEqualTo("fail");
            assertThat(data.path("message").asText()).isEqualTo("1 of 4 indicators could not be queried: not_in_sli_yaml");
            JsonNode getSli = data.path("get-sli");
            assertThat(getSli.path("start").asText()).isEqualTo("2019-10-28T15:44:27.152330783Z");
            assertThat(getSli.path("end").asText()).isEqualTo("2019-10-28T15:54:27.152330783Z");
            JsonNode indicators = getSli.path("indicatorValues");
            assertThat(indicators).hasSize(4);
            assertThat(indicators.get(0).path("metric").asText()).isEqualTo("throughput");
            assertThat(indicators.get(0).path("value").asDouble()).isEqualTo(412000);
            assertThat(indicators.get(1).path("value").asDouble()).isEqualTo(412);
            assertThat(indicators.get(2).path("value").asDouble()).isEqualTo(99.5);
            assertThat(indicators.get(3).path("success").asBoolean()).isFalse();
            assertThat(indicators.get(3).path("message").asText()).startsWith("no query for indicator 'not_in_sli_yaml'");
            assertThat(dynatrace.requests()).allSatisfy(r -> {
                assertThat(r.params().get("from")).isEqualTo("1572277467152");
                assertThat(r.params().get("to")).isEqualTo("1572278067152");
            });
        }
    }

    @Test
    void shouldPassWhenEveryIndicatorHasAValueAndErrorWhenNothingCouldRun() throws Exception {
        GetSliTriggered trigger = GetSliTriggered.parse("t.json", Docs.read("sli/examples/get-sli-triggered.json"));

        ObjectNode passed = new GetSliFinished().succeeded(trigger, List.of(IndicatorValue.of("throughput", 3)), NOW);
        ObjectNode errored = new GetSliFinished().errored(trigger, "sli.yaml: indicators: is missing", NOW);

        assertThat(passed.at("/data/result").asText()).isEqualTo("pass");
        assertThat(passed.at("/data/message").asText()).isEmpty();
        assertThat(errored.at("/data/status").asText()).isEqualTo("errored");
        assertThat(errored.at("/data/result").asText()).isEqualTo("fail");
        assertThat(errored.at("/data/message").asText()).isEqualTo("sli.yaml: indicators: is missing");
        assertThat(errored.at("/data/get-sli/indicatorValues")).hasSize(4)
                .allSatisfy(v -> assertThat(v.path("success").asBoolean()).isFalse());
    }

    @Test
    void shouldNameWhatIsWrongWithATriggeredEvent() {
        String event = """
                {"type": "sh.keptn.event.evaluation.triggered", "data": {"get-sli": {"start": "yesterday",
                 "end": "2019-10-28T15:54:27Z", "indicators": "throughput"}}}
                """;

        assertThatThrownBy(() -> GetSliTriggered.parse("event.json", event))
                .isInstanceOf(InvalidSliException.class)
                .satisfies(e -> assertThat(((InvalidSliException) e).problems()).extracting(SliProblem::toString)
                        .containsExactly(
                                "event.json: type: expected sh.keptn.event.get-sli.triggered, found "
                                        + "'sh.keptn.event.evaluation.triggered'",
                                "event.json: id: is missing; expected a string",
                                "event.json: data.get-sli.start: 'yesterday' is not an RFC 3339 time, e.g. 2019-10-28T15:44:27Z",
                                "event.json: data.get-sli.indicators: expected a list of indicator names"));
    }
}
