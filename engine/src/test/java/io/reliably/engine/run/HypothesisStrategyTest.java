package io.reliably.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.reliably.engine.journal.ActivityRun;
import io.reliably.engine.journal.HypothesisRun;
import io.reliably.engine.journal.Journal;
import io.reliably.engine.journal.RunStatus;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** When the hypothesis is checked under each strategy, and what fail-fast does. */
class HypothesisStrategyTest {

    private TestService service;
    private final Runs runs = new Runs(Map.of());

    @BeforeEach
    void startService() throws Exception {
        service = new TestService();
    }

    @AfterEach
    void stopService() {
        service.close();
    }

    @Test
    void shouldCheckBeforeAndAfterTheMethodByDefault() throws Exception {
        Journal journal = runs.run(experiment(method("/sleep?ms=300"), ""), Runs.hypothesis(null, 0.05));

        assertThat(journal.before().steadyStateMet()).isTrue();
        assertThat(journal.after().steadyStateMet()).isTrue();
        assertThat(journal.during()).isEmpty();
    }

    @Test
    void shouldCheckOnlyBeforeWithBeforeMethodOnly() throws Exception {
        Journal journal = runs.run(experiment(method("/noop"), ""),
                Runs.hypothesis(HypothesisStrategy.BEFORE_METHOD_ONLY, 0.05));

        assertThat(journal.before()).isNotNull();
        assertThat(journal.after()).isNull();
        assertThat(journal.during()).isEmpty();
    }

    @Test
    void shouldCheckOnlyAfterWithAfterMethodOnly() throws Exception {
        Journal journal = runs.run(experiment(method("/noop"), ""),
                Runs.hypothesis(HypothesisStrategy.AFTER_METHOD_ONLY, 0.05));

        assertThat(journal.before()).isNull();
        assertThat(journal.after()).isNotNull();
        assertThat(journal.during()).isEmpty();
    }

    @Test
    void shouldCheckOnlyWhileTheMethodRunsWithDuringMethodOnly() throws Exception {
        Journal journal = runs.run(experiment(method("/sleep?ms=500"), ""),
                Runs.hypothesis(HypothesisStrategy.DURING_METHOD_ONLY, 0.05));

        assertThat(journal.before()).isNull();
        assertThat(journal.after()).isNull();
        assertThat(journal.during()).isNotEmpty().allMatch(HypothesisRun::steadyStateMet);
    }

    @Test
    void shouldCheckBeforeDuringAndAfterWithTheMisspeltContinouslyInTheRuntimeBlock() throws Exception {
        Journal journal = runs.run(experiment(method("/sleep?ms=500"),
                ", \"runtime\": {\"hypothesis\": {\"strategy\": \"continously\", \"frequency\": 0.05}}"));

        assertThat(journal.before()).isNotNull();
        assertThat(journal.during()).isNotEmpty();
        assertThat(journal.after()).isNotNull();
        assertThat(journal.status()).isEqualTo(RunStatus.COMPLETED);
    }

    @Test
    void shouldNeverCheckWithSkipButStillPlayTheMethod() throws Exception {
        Journal journal = runs.run(experiment(method("/noop"), ""),
                Runs.hypothesis(HypothesisStrategy.SKIP, 0.05));

        assertThat(journal.before()).isNull();
        assertThat(journal.after()).isNull();
        assertThat(journal.during()).isEmpty();
        assertThat(service.hits()).contains("/noop").doesNotContain("/health");
    }

    @Test
    void shouldLetTheFlagOverrideTheRuntimeBlock() throws Exception {
        Journal journal = runs.run(experiment(method("/noop"),
                        ", \"runtime\": {\"hypothesis\": {\"strategy\": \"skip\"}}"),
                Runs.hypothesis(HypothesisStrategy.BEFORE_METHOD_ONLY, 0.05));

        assertThat(journal.before()).isNotNull();
    }

    @Test
    void shouldRecordDeviatedIterationsAndGoOnWithoutFailFast() throws Exception {
        Journal journal = runs.run(experiment(breakThenWait(1000), ""),
                Runs.hypothesis(HypothesisStrategy.DURING_METHOD_ONLY, 0.05));

        assertThat(journal.during()).anyMatch(state -> !state.steadyStateMet());
        assertThat(journal.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(service.hits()).contains("/after-wait");
    }

    @Test
    void shouldFailAndStopTheMethodOnTheFirstDeviationWithFailFast() throws Exception {
        Journal journal = runs.run(experiment(breakThenWait(1500), ""),
                new RunSettings(null, HypothesisStrategy.DURING_METHOD_ONLY, 0.05, true, 0.0, null));

        assertThat(journal.status()).isEqualTo(RunStatus.FAILED);
        assertThat(journal.deviated()).isFalse();
        assertThat(journal.during().get(journal.during().size() - 1).steadyStateMet()).isFalse();
        assertThat(journal.during()).filteredOn(state -> !state.steadyStateMet()).hasSize(1);
        assertThat(service.hits()).doesNotContain("/after-wait");
        assertThat(journal.rollbacks()).isEmpty();
    }

    @Test
    void shouldFailFastOnlyOnceTheDeviatedPercentageReachesTheRatio() throws Exception {
        Journal journal = runs.run(experiment(breakThenWait(1500), ""),
                new RunSettings(null, HypothesisStrategy.DURING_METHOD_ONLY, 0.05, true, 60.0, null));

        assertThat(journal.status()).isEqualTo(RunStatus.FAILED);
        List<HypothesisRun> during = journal.during();
        int deviated = 0;
        for (int i = 1; i <= during.size(); i++) {
            deviated += during.get(i - 1).steadyStateMet() ? 0 : 1;
            boolean reached = deviated * 100.0 / i >= 60.0;
            assertThat(reached).as("iteration %d of %d", i, during.size()).isEqualTo(i == during.size());
        }
        assertThat(service.hits()).doesNotContain("/after-wait");
    }

    @Test
    void shouldLetTheHypothesisAfterTurnAFailFastIntoCompletedAndDeviatedAsChaosToolkitDoes() throws Exception {
        Journal journal = runs.run(experiment(breakThenWait(1500), ""),
                new RunSettings(null, HypothesisStrategy.CONTINUOUSLY, 0.05, true, 0.0, null));

        assertThat(journal.after().steadyStateMet()).isFalse();
        assertThat(journal.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(journal.deviated()).isTrue();
        assertThat(service.hits()).doesNotContain("/after-wait");
    }

    @Test
    void shouldWaitTheFrequencyBetweenTheEndOfOneIterationAndTheStartOfTheNext() throws Exception {
        String slowProbe = experiment(method("/sleep?ms=1500"), "").replace("/health\"", "/sleep?ms=150\"");
        Journal journal = runs.run(slowProbe, Runs.hypothesis(HypothesisStrategy.DURING_METHOD_ONLY, 0.3));

        List<HypothesisRun> during = journal.during();
        assertThat(during).hasSizeGreaterThanOrEqualTo(2);
        for (int i = 1; i < during.size(); i++) {
            ActivityRun previous = during.get(i - 1).probes().get(0);
            ActivityRun next = during.get(i).probes().get(0);
            assertThat(Duration.between(previous.end(), next.start())).isGreaterThanOrEqualTo(Duration.ofMillis(280));
        }
    }

    @Test
    void shouldSkipTheHypothesisAfterWhenTheMethodAborted() throws Exception {
        String unusablePause = method("/noop").replace("\"name\": \"act\",",
                "\"name\": \"act\", \"pauses\": {\"after\": \"${not_configured}\"},");
        Journal journal = runs.run(experiment(unusablePause, ""), Runs.hypothesis(null, 0.05));

        assertThat(journal.status()).isEqualTo(RunStatus.ABORTED);
        assertThat(journal.before()).isNotNull();
        assertThat(journal.after()).isNull();
        assertThat(InterruptionTest.reliably(journal).path("abort").path("activity").asText()).isEqualTo("act");
    }

    @Test
    void shouldAbortTheRunWhenAContinuousIterationHitsAnUnexpectedError() throws Exception {
        String unusablePause = experiment(method("/sleep?ms=500"), "").replace("\"name\": \"service-is-healthy\",",
                "\"name\": \"service-is-healthy\", \"pauses\": {\"before\": \"${not_configured}\"},");
        Journal journal = runs.run(unusablePause, Runs.hypothesis(HypothesisStrategy.DURING_METHOD_ONLY, 0.05));

        assertThat(journal.status()).isEqualTo(RunStatus.ABORTED);
        assertThat(journal.during()).hasSize(1);
        assertThat(journal.during().get(0).probes().get(0).exception().get(0)).contains("pauses.before");
    }

    /** Breaks the service after a short pause (so the first iterations are met), then waits. */
    private String breakThenWait(int millis) {
        return """
                {"type": "action", "name": "break-service", "pauses": {"before": 0.3},
                 "provider": {"type": "http", "url": "%1$s/break", "timeout": 5}},
                {"type": "action", "name": "wait", "provider": {"type": "http", "url": "%1$s/sleep?ms=%2$d",
                 "timeout": 10}},
                {"type": "action", "name": "after-wait",
                 "provider": {"type": "http", "url": "%1$s/after-wait", "timeout": 5}}
                """.formatted(service.base(), millis);
    }

    private String method(String path) {
        return """
                {"type": "action", "name": "act", "provider": {"type": "http", "url": "%s%s", "timeout": 10}}
                """.formatted(service.base(), path);
    }

    private String experiment(String method, String extra) {
        return """
                {
                  "title": "Hypothesis strategies",
                  "description": "When is the hypothesis checked?",
                  "steady-state-hypothesis": {
                    "title": "The service is healthy",
                    "probes": [
                      {"type": "probe", "name": "service-is-healthy", "tolerance": 200,
                       "provider": {"type": "http", "url": "%s/health", "timeout": 5}}
                    ]
                  },
                  "method": [%s],
                  "rollbacks": [
                    {"type": "action", "name": "heal", "provider": {"type": "http", "url": "%s/heal", "timeout": 5}}
                  ]%s
                }
                """.formatted(service.base(), method, service.base(), extra);
    }
}
