package io.reliably.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.reliably.engine.journal.ActivityRun;
import io.reliably.engine.journal.Journal;
import io.reliably.engine.journal.RunStatus;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Background activities, pauses and dry runs, as Chaos Toolkit's {@code execute_activity}. */
class ActivityTest {

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
    void shouldGoOnWithoutWaitingForABackgroundActivity() throws Exception {
        Journal journal = runs.run(experiment(
                action("in-background", "/sleep?ms=800", ", \"background\": true") + "," + action("next", "/noop", ""),
                ""));

        assertThat(Runs.names(journal.run())).containsExactlyInAnyOrder("in-background", "next");
        ActivityRun background = byName(journal.run(), "in-background");
        ActivityRun next = byName(journal.run(), "next");
        assertThat(next.start()).isBefore(background.end());
        assertThat(background.succeeded()).isTrue();
    }

    @Test
    void shouldWaitForBackgroundActivitiesBeforeTheHypothesisAfter() throws Exception {
        Journal journal = runs.run(experiment(action("in-background", "/sleep?ms=600", ", \"background\": true"), ""));

        ActivityRun background = journal.run().get(0);
        assertThat(journal.after().probes().get(0).start()).isAfterOrEqualTo(background.end());
    }

    @Test
    void shouldPlayBackgroundRollbacksAndWaitForThem() throws Exception {
        Journal journal = runs.run(experiment(action("noop", "/noop", ""),
                action("slow-heal", "/sleep?ms=400", ", \"background\": true") + "," + action("heal", "/heal", "")));

        assertThat(Runs.names(journal.rollbacks())).containsExactlyInAnyOrder("slow-heal", "heal");
        assertThat(journal.rollbacks()).allMatch(ActivityRun::succeeded);
        assertThat(journal.end()).isAfterOrEqualTo(byName(journal.rollbacks(), "slow-heal").end());
    }

    @Test
    void shouldRecordAFailedBackgroundActivityWithoutChangingTheStatus() throws Exception {
        String unreachable = action("unreachable", "", ", \"background\": true")
                .replace(service.base(), TestService.deadUrl());

        Journal journal = runs.run(experiment(unreachable, ""));

        assertThat(journal.run().get(0).succeeded()).isFalse();
        assertThat(journal.status()).isEqualTo(RunStatus.COMPLETED);
    }

    @Test
    void shouldPlayEveryRollbackEvenAfterOneFailed() throws Exception {
        String unreachable = action("unreachable", "", "").replace(service.base(), TestService.deadUrl());

        Journal journal = runs.run(experiment(action("noop", "/noop", ""), unreachable + "," + action("heal", "/heal", "")));

        assertThat(Runs.names(journal.rollbacks())).containsExactly("unreachable", "heal");
        assertThat(journal.rollbacks()).extracting(ActivityRun::succeeded).containsExactly(false, true);
        assertThat(journal.rollbacks().get(0).exception()).isNotEmpty();
    }

    @Test
    void shouldPauseBeforeTheStartTimestampAndLeaveThePauseOutOfTheDuration() throws Exception {
        Journal journal = runs.run(experiment(action("paused", "/noop", ", \"pauses\": {\"before\": 0.4}"), ""));

        ActivityRun probe = journal.before().probes().get(0);
        ActivityRun paused = journal.run().get(0);
        assertThat(Duration.between(probe.end(), paused.start())).isGreaterThanOrEqualTo(Duration.ofMillis(390));
        assertThat(paused.duration()).isLessThan(0.39);
    }

    @Test
    void shouldPauseAfterTheEndTimestamp() throws Exception {
        Journal journal = runs.run(experiment(
                action("paused", "/noop", ", \"pauses\": {\"after\": 0.4}") + "," + action("next", "/noop", ""), ""));

        ActivityRun paused = journal.run().get(0);
        assertThat(paused.duration()).isLessThan(0.39);
        assertThat(Duration.between(paused.end(), journal.run().get(1).start()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(390));
    }

    @Test
    void shouldTakeAPauseFromTheConfiguration() throws Exception {
        Journal journal = runs.run(experiment(action("paused", "/noop", ", \"pauses\": {\"before\": \"${wait}\"}"),
                "").replace("\"title\": \"Activities\",", "\"title\": \"Activities\", \"configuration\": {\"wait\": 0.4},"));

        ActivityRun probe = journal.before().probes().get(0);
        assertThat(Duration.between(probe.end(), journal.run().get(0).start()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(390));
    }

    @Test
    void shouldSkipPausesButRunActivitiesWithDryPause() throws Exception {
        long started = System.nanoTime();
        Journal journal = runs.run(experiment(action("paused", "/noop", ", \"pauses\": {\"before\": 30, \"after\": 30}"),
                ""), Runs.dry(Dry.PAUSE));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        assertThat(service.hits()).contains("/noop");
        assertThat(journal.status()).isEqualTo(RunStatus.COMPLETED);
    }

    @Test
    void shouldNotExecuteActionsWithDryActions() throws Exception {
        Journal journal = runs.run(experiment(action("break-service", "/break", ""), ""), Runs.dry(Dry.ACTIONS));

        assertThat(service.hits()).contains("/health").doesNotContain("/break");
        ActivityRun action = journal.run().get(0);
        assertThat(action.succeeded()).isTrue();
        assertThat(action.output()).isNull();
        assertThat(journal.deviated()).isFalse();
        assertThat(journal.experiment().path("dry").asText()).isEqualTo("actions");
    }

    @Test
    void shouldNotExecuteProbesNorCheckTolerancesWithDryProbes() throws Exception {
        service.state(TestService.State.DOWN);

        Journal journal = runs.run(experiment(action("noop", "/noop", ""), ""), Runs.dry(Dry.PROBES));

        assertThat(service.hits()).doesNotContain("/health").contains("/noop");
        assertThat(journal.before().steadyStateMet()).isTrue();
        assertThat(journal.before().probes().get(0).toleranceMet()).isTrue();
        assertThat(journal.before().probes().get(0).output()).isNull();
    }

    @Test
    void shouldExecuteNothingWithDryActivities() throws Exception {
        Journal journal = runs.run(experiment(action("break-service", "/break", ""), action("heal", "/heal", "")),
                Runs.dry(Dry.ACTIVITIES));

        assertThat(service.hits()).isEmpty();
        assertThat(journal.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(Runs.names(journal.rollbacks())).containsExactly("heal");
    }

    @Test
    void shouldResolveARefToAHypothesisProbe() throws Exception {
        Journal journal = runs.run(experiment("{\"ref\": \"service-is-healthy\"}", ""));

        assertThat(Runs.names(journal.run())).containsExactly("service-is-healthy");
        assertThat(journal.run().get(0).toleranceMet()).isNull();
        assertThat(service.hits()).containsExactly("/health", "/health", "/health");
    }

    private static ActivityRun byName(List<ActivityRun> runs, String name) {
        return runs.stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    private String action(String name, String path, String extra) {
        return """
                {"type": "action", "name": "%s", "provider": {"type": "http", "url": "%s%s", "timeout": 10}%s}
                """.formatted(name, service.base(), path, extra);
    }

    private String experiment(String method, String rollbacks) {
        return """
                {
                  "title": "Activities",
                  "description": "Background, pauses, dry runs.",
                  "steady-state-hypothesis": {
                    "title": "The service is healthy",
                    "probes": [
                      {"type": "probe", "name": "service-is-healthy", "tolerance": 200,
                       "provider": {"type": "http", "url": "%s/health", "timeout": 5}}
                    ]
                  },
                  "method": [%s],
                  "rollbacks": [%s]
                }
                """.formatted(service.base(), method, rollbacks);
    }
}
