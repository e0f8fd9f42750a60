package io.reliably.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.reliably.engine.journal.Journal;
import io.reliably.engine.journal.RunStatus;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every rollback strategy against every outcome: the status, the deviated flag and whether the
 * rollbacks played, as Chaos Toolkit sets them (and, for a graceful stop, as we deliberately do).
 */
class RollbackStrategyTest {

    enum Outcome {
        ALL_GOOD, BEFORE_NOT_MET, BEFORE_ERRORED, METHOD_ACTIVITY_FAILED, AFTER_DEVIATED, AFTER_ERRORED, ABORTED,
        GRACEFUL_STOP, IMMEDIATE_STOP
    }

    private TestService service;

    @BeforeEach
    void startService() throws Exception {
        service = new TestService();
    }

    @AfterEach
    void stopService() {
        service.close();
    }

    @ParameterizedTest(name = "{0} with {1}: {2}, deviated={3}, rollbacks={4}")
    @CsvSource({
        "ALL_GOOD,               DEFAULT,  COMPLETED,   false, true",
        "ALL_GOOD,               ALWAYS,   COMPLETED,   false, true",
        "ALL_GOOD,               NEVER,    COMPLETED,   false, false",
        "ALL_GOOD,               DEVIATED, COMPLETED,   false, false",
        "BEFORE_NOT_MET,         DEFAULT,  COMPLETED,   false, true",
        "BEFORE_NOT_MET,         ALWAYS,   COMPLETED,   false, true",
        "BEFORE_NOT_MET,         NEVER,    COMPLETED,   false, false",
        "BEFORE_NOT_MET,         DEVIATED, COMPLETED,   false, false",
        "BEFORE_ERRORED,         DEFAULT,  FAILED,      false, false",
        "BEFORE_ERRORED,         ALWAYS,   FAILED,      false, true",
        "BEFORE_ERRORED,         NEVER,    FAILED,      false, false",
        "BEFORE_ERRORED,         DEVIATED, FAILED,      false, false",
        "METHOD_ACTIVITY_FAILED, DEFAULT,  COMPLETED,   false, true",
        "METHOD_ACTIVITY_FAILED, ALWAYS,   COMPLETED,   false, true",
        "METHOD_ACTIVITY_FAILED, NEVER,    COMPLETED,   false, false",
        "METHOD_ACTIVITY_FAILED, DEVIATED, COMPLETED,   false, false",
        "AFTER_DEVIATED,         DEFAULT,  COMPLETED,   true,  true",
        "AFTER_DEVIATED,         ALWAYS,   COMPLETED,   true,  true",
        "AFTER_DEVIATED,         NEVER,    COMPLETED,   true,  false",
        "AFTER_DEVIATED,         DEVIATED, COMPLETED,   true,  true",
        "AFTER_ERRORED,          DEFAULT,  FAILED,      true,  false",
        "AFTER_ERRORED,          ALWAYS,   FAILED,      true,  true",
        "AFTER_ERRORED,          NEVER,    FAILED,      true,  false",
        "AFTER_ERRORED,          DEVIATED, FAILED,      true,  true",
        "ABORTED,                DEFAULT,  ABORTED,     false, true",
        "ABORTED,                ALWAYS,   ABORTED,     false, true",
        "ABORTED,                NEVER,    ABORTED,     false, false",
        "ABORTED,                DEVIATED, ABORTED,     false, false",
        "GRACEFUL_STOP,          DEFAULT,  INTERRUPTED, false, true",
        "GRACEFUL_STOP,          ALWAYS,   INTERRUPTED, false, true",
        "GRACEFUL_STOP,          NEVER,    INTERRUPTED, false, false",
        "GRACEFUL_STOP,          DEVIATED, INTERRUPTED, false, false",
        "IMMEDIATE_STOP,         DEFAULT,  INTERRUPTED, false, false",
        "IMMEDIATE_STOP,         ALWAYS,   INTERRUPTED, false, false",
        "IMMEDIATE_STOP,         NEVER,    INTERRUPTED, false, false",
        "IMMEDIATE_STOP,         DEVIATED, INTERRUPTED, false, false",
    })
    void shouldSetStatusDeviatedAndRollbacksAsChaosToolkit(Outcome outcome, RollbackStrategy strategy,
            RunStatus status, boolean deviated, boolean rollbacksPlayed) throws Exception {
        RunControl control = new RunControl();
        if (outcome == Outcome.BEFORE_NOT_MET) {
            service.state(TestService.State.DOWN);
        }
        if (outcome == Outcome.GRACEFUL_STOP || outcome == Outcome.IMMEDIATE_STOP) {
            CompletableFuture.runAsync(() -> {
                try {
                    if (service.awaitSlow()) {
                        if (outcome == Outcome.GRACEFUL_STOP) {
                            control.stopGracefully("stopped by the test");
                        } else {
                            control.stopImmediately("stopped by the test");
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }

        Journal journal = new Runs(Map.of()).run(experiment(outcome), Runs.rollbacks(strategy), List.of(), control);

        assertThat(journal.status()).isEqualTo(status);
        assertThat(journal.deviated()).isEqualTo(deviated);
        assertThat(Runs.names(journal.rollbacks())).isEqualTo(rollbacksPlayed ? List.of("heal") : List.of());
        assertThat(service.hits().contains("/heal")).isEqualTo(rollbacksPlayed);
    }

    private String experiment(Outcome outcome) throws Exception {
        String health = outcome == Outcome.BEFORE_ERRORED ? TestService.deadUrl() : service.base() + "/health";
        String method = switch (outcome) {
            case METHOD_ACTIVITY_FAILED -> action("call-nothing", TestService.deadUrl(), "");
            case AFTER_DEVIATED -> action("break-service", service.base() + "/break", "");
            case AFTER_ERRORED -> action("kill-service", service.base() + "/kill", "");
            case ABORTED -> action("pause-on-nothing", service.base() + "/noop",
                    ", \"pauses\": {\"before\": \"${undefined_pause}\"}");
            case GRACEFUL_STOP, IMMEDIATE_STOP -> action("slow-call", service.base() + "/slow", "");
            default -> action("do-nothing", service.base() + "/noop", "");
        };
        return """
                {
                  "title": "Rollbacks under every outcome",
                  "description": "One hypothesis, one method action, one rollback.",
                  "steady-state-hypothesis": {
                    "title": "The service is healthy",
                    "probes": [
                      {"type": "probe", "name": "service-is-healthy", "tolerance": 200,
                       "provider": {"type": "http", "url": "%s", "timeout": 5}}
                    ]
                  },
                  "method": [%s],
                  "rollbacks": [
                    {"type": "action", "name": "heal",
                     "provider": {"type": "http", "url": "%s/heal", "timeout": 5}}
                  ]
                }
                """.formatted(health, method, service.base());
    }

    private static String action(String name, String url, String extra) {
        return """
                {"type": "action", "name": "%s", "provider": {"type": "http", "url": "%s", "timeout": 60}%s}
                """.formatted(name, url, extra);
    }
}
