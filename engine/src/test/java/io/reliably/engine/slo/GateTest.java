package io.reliably.engine.slo;

import static org.assertj.core.api.Assertions.assertThat;

import io.reliably.engine.sli.IndicatorValue;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Keptn's scoring ({@code evaluateObjectives} + {@code calculateScore}), one rule or edge case per
 * test, with the arithmetic worked out.
 */
class GateTest {

    private final AtomicInteger next = new AtomicInteger();
    private final Gate gate = new Gate(Clock.fixed(Instant.parse("2026-01-31T12:00:00Z"), ZoneOffset.UTC),
            () -> "eval-" + next.incrementAndGet());

    private static Slo slo(String yaml) {
        try {
            return new SloLoader().parse("slo.yaml", yaml);
        } catch (InvalidSloException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    private static SliValues values(IndicatorValue... values) {
        return SliValues.of(List.of(values));
    }

    private static IndicatorValue v(String metric, double value) {
        return IndicatorValue.of(metric, value);
    }

    private Evaluation evaluate(String yaml, IndicatorValue... values) {
        return gate.evaluate(slo(yaml), values(values), ComparisonBasis.none());
    }

    /** An earlier evaluation holding these successful values, with the given overall result. */
    private static Evaluation earlier(String id, GateResult result, IndicatorValue... values) {
        List<IndicatorResult> results = new ArrayList<>();
        for (IndicatorValue value : values) {
            results.add(new IndicatorResult(1, ObjectiveStatus.PASS, "", false,
                    new MeasuredValue(value.metric(), value.value(), value.success(), value.message(), null),
                    List.of(), List.of()));
        }
        return new Evaluation(id, result, 100, List.of(), results, "", null, null, null);
    }

    private static final String RESPONSE_TIME = """
            objectives:
              - sli: rt
                pass: [{criteria: ["<=+10%", "<600"]}]
                warning: [{criteria: ["<=800"]}]
            total_score: {pass: "90%", warning: "75%"}
            """;

    @Test
    void shouldPassAnObjectiveWhoseCriteriaAllHold() {
        // 500 < 600 and no history → the relative "<=+10%" passes; 1/1 = 100% ≥ 90% → pass
        Evaluation evaluation = evaluate(RESPONSE_TIME, v("rt", 500));

        IndicatorResult rt = evaluation.indicatorResults().get(0);
        assertThat(rt.status()).isEqualTo(ObjectiveStatus.PASS);
        assertThat(rt.score()).isEqualTo(1);
        assertThat(evaluation.result()).isEqualTo(GateResult.PASS);
        assertThat(evaluation.score()).isEqualTo(100);
        assertThat(evaluation.message()).isEmpty();
    }

    @Test
    void shouldAndTheCriteriaInsideOneSet() {
        // relative passes (no history) but "<600" fails on 700 → the set fails; "<=800" holds → warning
        IndicatorResult rt = evaluate(RESPONSE_TIME, v("rt", 700)).indicatorResults().get(0);

        assertThat(rt.status()).isEqualTo(ObjectiveStatus.WARNING);
        assertThat(rt.passTargets()).extracting(Target::criteria, Target::violated)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("<=+10%", false),
                        org.assertj.core.groups.Tuple.tuple("<600", true));
    }

    @Test
    void shouldOrTheCriteriaSets() {
        // set 1 "<100" fails on 150, set 2 ">=150" holds → pass; every target of both sets is shown
        Evaluation evaluation = evaluate("""
                objectives:
                  - sli: x
                    pass:
                      - criteria: ["<100"]
                      - criteria: [">=150"]
                total_score: {pass: "100%"}
                """, v("x", 150));

        IndicatorResult x = evaluation.indicatorResults().get(0);
        assertThat(x.status()).isEqualTo(ObjectiveStatus.PASS);
        assertThat(x.passTargets()).extracting(Target::violated).containsExactly(true, false);
    }

    @Test
    void shouldScoreAWarningAsHalfTheWeight() {
        // weights 2 and 1; rt=700 → warning → 0.5 × 2 = 1; err=0 → pass → 1
        // max = 2 + 1 = 3; total = 100 × ((1 + 1) / 3) = 66.67% < 75% → fail below the warning value
        // (in float64, as in Keptn: 100 × 0.6666666666666666 = 66.66666666666666)
        Evaluation evaluation = evaluate("""
                objectives:
                  - sli: rt
                    weight: 2
                    pass: [{criteria: ["<600"]}]
                    warning: [{criteria: ["<=800"]}]
                  - sli: err
                    pass: [{criteria: ["=0"]}]
                total_score: {pass: "90%", warning: "75%"}
                """, v("rt", 700), v("err", 0));

        assertThat(evaluation.indicatorResults()).extracting(IndicatorResult::score).containsExactly(1.0, 1.0);
        assertThat(evaluation.score()).isEqualTo(100.0 * (2.0 / 3.0));
        assertThat(evaluation.result()).isEqualTo(GateResult.FAIL);
        assertThat(evaluation.message()).isEqualTo(
                "Evaluation failed since the calculated score of 66.66666666666666 is below the warning value of 75");
    }

    @Test
    void shouldWarnWhenTheScoreReachesTheWarningPercentage() {
        // weights 3 and 1; rt pass → 3, err warning → 0.5; total 3.5 / 4 = 87.5% → ≥ 75%, < 90% → warning
        Evaluation evaluation = evaluate("""
                objectives:
                  - sli: rt
                    weight: 3
                    pass: [{criteria: ["<600"]}]
                  - sli: err
                    pass: [{criteria: ["<1"]}]
                    warning: [{criteria: ["<2"]}]
                total_score: {pass: "90%", warning: "75%"}
                """, v("rt", 100), v("err", 1.5));

        assertThat(evaluation.score()).isEqualTo(87.5);
        assertThat(evaluation.result()).isEqualTo(GateResult.WARNING);
        assertThat(evaluation.message()).isEqualTo(
                "Evaluation returned a warning: the calculated score of 87.5 is close to the warning target value of 75");
    }

    @Test
    void shouldFailBelowThePassPercentageWhenThereIsNoWarningPercentage() {
        // 1 of 2 passes: 50% < 90%, no warning configured → fail below the target value
        Evaluation evaluation = evaluate("""
                objectives:
                  - sli: a
                    pass: [{criteria: ["<1"]}]
                  - sli: b
                    pass: [{criteria: ["<1"]}]
                total_score: {pass: "90%"}
                """, v("a", 0), v("b", 5));

        assertThat(evaluation.score()).isEqualTo(50);
        assertThat(evaluation.result()).isEqualTo(GateResult.FAIL);
        assertThat(evaluation.message())
                .isEqualTo("Evaluation failed since the calculated score of 50 is below the target value of 90");
    }

    @Test
    void shouldPassAtExactlyThePassPercentage() {
        // 9 of 10 objectives pass: 90% ≥ 90% → pass (Keptn compares with >=)
        StringBuilder yaml = new StringBuilder("objectives:\n");
        List<IndicatorValue> values = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            yaml.append("  - sli: s").append(i).append("\n    pass: [{criteria: [\"<1\"]}]\n");
            values.add(v("s" + i, i == 0 ? 5 : 0));
        }
        yaml.append("total_score: {pass: \"90%\"}\n");

        Evaluation evaluation = gate.evaluate(slo(yaml.toString()), SliValues.of(values), ComparisonBasis.none());

        assertThat(evaluation.score()).isEqualTo(90);
        assertThat(evaluation.result()).isEqualTo(GateResult.PASS);
    }

    @Test
    void shouldLeaveInfoObjectivesOutOfTheScore() {
        // "throughput" has no pass criteria → info, score 0, not in max; rt passes → 1/1 = 100%
        Evaluation evaluation = evaluate("""
                objectives:
                  - sli: rt
                    pass: [{criteria: ["<600"]}]
                  - sli: throughput
                total_score: {pass: "90%"}
                """, v("rt", 100), v("throughput", 5000));

        IndicatorResult info = evaluation.indicatorResults().get(1);
        assertThat(info.status()).isEqualTo(ObjectiveStatus.INFO);
        assertThat(info.score()).isZero();
        assertThat(info.value().value()).isEqualTo(5000);
        assertThat(evaluation.score()).isEqualTo(100);
        assertThat(evaluation.result()).isEqualTo(GateResult.PASS);
    }

    @Test
    void shouldPassWithAHundredWhenEveryObjectiveIsInfo() {
        // max score 0 → pass with 100, even when an info value is missing
        Evaluation evaluation = evaluate("""
                objectives:
                  - sli: throughput
                  - sli: memory
                total_score: {pass: "90%"}
                """, v("throughput", 5000));

        assertThat(evaluation.result()).isEqualTo(GateResult.PASS);
        assertThat(evaluation.score()).isEqualTo(100);
    }

    @Test
    void shouldFailWithoutObjectives() {
        Evaluation evaluation = evaluate("objectives: []\ntotal_score: {pass: \"90%\"}\n");

        assertThat(evaluation.result()).isEqualTo(GateResult.FAIL);
        assertThat(evaluation.score()).isZero();
        assertThat(evaluation.message()).isEqualTo("Evaluation failed because no SLO objective was provided");
    }

    @Test
    void shouldFailAnObjectiveWhoseValueIsMissing() {
        // "err" never arrived: fail, 0, Keptn's message; 1 of 2 → 50% → fail
        Evaluation evaluation = evaluate("""
                objectives:
                  - sli: rt
                    pass: [{criteria: ["<600"]}]
                  - sli: err
                    pass: [{criteria: ["<1"]}]
                    warning: [{criteria: ["<2"]}]
                total_score: {pass: "90%"}
                """, v("rt", 100));

        IndicatorResult err = evaluation.indicatorResults().get(1);
        assertThat(err.status()).isEqualTo(ObjectiveStatus.FAIL);
        assertThat(err.score()).isZero();
        assertThat(err.value()).isEqualTo(new MeasuredValue("err", 0, false, Gate.NO_VALUE, null));
        // every target of a missing value is violated, with its value shown
        assertThat(err.passTargets()).containsExactly(new Target("<1", 1.0, true));
        assertThat(err.warningTargets()).containsExactly(new Target("<2", 2.0, true));
        assertThat(evaluation.score()).isEqualTo(50);
    }

    @Test
    void shouldFailAnObjectiveWhoseValueWasNotSuccessfulEvenIfZeroWouldPass() {
        // success=false with value 0: "<600" would hold on 0, but an unsuccessful value always fails
        Evaluation evaluation = evaluate("""
                objectives:
                  - sli: rt
                    pass: [{criteria: ["<600"]}]
                total_score: {pass: "90%"}
                """, IndicatorValue.failed("rt", "query timed out"));

        IndicatorResult rt = evaluation.indicatorResults().get(0);
        assertThat(rt.status()).isEqualTo(ObjectiveStatus.FAIL);
        assertThat(rt.value().message()).isEqualTo("query timed out");
        assertThat(evaluation.result()).isEqualTo(GateResult.FAIL);
        assertThat(evaluation.score()).isZero();
    }

    @Test
    void shouldFailTheGateWhenAKeySliFailsWhateverTheScore() {
        // weights 1 (key, fails) and 9 (passes): 9/10 = 90% ≥ 90%, but a failed key SLI fails the gate
        Evaluation evaluation = evaluate("""
                objectives:
                  - sli: rt
                    displayName: Response time
                    key_sli: true
                    pass: [{criteria: ["<600"]}]
                  - sli: err
                    weight: 9
                    pass: [{criteria: ["<1"]}]
                total_score: {pass: "90%", warning: "75%"}
                """, v("rt", 900), v("err", 0));

        assertThat(evaluation.score()).isEqualTo(90);
        assertThat(evaluation.result()).isEqualTo(GateResult.FAIL);
        assertThat(evaluation.message()).isEqualTo(
                "Evaluation failed due to key_sli objective 'Response time': failed evaluation with score 0.000000");
        assertThat(evaluation.indicatorResults().get(0).keySli()).isTrue();
    }

    @Test
    void shouldNameTheProviderMessageWhenAKeySliHasNoValue() {
        Evaluation evaluation = evaluate("""
                objectives:
                  - sli: rt
                    key_sli: true
                    pass: [{criteria: ["<600"]}]
                total_score: {pass: "90%"}
                """);

        assertThat(evaluation.message())
                .isEqualTo("Evaluation failed due to key_sli objective 'rt': no value received from SLI provider");
    }

    @Test
    void shouldNotFailTheGateForAKeySliInWarning() {
        // key rt in warning → 0.5; err pass → 1; 1.5/2 = 75% ≥ 75% → warning, not fail
        Evaluation evaluation = evaluate("""
                objectives:
                  - sli: rt
                    key_sli: true
                    pass: [{criteria: ["<600"]}]
                    warning: [{criteria: ["<=800"]}]
                  - sli: err
                    pass: [{criteria: ["<1"]}]
                total_score: {pass: "90%", warning: "75%"}
                """, v("rt", 700), v("err", 0));

        assertThat(evaluation.score()).isEqualTo(75);
        assertThat(evaluation.result()).isEqualTo(GateResult.WARNING);
    }

    @Test
    void shouldCompareRelativeCriteriaWithTheAverageOfEarlierValuesOfTheSameSli() {
        // earlier rt 500, 480, 520 → avg 500; "<=+10%" → 550; 540 ≤ 550 → pass, compared value 500
        ComparisonBasis basis = new ComparisonBasis(List.of(
                earlier("e3", GateResult.PASS, v("rt", 500), v("other", 9999)),
                earlier("e2", GateResult.PASS, v("rt", 480)),
                earlier("e1", GateResult.PASS, v("rt", 520))));

        Evaluation evaluation = gate.evaluate(slo(RESPONSE_TIME), values(v("rt", 540)), basis);

        IndicatorResult rt = evaluation.indicatorResults().get(0);
        assertThat(rt.status()).isEqualTo(ObjectiveStatus.PASS);
        assertThat(rt.value().comparedValue()).isEqualTo(500.0);
        assertThat(rt.passTargets()).containsExactly(new Target("<=+10%", 550.0, false), new Target("<600", 600.0, false));
        assertThat(evaluation.comparedEvents()).containsExactly("e3", "e2", "e1");
    }

    @Test
    void shouldViolateARelativeCriterionAboveItsTarget() {
        // earlier 500 → target 550; 560 > 550 → violated; "<=800" → warning
        ComparisonBasis basis = new ComparisonBasis(List.of(earlier("e1", GateResult.PASS, v("rt", 500))));

        IndicatorResult rt = gate.evaluate(slo(RESPONSE_TIME), values(v("rt", 560)), basis).indicatorResults().get(0);

        assertThat(rt.passTargets().get(0)).isEqualTo(new Target("<=+10%", 550.0, true));
        assertThat(rt.status()).isEqualTo(ObjectiveStatus.WARNING);
    }

    @Test
    void shouldUseKeptnsPercentileForRelativeCriteria() {
        // p90 over 0..10 = 9.8 (position 0.9 × 12 = 10.8); "<=+10" → 19.8; 19.8 passes, 19.9 fails
        List<Evaluation> earlier = new ArrayList<>();
        for (int i = 0; i <= 10; i++) {
            earlier.add(earlier("e" + i, GateResult.PASS, v("x", i)));
        }
        String yaml = """
                comparison: {compare_with: several_results, number_of_comparison_results: 11, aggregate_function: p90}
                objectives:
                  - sli: x
                    pass: [{criteria: ["<=+10"]}]
                total_score: {pass: "100%"}
                """;
        ComparisonBasis basis = new ComparisonBasis(earlier);

        IndicatorResult ok = gate.evaluate(slo(yaml), values(v("x", 19.8)), basis).indicatorResults().get(0);
        IndicatorResult tooHigh = gate.evaluate(slo(yaml), values(v("x", 19.9)), basis).indicatorResults().get(0);

        assertThat(ok.value().comparedValue()).isCloseTo(9.8, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(ok.status()).isEqualTo(ObjectiveStatus.PASS);
        assertThat(tooHigh.status()).isEqualTo(ObjectiveStatus.FAIL);
    }

    @Test
    void shouldCompareADecreaseWithAPercentageBelow() {
        // throughput earlier 1000; ">=-5%" → 950; 940 violates, 960 holds
        String yaml = """
                objectives:
                  - sli: tp
                    pass: [{criteria: [">=-5%"]}]
                total_score: {pass: "100%"}
                """;
        ComparisonBasis basis = new ComparisonBasis(List.of(earlier("e1", GateResult.PASS, v("tp", 1000))));

        assertThat(gate.evaluate(slo(yaml), values(v("tp", 940)), basis).result()).isEqualTo(GateResult.FAIL);
        assertThat(gate.evaluate(slo(yaml), values(v("tp", 960)), basis).result()).isEqualTo(GateResult.PASS);
    }

    @Test
    void shouldPassARelativeCriterionWhenNoEarlierValueSucceeded() {
        // the only earlier rt failed → nothing to compare → "<=+10%" passes with no target and no compared value
        Evaluation before = earlier("e1", GateResult.FAIL, IndicatorValue.failed("rt", "down"));

        IndicatorResult rt = gate.evaluate(slo(RESPONSE_TIME), values(v("rt", 590)),
                new ComparisonBasis(List.of(before))).indicatorResults().get(0);

        assertThat(rt.status()).isEqualTo(ObjectiveStatus.PASS);
        assertThat(rt.passTargets().get(0)).isEqualTo(new Target("<=+10%", null, false));
        assertThat(rt.value().comparedValue()).isNull();
    }

    @Test
    void shouldShowTheComparedValueForAbsoluteCriteriaToo() {
        // Keptn computes comparedValue for fixed thresholds as well, so the change is visible
        ComparisonBasis basis = new ComparisonBasis(List.of(earlier("e1", GateResult.PASS, v("rt", 400))));

        IndicatorResult rt = gate.evaluate(slo("objectives:\n  - sli: rt\n    pass: [{criteria: [\"<600\"]}]\n"
                + "total_score: {pass: \"90%\"}\n"), values(v("rt", 500)), basis).indicatorResults().get(0);

        assertThat(rt.value().comparedValue()).isEqualTo(400.0);
    }

    @Test
    void shouldMentionIndicatorsWithoutAnObjective() {
        Evaluation evaluation = evaluate(RESPONSE_TIME, v("rt", 100), v("cpu", 1), v("memory", 2));

        assertThat(evaluation.result()).isEqualTo(GateResult.PASS);
        assertThat(evaluation.message()).isEqualTo("The gate received additional SLIs, which are not specified as "
                + "SLO: cpu, memory. Please consider using them as an SLO.");
    }

    @Test
    void shouldFailWhenTheSliProviderFailedWhateverTheScore() {
        // every objective passes (100%), but the provider reported a failure (keptn#6096) → fail, with its reason
        Evaluation evaluation = gate.evaluate(slo(RESPONSE_TIME),
                SliValues.providerFailed("Prometheus at http://prom:9090 refused the connection", List.of(v("rt", 100))),
                ComparisonBasis.none());

        assertThat(evaluation.score()).isEqualTo(100);
        assertThat(evaluation.result()).isEqualTo(GateResult.FAIL);
        assertThat(evaluation.message()).isEqualTo("Evaluation failed because the SLI provider failed with message "
                + "Prometheus at http://prom:9090 refused the connection");
    }

    @Test
    void shouldFailWithoutAnSloAndSayWhy() {
        // Keptn passes when there is no SLO (keptn#1212 asked otherwise); we fail with the reason
        Evaluation evaluation = gate.withoutSlo("slo.yaml does not exist", values(v("rt", 1)));

        assertThat(evaluation.result()).isEqualTo(GateResult.FAIL);
        assertThat(evaluation.score()).isZero();
        assertThat(evaluation.message()).isEqualTo("Evaluation failed because no SLO is configured: slo.yaml does not exist");
    }

    @Test
    void shouldLookUpTheSameSliForEachObjectiveThatNamesIt() {
        // Keptn removes a value once matched, so a second objective on "rt" would see none; we judge both
        Evaluation evaluation = evaluate("""
                objectives:
                  - sli: rt
                    pass: [{criteria: ["<600"]}]
                  - sli: rt
                    displayName: rt strict
                    pass: [{criteria: ["<100"]}]
                total_score: {pass: "50%"}
                """, v("rt", 300));

        assertThat(evaluation.indicatorResults()).extracting(IndicatorResult::status)
                .containsExactly(ObjectiveStatus.PASS, ObjectiveStatus.FAIL);
        assertThat(evaluation.indicatorResults().get(1).value().success()).isTrue();
        assertThat(evaluation.result()).isEqualTo(GateResult.PASS);
    }

    @Test
    void shouldCarryTheIdTimeAndWindow() {
        Evaluation evaluation = gate.evaluate(slo(RESPONSE_TIME),
                values(v("rt", 1)).during("2026-01-31T11:50:00Z", "2026-01-31T12:00:00Z"), ComparisonBasis.none());

        assertThat(evaluation.id()).isEqualTo("eval-1");
        assertThat(evaluation.evaluatedAt()).isEqualTo(Instant.parse("2026-01-31T12:00:00Z"));
        assertThat(evaluation.timeStart()).isEqualTo("2026-01-31T11:50:00Z");
        assertThat(evaluation.timeEnd()).isEqualTo("2026-01-31T12:00:00Z");
    }

    @Test
    void shouldFormatScoresAsKeptnsGoMessagesDo() {
        assertThat(GoNumbers.format(75)).isEqualTo("75");
        assertThat(GoNumbers.format(66.66666666666667)).isEqualTo("66.66666666666667");
        assertThat(GoNumbers.format(87.5)).isEqualTo("87.5");
        assertThat(GoNumbers.format(0)).isEqualTo("0");
        assertThat(GoNumbers.format(1e21)).isEqualTo("1e+21");
        assertThat(GoNumbers.format(0.00001)).isEqualTo("1e-05");
        assertThat(GoNumbers.format(12345678.5)).isEqualTo("12345678.5");
    }
}
