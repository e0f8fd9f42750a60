package io.reliably.engine.slo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which earlier evaluations a gate compares with: Keptn's last N by overall result, or a pinned one. */
class EvaluationHistoryTest {

    private static Evaluation evaluation(String id, GateResult result) {
        return new Evaluation(id, result, 0, List.of(), List.of(), "", null, null, null);
    }

    // newest first: e6 fail, e5 warning, e4 pass, e3 fail, e2 pass, e1 warning
    private final EvaluationHistory history = new EvaluationHistory("history.json", List.of(
            evaluation("e6", GateResult.FAIL), evaluation("e5", GateResult.WARNING),
            evaluation("e4", GateResult.PASS), evaluation("e3", GateResult.FAIL),
            evaluation("e2", GateResult.PASS), evaluation("e1", GateResult.WARNING)));

    private static Comparison comparison(String compareWith, IncludeResults include, int number) {
        return new Comparison(compareWith, include, number, Aggregation.AVG);
    }

    @Test
    void shouldTakeTheNewestResultOfAnyScoreByDefault() {
        assertThat(history.select(Comparison.keptnDefault()).ids()).containsExactly("e6");
    }

    @Test
    void shouldTakeTheNewestPassingResults() {
        assertThat(history.select(comparison("several_results", IncludeResults.PASS, 3)).ids())
                .containsExactly("e4", "e2");
    }

    @Test
    void shouldTakeTheNewestPassingOrWarningResults() {
        assertThat(history.select(comparison("several_results", IncludeResults.PASS_OR_WARN, 3)).ids())
                .containsExactly("e5", "e4", "e2");
    }

    @Test
    void shouldTakeTheNewestNOfAll() {
        assertThat(history.select(comparison("several_results", IncludeResults.ALL, 4)).ids())
                .containsExactly("e6", "e5", "e4", "e3");
    }

    @Test
    void shouldTakeOnlyTheNewestEligibleResultForSingleResult() {
        assertThat(history.select(comparison("single_result", IncludeResults.PASS, 5)).ids()).containsExactly("e4");
    }

    @Test
    void shouldTakeThreeForAnUnknownCompareWith() {
        assertThat(history.select(comparison("something", IncludeResults.ALL, 5)).ids())
                .containsExactly("e6", "e5", "e4");
    }

    @Test
    void shouldTakeWhatThereIsWhenTheHistoryIsShort() {
        assertThat(history.select(comparison("several_results", IncludeResults.ALL, 50)).ids()).hasSize(6);
        assertThat(EvaluationHistory.empty().select(Comparison.keptnDefault()).ids()).isEmpty();
    }

    @Test
    void shouldPinAReferenceWhateverItsResult() throws Exception {
        assertThat(history.reference("e3").ids()).containsExactly("e3");
    }

    @Test
    void shouldNameTheKnownIdsWhenTheReferenceIsMissing() {
        assertThatThrownBy(() -> history.reference("e9"))
                .isInstanceOf(InvalidSloException.class)
                .hasMessage("history.json: no evaluation with id 'e9' to use as the reference; expected one of "
                        + "e6, e5, e4, e3, e2, e1");
        assertThatThrownBy(() -> EvaluationHistory.empty().reference("e9"))
                .hasMessageContaining("(the history is empty)");
    }
}
