package io.reliably.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.reliably.engine.experiment.Activity;
import io.reliably.engine.journal.Journal;
import io.reliably.engine.journal.RunStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A stop from another thread reaches the call in progress at once and is recorded. */
class InterruptionTest {

    private static final Duration PROMPTLY = Duration.ofSeconds(8);

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
    void shouldCancelASlowHttpCallAtOnceAndPlayTheRollbacksAfterAGracefulStop() throws Exception {
        RunControl control = new RunControl();
        stopWhenSlowCallStarts(control, false);

        long started = System.nanoTime();
        Journal journal = runs.run(experiment(slowCall()), RunSettings.DEFAULTS, List.of(), control);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(PROMPTLY);
        assertThat(journal.status()).isEqualTo(RunStatus.INTERRUPTED);
        assertThat(journal.run().get(0).succeeded()).isFalse();
        assertThat(journal.after()).isNull();
        assertThat(Runs.names(journal.rollbacks())).containsExactly("heal");
        assertThat(journal.interruption()).isEqualTo("stopped by the test");
    }

    @Test
    void shouldSkipTheRollbacksAfterAnImmediateStop() throws Exception {
        RunControl control = new RunControl();
        stopWhenSlowCallStarts(control, true);

        Journal journal = runs.run(experiment(slowCall()), Runs.rollbacks(RollbackStrategy.ALWAYS), List.of(),
                control);

        assertThat(journal.status()).isEqualTo(RunStatus.INTERRUPTED);
        assertThat(journal.rollbacks()).isEmpty();
        assertThat(service.hits()).doesNotContain("/heal");
    }

    @Test
    void shouldRecordTheReasonAndModeInTheReliablyExtension() throws Exception {
        RunControl control = new RunControl();
        stopWhenSlowCallStarts(control, false);

        Journal journal = runs.run(experiment(slowCall()), RunSettings.DEFAULTS, List.of(), control);

        JsonNode interruption = reliably(journal).path("interruption");
        assertThat(interruption.path("reason").asText()).isEqualTo("stopped by the test");
        assertThat(interruption.path("mode").asText()).isEqualTo("graceful");
        assertThat(interruption.path("noticed_during").asText()).isEqualTo("method");
    }

    @Test
    void shouldTellListenersOnceThatTheRunWasInterrupted() throws Exception {
        RunControl control = new RunControl();
        stopWhenSlowCallStarts(control, false);
        List<String> reasons = new ArrayList<>();
        RunListener listener = new RunListener() {
            @Override
            public void interrupted(RunContext context, String reason) {
                reasons.add(reason);
            }
        };

        runs.run(experiment(slowCall()), RunSettings.DEFAULTS, List.of(listener), control);

        assertThat(reasons).containsExactly("stopped by the test");
    }

    @Test
    void shouldDestroyALongProcessTreeAtOnce() throws Exception {
        RunControl control = new RunControl();
        String marker = "sleep 37.25";
        String method = """
                {"type": "action", "name": "long-process",
                 "provider": {"type": "process", "path": "sh", "arguments": ["-c", "%s & wait"], "timeout": 60}}
                """.formatted(marker);

        long started = System.nanoTime();
        Journal journal = runs.run(experiment(method), RunSettings.DEFAULTS, List.of(stopSoonAfter("long-process",
                control)), control);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(PROMPTLY);
        assertThat(journal.status()).isEqualTo(RunStatus.INTERRUPTED);
        assertThat(journal.run().get(0).succeeded()).isFalse();
        assertThat(Runs.names(journal.rollbacks())).containsExactly("heal");
        assertThat(awaitNoProcess(marker)).as("no '%s' left running", marker).isTrue();
    }

    @Test
    void shouldWakeAPauseAtOnceOnAStop() throws Exception {
        RunControl control = new RunControl();
        String method = """
                {"type": "action", "name": "after-a-long-pause", "pauses": {"before": 30},
                 "provider": {"type": "http", "url": "%s/noop", "timeout": 5}}
                """.formatted(service.base());
        CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS)
                .execute(() -> control.stopGracefully("stopped by the test"));

        long started = System.nanoTime();
        Journal journal = runs.run(experiment(method), RunSettings.DEFAULTS, List.of(), control);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(PROMPTLY);
        assertThat(journal.status()).isEqualTo(RunStatus.INTERRUPTED);
        assertThat(service.hits()).doesNotContain("/noop");
    }

    @Test
    void shouldWakeTheContinuousHypothesisWaitAtOnceOnAStop() throws Exception {
        RunControl control = new RunControl();
        stopWhenSlowCallStarts(control, false);

        long started = System.nanoTime();
        Journal journal = runs.run(experiment(slowCall()),
                Runs.hypothesis(HypothesisStrategy.DURING_METHOD_ONLY, 30.0), List.of(), control);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(PROMPTLY);
        assertThat(journal.status()).isEqualTo(RunStatus.INTERRUPTED);
        assertThat(journal.during()).hasSize(1);
    }

    @Test
    void shouldLetRollbacksFinishAfterAGracefulStopDuringThem() throws Exception {
        RunControl control = new RunControl();
        String rollbacks = """
                {"type": "action", "name": "slow-rollback",
                 "provider": {"type": "http", "url": "%1$s/sleep?ms=600", "timeout": 10}},
                {"type": "action", "name": "heal", "provider": {"type": "http", "url": "%1$s/heal", "timeout": 5}}
                """.formatted(service.base());

        Journal journal = runs.run(experiment(noop(), rollbacks), RunSettings.DEFAULTS,
                List.of(stopSoonAfter("slow-rollback", control)), control);

        assertThat(journal.status()).isEqualTo(RunStatus.INTERRUPTED);
        assertThat(journal.rollbacks()).extracting(r -> r.succeeded()).containsExactly(true, true);
    }

    @Test
    void shouldCancelARollbackInProgressOnAnImmediateStop() throws Exception {
        RunControl control = new RunControl();
        stopWhenSlowCallStarts(control, true);
        String rollbacks = """
                {"type": "action", "name": "slow-rollback",
                 "provider": {"type": "http", "url": "%1$s/slow", "timeout": 60}},
                {"type": "action", "name": "heal", "provider": {"type": "http", "url": "%1$s/heal", "timeout": 5}}
                """.formatted(service.base());

        long started = System.nanoTime();
        Journal journal = runs.run(experiment(noop(), rollbacks), RunSettings.DEFAULTS, List.of(), control);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(PROMPTLY);
        assertThat(journal.status()).isEqualTo(RunStatus.INTERRUPTED);
        assertThat(Runs.names(journal.rollbacks())).containsExactly("slow-rollback");
        assertThat(journal.rollbacks().get(0).succeeded()).isFalse();
    }

    @Test
    void shouldNotStartTheMethodWhenStoppedDuringTheHypothesisBefore() throws Exception {
        RunControl control = new RunControl();
        RunListener stopper = new RunListener() {
            @Override
            public void beforeHypothesis(RunContext context, Phase phase) {
                context.control().stopGracefully("not today");
            }
        };

        Journal journal = runs.run(experiment(noop()), RunSettings.DEFAULTS, List.of(stopper), control);

        assertThat(journal.status()).isEqualTo(RunStatus.INTERRUPTED);
        assertThat(journal.run()).isEmpty();
        assertThat(journal.rollbacks()).isEmpty();
        assertThat(service.hits()).isEmpty();
    }

    private void stopWhenSlowCallStarts(RunControl control, boolean immediately) {
        CompletableFuture.runAsync(() -> {
            try {
                if (service.awaitSlow()) {
                    Thread.sleep(100);
                    if (immediately) {
                        control.stopImmediately("stopped by the test");
                    } else {
                        control.stopGracefully("stopped by the test");
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /** A listener that stops the run gracefully about 300 ms after the named activity starts. */
    private static RunListener stopSoonAfter(String activityName, RunControl control) {
        return new RunListener() {
            @Override
            public void beforeActivity(RunContext context, Phase phase, Activity activity) {
                if (activity.name().equals(activityName)) {
                    CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS)
                            .execute(() -> control.stopGracefully("stopped by the test"));
                }
            }
        };
    }

    private static boolean awaitNoProcess(String commandLine) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            boolean alive = ProcessHandle.allProcesses()
                    .anyMatch(p -> p.info().commandLine().orElse("").contains(commandLine));
            if (!alive) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    static JsonNode reliably(Journal journal) {
        for (JsonNode extension : journal.experiment().path("extensions")) {
            if ("reliably".equals(extension.path("name").asText())) {
                return extension;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    private String slowCall() {
        return """
                {"type": "action", "name": "slow-call", "provider": {"type": "http", "url": "%s/slow", "timeout": 60}}
                """.formatted(service.base());
    }

    private String noop() {
        return """
                {"type": "action", "name": "noop", "provider": {"type": "http", "url": "%s/noop", "timeout": 5}}
                """.formatted(service.base());
    }

    private String experiment(String method) {
        return experiment(method, """
                {"type": "action", "name": "heal", "provider": {"type": "http", "url": "%s/heal", "timeout": 5}}
                """.formatted(service.base()));
    }

    private String experiment(String method, String rollbacks) {
        return """
                {
                  "title": "Interrupted",
                  "description": "Stopped from another thread.",
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
