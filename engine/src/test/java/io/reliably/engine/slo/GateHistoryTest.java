package io.reliably.engine.slo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reliably.engine.sli.IndicatorValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The history directory: each gate keeps its evaluation, the next reads them back newest first. */
class GateHistoryTest {

    private static final String SLO = """
            comparison: {compare_with: several_results, number_of_comparison_results: 2}
            objectives:
              - sli: rt
                pass: [{criteria: ["<=+10%"]}]
            total_score: {pass: "90%"}
            """;

    private static Gate gateAt(String time, String id) {
        return new Gate(Clock.fixed(Instant.parse(time), ZoneOffset.UTC), () -> id);
    }

    @Test
    void shouldCompareEachGateWithTheOnesKeptBefore(@TempDir Path dir) throws Exception {
        Slo slo = new SloLoader().parse("slo.yaml", SLO);
        GateHistory history = new GateHistory(dir.resolve("gates"));

        // first gate: nothing earlier → the relative criterion passes; kept
        Evaluation first = gateAt("2026-01-31T10:00:00Z", "g1").evaluate(slo,
                SliValues.of(List.of(IndicatorValue.of("rt", 100))), history.read().select(slo.comparison()));
        history.write(first);
        // second gate: compares with g1 (100 → target 110); 105 passes; kept
        Evaluation second = gateAt("2026-01-31T11:00:00Z", "g2").evaluate(slo,
                SliValues.of(List.of(IndicatorValue.of("rt", 105))), history.read().select(slo.comparison()));
        history.write(second);
        // third gate: compares with g2 and g1, newest first: avg(105, 100) = 102.5 → target 112.75; 120 fails
        Evaluation third = gateAt("2026-01-31T12:00:00Z", "g3").evaluate(slo,
                SliValues.of(List.of(IndicatorValue.of("rt", 120))), history.read().select(slo.comparison()));

        assertThat(first.comparedEvents()).isEmpty();
        assertThat(second.comparedEvents()).containsExactly("g1");
        assertThat(third.comparedEvents()).containsExactly("g2", "g1");
        assertThat(third.indicatorResults().get(0).value().comparedValue()).isEqualTo(102.5);
        assertThat(third.indicatorResults().get(0).passTargets().get(0).targetValue()).isEqualTo(112.75);
        assertThat(third.result()).isEqualTo(GateResult.FAIL);
        assertThat(history.read().newestFirst()).containsExactly(second, first);
        try (var files = Files.list(dir.resolve("gates"))) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted())
                    .containsExactly("20260131T100000.000Z-g1.json", "20260131T110000.000Z-g2.json");
        }
    }

    @Test
    void shouldReadNothingFromADirectoryThatDoesNotExistYet(@TempDir Path dir) throws Exception {
        assertThat(new GateHistory(dir.resolve("none")).read().newestFirst()).isEmpty();
    }

    @Test
    void shouldNameABrokenFileInTheDirectory(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("broken.json"), "{\"result\": ");

        assertThatThrownBy(() -> new GateHistory(dir).read())
                .isInstanceOf(InvalidSloException.class)
                .hasMessageStartingWith(dir.resolve("broken.json") + ": not valid JSON");
    }

    @Test
    void shouldRefuseAFileWhereADirectoryIsExpected(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("history.json"), "[]");

        assertThatThrownBy(() -> new GateHistory(file).read())
                .hasMessage(file + ": expected a directory of earlier evaluations but found a file");
    }
}
