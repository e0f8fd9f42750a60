package io.jenkins.plugins.reliably.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SliOptionsTest {

    private static final Instant BUILD_START = Instant.parse("2026-11-24T09:00:00Z");
    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

    @Test
    void shouldQueryTheBuildSoFarByDefault() {
        SliOptions.Window window = SliOptions.builder().sliText("x").provider("prometheus").build().window(BUILD_START, NOW);

        assertThat(window.start()).isEqualTo(BUILD_START);
        assertThat(window.end()).isEqualTo(NOW);
    }

    @Test
    void shouldPlaceADurationBeforeTheEndOrAfterTheStart() {
        assertThat(SliOptions.builder().duration("10m").build().window(BUILD_START, NOW).start())
                .isEqualTo(NOW.minus(Duration.ofMinutes(10)));
        SliOptions.Window fromStart = SliOptions.builder().start("2026-11-24T08:00:00Z").duration("PT1H").build()
                .window(BUILD_START, NOW);
        assertThat(fromStart.end()).isEqualTo(Instant.parse("2026-11-24T09:00:00Z"));
    }

    @Test
    void shouldReadShortAndIsoDurations() {
        assertThat(SliOptions.parseDuration("30s")).contains(Duration.ofSeconds(30));
        assertThat(SliOptions.parseDuration("2h")).contains(Duration.ofHours(2));
        assertThat(SliOptions.parseDuration("250ms")).contains(Duration.ofMillis(250));
        assertThat(SliOptions.parseDuration("pt5m")).contains(Duration.ofMinutes(5));
        assertThat(SliOptions.parseDuration("0s")).isEmpty();
        assertThat(SliOptions.parseDuration("soon")).isEmpty();
    }

    @Test
    void shouldListEveryProblemNamingTheParameter() {
        SliOptions options = SliOptions.builder().sli("sli.yaml").metrics("m.yaml").provider("prometheus")
                .start("yesterday").end("2026-11-24T10:00:00Z").duration("forever").build();

        assertThat(options.problems()).containsExactly(
                "sli: give only one of sli, sliText and metrics",
                "provider: Iter8 metric definitions carry their own provider; remove provider",
                "start: expected an ISO-8601 time such as 2026-11-24T10:00:00Z, got 'yesterday'",
                "duration: expected a duration such as 5m, 1h, 30s or PT5M, got 'forever'",
                "duration: give at most two of start, end and duration");
        assertThat(SliOptions.builder().build().problems()).containsExactly(
                "sli: give a Keptn sli.yaml (sli or sliText) with its provider, or Iter8 metric definitions (metrics)");
        assertThat(SliOptions.builder().sli("sli.yaml").build().problems()).containsExactly(
                "provider: expected prometheus, dynatrace, or the path of an Iter8-style provider definition");
        assertThat(SliOptions.builder().sliText("x").provider("prometheus").start("2026-11-24T10:00:00Z")
                .end("2026-11-24T09:00:00Z").build().problems())
                .containsExactly("start: expected a time before end (2026-11-24T09:00:00Z), got 2026-11-24T10:00:00Z");
    }

    @Test
    void shouldDefaultKeptnNamesFromTheBuildAndLetTheUserOverrideThem() {
        SliOptions options = SliOptions.builder().project(" ", "folder/job").stage("prod", "Deploy")
                .labels(Map.of("buildId", "7"), Map.of("version", 2, "buildId", "x")).build();

        assertThat(options.project()).isEqualTo("folder/job");
        assertThat(options.stage()).isEqualTo("prod");
        assertThat(options.labels()).containsExactly(Map.entry("buildId", "x"), Map.entry("version", "2"));
    }
}
