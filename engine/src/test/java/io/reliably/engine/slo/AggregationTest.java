package io.reliably.engine.slo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Keptn's aggregate functions over earlier values, checked against hand-computed figures. */
class AggregationTest {

    private static final double[] ZERO_TO_TEN = {10, 0, 9, 1, 8, 2, 7, 3, 6, 4, 5}; // unsorted on purpose

    @Test
    void shouldAverage() {
        // (500 + 480 + 520) / 3 = 500
        assertThat(Aggregation.AVG.apply(new double[] {500, 480, 520})).contains(500.0);
    }

    @Test
    void shouldTakeKeptnsMedian() {
        // n = 11, position 0.5 × 12 = 6 → the 6th smallest (1-based) = 5, no interpolation
        assertThat(Aggregation.P50.apply(ZERO_TO_TEN)).contains(5.0);
        // n = 4 (10, 20, 30, 40): position 0.5 × 5 = 2.5 → 20 + 0.5 × (30 - 20) = 25
        assertThat(Aggregation.P50.apply(new double[] {40, 10, 30, 20})).contains(25.0);
    }

    @Test
    void shouldInterpolateThe90thPercentile() {
        // n = 11, position 0.9 × 12 = 10.8 → between the 10th (9) and 11th (10): 9 + 0.8 × 1 = 9.8
        assertThat(Aggregation.P90.apply(ZERO_TO_TEN).orElseThrow()).isCloseTo(9.8, within(1e-9));
        // n = 20 (1..20): position 0.9 × 21 = 18.9 → 18 + 0.9 × (19 - 18) = 18.9
        double[] oneToTwenty = new double[20];
        for (int i = 0; i < 20; i++) {
            oneToTwenty[i] = i + 1;
        }
        assertThat(Aggregation.P90.apply(oneToTwenty).orElseThrow()).isCloseTo(18.9, within(1e-9));
    }

    @Test
    void shouldClampThe95thPercentileToTheLargestValue() {
        // n = 11, position 0.95 × 12 = 11.4 ≥ 11 → the largest value, 10
        assertThat(Aggregation.P95.apply(ZERO_TO_TEN)).contains(10.0);
        // n = 3: position 0.95 × 4 = 3.8 ≥ 3 → the largest, 520
        assertThat(Aggregation.P95.apply(new double[] {500, 480, 520})).contains(520.0);
    }

    @Test
    void shouldClampALowPositionToTheSmallestValue() {
        // a single value: p50 position 0.5 × 2 = 1 → the value itself; p90 position 1.8 ≥ 1 → the value
        assertThat(Aggregation.P50.apply(new double[] {42})).contains(42.0);
        assertThat(Aggregation.P90.apply(new double[] {42})).contains(42.0);
        // position < 1 is only reachable through the helper: p = 0.2, n = 3 → 0.8 → the smallest
        assertThat(Aggregation.percentile(new double[] {3, 1, 2}, 0.2)).isEqualTo(1.0);
    }

    @Test
    void shouldGiveNothingWithoutValues() {
        assertThat(Aggregation.AVG.apply(new double[0])).isEmpty();
        assertThat(Aggregation.P95.apply(new double[0])).isEmpty();
    }

    @Test
    void shouldReadTheFunctionCaseInsensitively() {
        assertThat(Aggregation.of("P90")).contains(Aggregation.P90);
        assertThat(Aggregation.of("median")).isEmpty();
    }
}
