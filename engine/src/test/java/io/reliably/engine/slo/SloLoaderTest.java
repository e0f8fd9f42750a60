package io.reliably.engine.slo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading slo.yaml: Keptn's defaults ({@code parseSLO}) and clear errors naming file, field and expectation. */
class SloLoaderTest {

    private static final String SCORE = "total_score: {pass: \"90%\", warning: \"75%\"}\n";
    private final SloLoader loader = new SloLoader();

    private Slo parse(String yaml) throws InvalidSloException {
        return loader.parse("slo.yaml", yaml);
    }

    private static String errorOf(String yaml) {
        try {
            new SloLoader().parse("slo.yaml", yaml);
        } catch (InvalidSloException e) {
            return e.getMessage();
        }
        throw new AssertionError("expected an error for:\n" + yaml);
    }

    @Test
    void shouldDefaultToTheLastResultOfAnyScoreAveragedWithoutAComparisonBlock() throws Exception {
        Comparison comparison = parse("objectives: []\n" + SCORE).comparison();

        assertThat(comparison.compareWith()).isEqualTo("single_result");
        assertThat(comparison.includeResults()).isEqualTo(IncludeResults.ALL);
        assertThat(comparison.numberOfComparisonResults()).isEqualTo(1);
        assertThat(comparison.aggregation()).isEqualTo(Aggregation.AVG);
        assertThat(comparison.resultsToCompare()).isEqualTo(1);
    }

    @Test
    void shouldTreatAnEmptyComparisonBlockAsAbsent() throws Exception {
        // "comparison:" with nothing after it is null in YAML; Keptn's pointer stays nil → the same defaults
        assertThat(parse("comparison:\n" + SCORE).comparison()).isEqualTo(Comparison.keptnDefault());
    }

    @Test
    void shouldFillMissingFieldsOfAComparisonBlockWithAllThreeAndAvg() throws Exception {
        Comparison comparison = parse("comparison: {compare_with: several_results}\n" + SCORE).comparison();

        assertThat(comparison.includeResults()).isEqualTo(IncludeResults.ALL);
        assertThat(comparison.numberOfComparisonResults()).isEqualTo(3);
        assertThat(comparison.aggregation()).isEqualTo(Aggregation.AVG);
        assertThat(comparison.resultsToCompare()).isEqualTo(3);
    }

    @Test
    void shouldCompareWithOneResultForSingleResultWhateverTheNumberSays() throws Exception {
        Comparison comparison = parse("comparison: {compare_with: single_result, number_of_comparison_results: 5}\n"
                + SCORE).comparison();

        assertThat(comparison.numberOfComparisonResults()).isEqualTo(5);
        assertThat(comparison.resultsToCompare()).isEqualTo(1);
    }

    @Test
    void shouldCompareWithTheNumberForSeveralResults() throws Exception {
        assertThat(parse("comparison: {compare_with: several_results, number_of_comparison_results: 5}\n" + SCORE)
                .comparison().resultsToCompare()).isEqualTo(5);
    }

    @Test
    void shouldCompareWithThreeResultsWhenCompareWithIsMissingOrUnknown() throws Exception {
        // Keptn: neither single_result nor several_results → 3, even if a number is given
        assertThat(parse("comparison: {aggregate_function: p90}\n" + SCORE).comparison().resultsToCompare())
                .isEqualTo(3);
        assertThat(parse("comparison: {compare_with: last_ones, number_of_comparison_results: 7}\n" + SCORE)
                .comparison().resultsToCompare()).isEqualTo(3);
    }

    @Test
    void shouldTreatANumberOfZeroAsKeptnsDefaultOfThree() throws Exception {
        assertThat(parse("comparison: {compare_with: several_results, number_of_comparison_results: 0}\n" + SCORE)
                .comparison().resultsToCompare()).isEqualTo(3);
    }

    @Test
    void shouldReadIncludeResultWithScoreCaseInsensitively() throws Exception {
        assertThat(parse("comparison: {compare_with: single_result, include_result_with_score: Pass_Or_Warn}\n"
                + SCORE).comparison().includeResults()).isEqualTo(IncludeResults.PASS_OR_WARN);
    }

    @Test
    void shouldGiveWeightOneWhenMissingOrZero() throws Exception {
        Slo slo = parse("""
                objectives:
                  - sli: a
                    pass: [{criteria: ["<1"]}]
                  - sli: b
                    weight: 0
                    pass: [{criteria: ["<1"]}]
                  - sli: c
                    weight: 3
                    pass: [{criteria: ["<1"]}]
                """ + SCORE);

        assertThat(slo.objectives()).extracting(Objective::weight).containsExactly(1, 1, 3);
    }

    @Test
    void shouldReadEveryObjectiveField() throws Exception {
        Slo slo = parse("""
                spec_version: "1.0"
                filter: {mz_id: 4711, svc: "a14b"}
                objectives:
                  - sli: response_time_p95
                    displayName: Response time
                    key_sli: true
                    weight: 2
                    pass:
                      - criteria: ["<=+10%", "<600"]
                      - criteria: ["<300"]
                    warning:
                      - criteria: ["<=800"]
                  - sli: throughput
                  -
                total_score: {pass: 90, warning: "75%"}
                """);

        assertThat(slo.specVersion()).isEqualTo("1.0");
        assertThat(slo.filter()).containsEntry("mz_id", "4711").containsEntry("svc", "a14b");
        Objective first = slo.objectives().get(0);
        assertThat(first.displayName()).isEqualTo("Response time");
        assertThat(first.keySli()).isTrue();
        assertThat(first.pass()).hasSize(2);
        assertThat(first.pass().get(0).criteria()).extracting(Criterion::text).containsExactly("<=+10%", "<600");
        assertThat(first.warning().get(0).criteria()).extracting(Criterion::text).containsExactly("<=800");
        // an objective without pass is info; the empty list entry "-" is skipped, as Keptn skips nil objectives
        assertThat(slo.objectives()).hasSize(2);
        assertThat(slo.objectives().get(1).isInfo()).isTrue();
        assertThat(slo.totalScore().pass()).isEqualTo(90);
        assertThat(slo.totalScore().warning()).hasValue(75);
    }

    @Test
    void shouldReadJsonToo() throws Exception {
        Slo slo = parse("""
                {"spec_version": "1.0", "objectives": [{"sli": "a", "pass": [{"criteria": ["<1"]}]}],
                 "total_score": {"pass": "100%"}}
                """);

        assertThat(slo.objectives()).hasSize(1);
        assertThat(slo.totalScore().warning()).isEmpty();
    }

    @Test
    void shouldLoadAFileAndNameItInErrors(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("quality.yaml");
        java.nio.file.Files.writeString(file, "objectives: []\n");

        assertThatThrownBy(() -> loader.load(file))
                .isInstanceOf(InvalidSloException.class)
                .hasMessageStartingWith(file + ": total_score: missing");
        assertThatThrownBy(() -> loader.load(dir.resolve("absent.yaml")))
                .hasMessage(dir.resolve("absent.yaml") + ": no such file");
    }

    @Test
    void shouldReportMalformedYamlWithItsPosition() {
        assertThat(errorOf("objectives:\n  - sli: [a\n"))
                .startsWith("slo.yaml: not valid YAML at line")
                .contains("expected a Keptn slo.yaml");
    }

    @Test
    void shouldReportAnEmptyFile() {
        assertThat(errorOf("  \n")).isEqualTo("slo.yaml: the file is empty; expected a Keptn slo.yaml with "
                + "spec_version, objectives and total_score");
    }

    @Test
    void shouldReportAnUnknownCriteriaOperatorWithItsPath() {
        assertThat(errorOf("objectives:\n  - sli: a\n    pass: [{criteria: [\"<1\", \"~600\"]}]\n" + SCORE))
                .contains("slo.yaml: objectives[0].pass[0].criteria[1]: '~600' is not a criterion: it must start "
                        + "with one of the operators <, <=, =, >=, >");
    }

    @Test
    void shouldReportAMalformedNumberInACriterion() {
        assertThat(errorOf("objectives:\n  - sli: a\n    warning: [{criteria: [\"<600ms\"]}]\n    pass: [{criteria: [\"<1\"]}]\n" + SCORE))
                .contains("slo.yaml: objectives[0].warning[0].criteria[0]: '<600ms' is not a criterion: after the "
                        + "operator < comes a number");
    }

    @Test
    void shouldReportAnUnknownAggregateFunctionInsteadOfKeptnsSilentZero() {
        assertThat(errorOf("comparison: {compare_with: single_result, aggregate_function: median}\n" + SCORE))
                .isEqualTo("slo.yaml: comparison.aggregate_function: expected avg, p50, p90 or p95 but found 'median'");
    }

    @Test
    void shouldReportAnUnknownIncludeResultWithScore() {
        assertThat(errorOf("comparison: {compare_with: single_result, include_result_with_score: passed}\n" + SCORE))
                .isEqualTo("slo.yaml: comparison.include_result_with_score: expected pass, pass_or_warn or all "
                        + "but found 'passed'");
    }

    @Test
    void shouldReportAMissingPassThreshold() {
        assertThat(errorOf("objectives: []\ntotal_score: {warning: \"75%\"}\n"))
                .isEqualTo("slo.yaml: total_score.pass: missing; expected the percentage needed to pass, such as \"90%\"");
        assertThat(errorOf("objectives: []\n"))
                .isEqualTo("slo.yaml: total_score: missing; expected total_score: {pass: \"90%\", warning: \"75%\"}");
    }

    @Test
    void shouldReportAPercentageThatIsNotANumber() {
        assertThat(errorOf("total_score: {pass: \"ninety\", warning: \"75 %\"}\n"))
                .contains("slo.yaml: total_score.pass: expected a percentage such as \"90%\" but found the text 'ninety'")
                .contains("slo.yaml: total_score.warning: expected a percentage such as \"90%\" but found the text '75 %'");
    }

    @Test
    void shouldReportEveryProblemAtOnce() {
        String message = errorOf("""
                objectivs: []
                objectives:
                  - pass: [{criteria: ["<1"]}]
                  - sli: b
                    weight: -2
                    key_sli: "yes please"
                    pass: [{criteria: []}]
                total_score: {pass: "90%"}
                """);

        assertThat(message.lines()).containsExactly(
                "slo.yaml: objectivs: unknown field; expected one of comparison, filter, objectives, spec_version, total_score",
                "slo.yaml: objectives[0].sli: expected the indicator's name but found nothing",
                "slo.yaml: objectives[1].key_sli: expected true or false but found the text 'yes please'",
                "slo.yaml: objectives[1].weight: expected a positive whole number but found number -2",
                "slo.yaml: objectives[1].pass[0].criteria: expected a list of at least one criterion such as \"<600\" but found a list");
    }

    @Test
    void shouldReportTheWrongShapes() {
        assertThat(errorOf("- a\n- b\n")).isEqualTo("slo.yaml: expected a Keptn slo.yaml with spec_version, "
                + "objectives and total_score (an object) but found a list");
        assertThat(errorOf("objectives: {sli: a}\n" + SCORE))
                .isEqualTo("slo.yaml: objectives: expected a list of objectives but found an object");
        assertThat(errorOf("objectives:\n  - sli: a\n    pass: {criteria: [\"<1\"]}\n" + SCORE))
                .isEqualTo("slo.yaml: objectives[0].pass: expected a list of {criteria: [...]} but found an object");
        assertThat(errorOf("comparison: {compare_with: several_results, number_of_comparison_results: three}\n" + SCORE))
                .isEqualTo("slo.yaml: comparison.number_of_comparison_results: expected a positive whole number "
                        + "but found the text 'three'");
    }
}
