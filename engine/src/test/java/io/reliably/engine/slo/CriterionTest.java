package io.reliably.engine.slo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Keptn's criteria grammar ({@code parseCriteriaString}) and how one criterion is judged. */
class CriterionTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // text       | operator         | amount | relative | percentage | increase
        "<10          | LESS             | 10     | false    | false      | false",
        "<=10         | LESS_OR_EQUAL    | 10     | false    | false      | false",
        "=10          | EQUAL            | 10     | false    | false      | false",
        ">=10         | GREATER_OR_EQUAL | 10     | false    | false      | false",
        ">10          | GREATER          | 10     | false    | false      | false",
        ">-10%        | GREATER          | 10     | true     | true       | false",
        "<=+10.5%     | LESS_OR_EQUAL    | 10.5   | true     | true       | true",
        "<=10%        | LESS_OR_EQUAL    | 10     | true     | true       | true",
        "<=+10        | LESS_OR_EQUAL    | 10     | true     | false      | true",
        "<-2          | LESS             | 2      | true     | false      | false",
        "'  <=+10   %'| LESS_OR_EQUAL    | 10     | true     | true       | true",
        "<=.5         | LESS_OR_EQUAL    | 0.5    | false    | false      | false",
        "<1e3         | LESS             | 1000   | false    | false      | false",
    })
    void shouldParseEveryShapeKeptnAccepts(String text, Operator operator, double amount, boolean relative,
            boolean percentage, boolean increase) {
        Criterion criterion = Criterion.parse(text);

        assertThat(criterion.operator()).isEqualTo(operator);
        assertThat(criterion.amount()).isEqualTo(amount);
        assertThat(criterion.relative()).isEqualTo(relative);
        assertThat(criterion.percentage()).isEqualTo(percentage);
        assertThat(criterion.increase()).isEqualTo(increase);
        assertThat(criterion.text()).isEqualTo(text);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"600", "≤600", "=>5", "=<5", "<>5", "<600ms", "<abc", "<", "<=+", "<NaN", "<Inf", "<10%%",
        "!=5", ""})
    void shouldRefuseWhatIsNotACriterionWithTheExpectation(String text) {
        assertThatThrownBy(() -> Criterion.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + text + "' is not a criterion")
                .hasMessageContaining("expected e.g. \"<600\", \"<=+10%\"");
    }

    @Test
    void shouldNameTheOperatorsWhenTheOperatorIsUnknown() {
        assertThatThrownBy(() -> Criterion.parse("~600"))
                .hasMessageContaining("operators <, <=, =, >=, >");
    }

    @Test
    void shouldTargetTheThresholdItselfWhenAbsolute() {
        // "<600": the target is 600 whatever came before
        assertThat(Criterion.parse("<600").target(Optional.of(123.0))).contains(600.0);
        assertThat(Criterion.parse("<600").target(Optional.empty())).contains(600.0);
    }

    @Test
    void shouldMoveThePreviousAggregateByAPercentage() {
        // "<=+10%" on an aggregate of 500: 500 × (100 + 10) / 100 = 550
        assertThat(Criterion.parse("<=+10%").target(Optional.of(500.0))).contains(550.0);
        // a bare "%" is an increase too: "<=10%" → 550
        assertThat(Criterion.parse("<=10%").target(Optional.of(500.0))).contains(550.0);
        // ">=-5%" on 200: 200 × (100 - 5) / 100 = 190
        assertThat(Criterion.parse(">=-5%").target(Optional.of(200.0))).contains(190.0);
    }

    @Test
    void shouldMoveThePreviousAggregateByAnAbsoluteDelta() {
        // "<=+50" on 500 → 550; ">-2" on 10 → 8
        assertThat(Criterion.parse("<=+50").target(Optional.of(500.0))).contains(550.0);
        assertThat(Criterion.parse(">-2").target(Optional.of(10.0))).contains(8.0);
    }

    @Test
    void shouldPassARelativeCriterionWithoutEarlierValues() {
        Criterion criterion = Criterion.parse("<=+10%");

        assertThat(criterion.target(Optional.empty())).isEmpty();
        assertThat(criterion.isMetBy(1_000_000, Optional.empty())).isTrue();
    }

    @Test
    void shouldCompareWithEachOperatorAsKeptnDoes() {
        assertThat(Criterion.parse("<600").isMetBy(599.9, Optional.empty())).isTrue();
        assertThat(Criterion.parse("<600").isMetBy(600, Optional.empty())).isFalse();
        assertThat(Criterion.parse("<=600").isMetBy(600, Optional.empty())).isTrue();
        assertThat(Criterion.parse("=0").isMetBy(0, Optional.empty())).isTrue();
        assertThat(Criterion.parse("=0").isMetBy(0.0001, Optional.empty())).isFalse();
        assertThat(Criterion.parse(">=5").isMetBy(5, Optional.empty())).isTrue();
        assertThat(Criterion.parse(">5").isMetBy(5, Optional.empty())).isFalse();
        // relative: 560 against "<=+10%" of 500 (target 550) is violated
        assertThat(Criterion.parse("<=+10%").isMetBy(560, Optional.of(500.0))).isFalse();
    }
}
