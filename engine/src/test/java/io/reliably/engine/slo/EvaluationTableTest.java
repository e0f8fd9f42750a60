package io.reliably.engine.slo;

import static org.assertj.core.api.Assertions.assertThat;

import io.reliably.engine.sli.IndicatorValue;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The human table: what a person reads in the build log. */
class EvaluationTableTest {

    @Test
    void shouldShowMissingValuesAndRelativeTargetsWithoutHistory() throws Exception {
        Slo slo = new SloLoader().parse("slo.yaml", """
                objectives:
                  - sli: rt
                    pass: [{criteria: ["<=+10%"]}]
                  - sli: err
                    key_sli: true
                    pass: [{criteria: ["<1"]}]
                total_score: {pass: "90%", warning: "40%"}
                """);
        Evaluation evaluation = new Gate().evaluate(slo,
                SliValues.of(List.of(IndicatorValue.of("rt", 123.456), IndicatorValue.failed("err", "timeout"))),
                ComparisonBasis.none());

        String table = new EvaluationTable().render(evaluation);

        assertThat(table.lines().toList()).containsSubsequence(
                "OBJECTIVE  VALUE          COMPARED  PASS TARGETS            WARNING TARGETS  STATUS  SCORE",
                "rt         123.46         -         <=+10% (no history) ok  -                pass    1",
                "err (key)  n/a (timeout)  -         <1 (1) violated         -                fail    0",
                "Score:  50%",
                "Result: fail",
                "Evaluation failed due to key_sli objective 'err': timeout");
        assertThat(table).doesNotContain("Compared with");
    }
}
