package io.reliably.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.reliably.engine.experiment.Activity;
import io.reliably.engine.journal.ActivityRun;
import io.reliably.engine.journal.HypothesisRun;
import io.reliably.engine.journal.Journal;
import io.reliably.engine.journal.RunStatus;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Run listeners: every hook, errors recorded, pauses, stops and extensions. */
class ListenerTest {

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
    void shouldCallEveryHookInTheOrderOfTheRun() throws Exception {
        Recorder recorder = new Recorder();

        runs.run(experiment(), RunSettings.DEFAULTS, List.of(recorder), new RunControl());

        assertThat(recorder.events).containsExactly(
                "beforeExperiment",
                "beforeHypothesis HYPOTHESIS_BEFORE",
                "beforeActivity HYPOTHESIS_BEFORE service-is-healthy",
                "afterActivity HYPOTHESIS_BEFORE service-is-healthy succeeded tolerance_met=true",
                "afterHypothesis HYPOTHESIS_BEFORE met=true",
                "beforeMethod",
                "beforeActivity METHOD noop",
                "afterActivity METHOD noop succeeded tolerance_met=null",
                "afterMethod [noop]",
                "beforeHypothesis HYPOTHESIS_AFTER",
                "beforeActivity HYPOTHESIS_AFTER service-is-healthy",
                "afterActivity HYPOTHESIS_AFTER service-is-healthy succeeded tolerance_met=true",
                "afterHypothesis HYPOTHESIS_AFTER met=true",
                "beforeRollbacks",
                "beforeActivity ROLLBACKS heal",
                "afterActivity ROLLBACKS heal succeeded tolerance_met=null",
                "afterRollbacks [heal]",
                "afterExperiment completed");
    }

    @Test
    void shouldNumberContinuousHypothesisIterationsFromOne() throws Exception {
        List<Integer> iterations = Collections.synchronizedList(new ArrayList<>());
        RunListener listener = new RunListener() {
            @Override
            public void continuousHypothesisIteration(RunContext context, int iteration, HypothesisRun result) {
                iterations.add(iteration);
            }
        };

        Journal journal = runs.run(experiment().replace("/noop", "/sleep?ms=400"),
                Runs.hypothesis(HypothesisStrategy.DURING_METHOD_ONLY, 0.05), List.of(listener), new RunControl());

        assertThat(iterations).isNotEmpty();
        assertThat(iterations).hasSize(journal.during().size());
        for (int i = 0; i < iterations.size(); i++) {
            assertThat(iterations.get(i)).isEqualTo(i + 1);
        }
    }

    @Test
    void shouldRecordAListenerErrorAndGoOn() throws Exception {
        RunListener failing = new RunListener() {
            @Override
            public void beforeMethod(RunContext context) {
                throw new IllegalStateException("listener went wrong");
            }
        };
        Recorder next = new Recorder();

        Journal journal = runs.run(experiment(), RunSettings.DEFAULTS, List.of(failing, next), new RunControl());

        assertThat(journal.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(next.events).contains("beforeMethod");
        JsonNode errors = InterruptionTest.reliably(journal).path("listener_errors");
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).path("hook").asText()).isEqualTo("beforeMethod");
        assertThat(errors.get(0).path("error").asText())
                .isEqualTo("java.lang.IllegalStateException: listener went wrong");
    }

    @Test
    void shouldPauseTheRunWhileAListenerBlocksAndResumeWhenItReturns() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch resume = new CountDownLatch(1);
        RunListener pausing = new RunListener() {
            @Override
            public void beforeMethod(RunContext context) {
                entered.countDown();
                try {
                    resume.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };

        CompletableFuture<Journal> run = CompletableFuture.supplyAsync(() -> {
            try {
                return runs.run(experiment(), RunSettings.DEFAULTS, List.of(pausing), new RunControl());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(entered.await(20, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(300);
        assertThat(service.hits()).doesNotContain("/noop");
        assertThat(run).isNotDone();
        resume.countDown();

        Journal journal = run.get(20, TimeUnit.SECONDS);
        assertThat(journal.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(service.hits()).contains("/noop");
    }

    @Test
    void shouldInterruptTheRunWhenAListenerStopsIt() throws Exception {
        RunListener stopper = new RunListener() {
            @Override
            public void afterActivity(RunContext context, Phase phase, ActivityRun run) {
                if (phase == Phase.METHOD) {
                    context.control().stopGracefully("the listener said so");
                }
            }
        };
        String twoActions = experiment().replace("\"method\": [", "\"method\": [" + action("first", "/first") + ",");

        Journal journal = runs.run(twoActions, RunSettings.DEFAULTS, List.of(stopper), new RunControl());

        assertThat(journal.status()).isEqualTo(RunStatus.INTERRUPTED);
        assertThat(Runs.names(journal.run())).containsExactly("first");
        assertThat(journal.interruption()).isEqualTo("the listener said so");
        assertThat(Runs.names(journal.rollbacks())).containsExactly("heal");
    }

    @Test
    void shouldKeepWhatListenersWriteIntoExtensions() throws Exception {
        RunListener writer = new RunListener() {
            @Override
            public void beforeExperiment(RunContext context) {
                context.extension("mine").put("started", true);
            }

            @Override
            public void afterExperiment(RunContext context, Journal journal) {
                context.extension("mine").put("verdict", journal.status().json());
            }
        };

        Journal journal = runs.run(experiment(), RunSettings.DEFAULTS, List.of(writer), new RunControl());

        JsonNode mine = null;
        for (JsonNode extension : journal.experiment().path("extensions")) {
            if ("mine".equals(extension.path("name").asText())) {
                mine = extension;
            }
        }
        assertThat(mine).isNotNull();
        assertThat(mine.path("started").asBoolean()).isTrue();
        assertThat(mine.path("verdict").asText()).isEqualTo("completed");
    }

    private String action(String name, String path) {
        return """
                {"type": "action", "name": "%s", "provider": {"type": "http", "url": "%s%s", "timeout": 5}}
                """.formatted(name, service.base(), path);
    }

    private String experiment() {
        return """
                {
                  "title": "Listened to",
                  "description": "Every hook.",
                  "steady-state-hypothesis": {
                    "title": "The service is healthy",
                    "probes": [
                      {"type": "probe", "name": "service-is-healthy", "tolerance": 200,
                       "provider": {"type": "http", "url": "%1$s/health", "timeout": 5}}
                    ]
                  },
                  "method": [
                    {"type": "action", "name": "noop", "provider": {"type": "http", "url": "%1$s/noop", "timeout": 5}}
                  ],
                  "rollbacks": [
                    {"type": "action", "name": "heal", "provider": {"type": "http", "url": "%1$s/heal", "timeout": 5}}
                  ]
                }
                """.formatted(service.base());
    }

    /** Writes down every hook it sees. */
    static final class Recorder implements RunListener {
        final List<String> events = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void beforeExperiment(RunContext context) {
            events.add("beforeExperiment");
        }

        @Override
        public void afterExperiment(RunContext context, Journal journal) {
            events.add("afterExperiment " + journal.status().json());
        }

        @Override
        public void beforeHypothesis(RunContext context, Phase phase) {
            events.add("beforeHypothesis " + phase);
        }

        @Override
        public void afterHypothesis(RunContext context, Phase phase, HypothesisRun result) {
            events.add("afterHypothesis " + phase + " met=" + result.steadyStateMet());
        }

        @Override
        public void beforeMethod(RunContext context) {
            events.add("beforeMethod");
        }

        @Override
        public void afterMethod(RunContext context, List<ActivityRun> runs) {
            events.add("afterMethod " + Runs.names(runs));
        }

        @Override
        public void beforeRollbacks(RunContext context) {
            events.add("beforeRollbacks");
        }

        @Override
        public void afterRollbacks(RunContext context, List<ActivityRun> runs) {
            events.add("afterRollbacks " + Runs.names(runs));
        }

        @Override
        public void beforeActivity(RunContext context, Phase phase, Activity activity) {
            events.add("beforeActivity " + phase + " " + activity.name());
        }

        @Override
        public void afterActivity(RunContext context, Phase phase, ActivityRun run) {
            events.add("afterActivity " + phase + " " + run.name() + " "
                    + (run.succeeded() ? "succeeded" : "failed") + " tolerance_met=" + run.toleranceMet());
        }

        @Override
        public void interrupted(RunContext context, String reason) {
            events.add("interrupted " + reason);
        }
    }
}
