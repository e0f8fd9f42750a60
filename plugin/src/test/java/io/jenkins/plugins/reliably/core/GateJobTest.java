package io.jenkins.plugins.reliably.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reliably.engine.sli.IndicatorValue;
import io.reliably.engine.slo.Evaluation;
import io.reliably.engine.slo.EvaluationJson;
import io.reliably.engine.slo.GateResult;
import io.reliably.engine.slo.SliValues;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Gates over earlier builds' recorded gates, with the real engine gate. */
class GateJobTest {

    private static String slo(String include) {
        return """
                spec_version: "1.0"
                comparison:
                  compare_with: several_results
                  include_result_with_score: %s
                  number_of_comparison_results: 2
                  aggregate_function: avg
                objectives:
                  - sli: response_time
                    pass:
                      - criteria:
                          - "<=+10%%"
                total_score:
                  pass: "90%%"
                  warning: "75%%"
                """.formatted(include);
    }

    private final GateJob job = new GateJob(Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC));

    private static GateOptions options(Integer referenceBuild) {
        return new GateOptions(null, "inline", null, true, referenceBuild, null, null);
    }

    private static SliValues responseTime(double value) {
        return SliValues.of(List.of(IndicatorValue.of("response_time", value)));
    }

    /** Builds 1 (100 ms, pass) and 2 (200 ms, fail), as the job would have recorded them, newest first. */
    private List<RecordedGate> twoEarlierBuilds(String slo) throws InvalidRunException {
        List<RecordedGate> recorded = new ArrayList<>();
        Evaluation first = job.evaluate(options(null), slo, responseTime(100), recorded, "job#1");
        assertThat(first.result()).isEqualTo(GateResult.PASS);
        recorded.add(0, new RecordedGate(1, "sloText", new EvaluationJson().toString(first)));
        Evaluation second = job.evaluate(options(null), slo, responseTime(200), recorded, "job#2");
        assertThat(second.result()).isEqualTo(GateResult.FAIL);
        assertThat(second.comparedEvents()).containsExactly("job#1");
        recorded.add(0, new RecordedGate(2, "sloText", new EvaluationJson().toString(second)));
        return recorded;
    }

    @Test
    void shouldCompareOnlyWithEarlierGatesTheSloIncludes() throws InvalidRunException {
        String slo = slo("pass");
        Evaluation third = job.evaluate(options(null), slo, responseTime(115), twoEarlierBuilds(slo), "job#3");

        assertThat(third.comparedEvents()).containsExactly("job#1");
        assertThat(third.result()).as("115 is more than 10%% above build 1's 100").isEqualTo(GateResult.FAIL);
    }

    @Test
    void shouldCompareWithEveryEarlierResultWhenTheSloSaysAll() throws InvalidRunException {
        String slo = slo("all");
        Evaluation third = job.evaluate(options(null), slo, responseTime(115), twoEarlierBuilds(slo), "job#3");

        assertThat(third.comparedEvents()).containsExactly("job#2", "job#1");
        assertThat(third.result()).as("115 is below the average 150").isEqualTo(GateResult.PASS);
    }

    @Test
    void shouldCompareWithThePinnedReferenceBuildWhateverItsResult() throws InvalidRunException {
        String slo = slo("pass");
        Evaluation third = job.evaluate(options(2), slo, responseTime(115), twoEarlierBuilds(slo), "job#3");

        assertThat(third.comparedEvents()).containsExactly("job#2");
        assertThat(third.result()).isEqualTo(GateResult.PASS);
    }

    @Test
    void shouldIgnoreGatesOfAnotherSlo() throws InvalidRunException {
        String slo = slo("all");
        List<RecordedGate> others = twoEarlierBuilds(slo).stream()
                .map(g -> new RecordedGate(g.buildNumber(), "other/slo.yaml", g.evaluationJson())).toList();

        Evaluation third = job.evaluate(options(null), slo, responseTime(115), others, "job#3");

        assertThat(third.comparedEvents()).isEmpty();
    }

    @Test
    void shouldNameTheBuildsThatHaveAGateWhenTheReferenceHasNone() throws InvalidRunException {
        String slo = slo("pass");
        List<RecordedGate> earlier = twoEarlierBuilds(slo);

        assertThatThrownBy(() -> job.evaluate(options(7), slo, responseTime(1), earlier, "job#3"))
                .isInstanceOf(InvalidRunException.class)
                .hasMessage("referenceBuild: build #7 recorded no gate of sloText; expected one of #2, #1");
    }

    @Test
    void shouldFailTheGateWhenTheSloFileIsMissing() throws InvalidRunException {
        Evaluation evaluation = job.evaluate(new GateOptions("slo.yaml", null, null, true, null, null, null), null,
                responseTime(1), List.of(), "job#1");

        assertThat(evaluation.result()).isEqualTo(GateResult.FAIL);
        assertThat(evaluation.message()).contains("slo.yaml does not exist");
    }

    @Test
    void shouldReportAnInvalidSloWithoutEvaluating() {
        assertThatThrownBy(() -> job.evaluate(options(null), "objectives: 3", responseTime(1), List.of(), "job#1"))
                .isInstanceOf(InvalidRunException.class)
                .hasMessageContaining("objectives");
    }
}
