package io.reliably.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.reliably.engine.journal.Journal;
import io.reliably.engine.journal.RunStatus;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The examples of {@code docs/run.md} run as the page says. */
class RunExamplesTest {

    private TestService service;
    private Runs runs;

    @BeforeEach
    void startService() throws Exception {
        service = new TestService();
        runs = new Runs(Map.of("BASE_URL", service.base()));
    }

    @AfterEach
    void stopService() {
        service.close();
    }

    @Test
    void shouldDeviateAndStillHealWithTheAlwaysStrategyOfTheRuntimeBlock() throws Exception {
        Journal journal = runs.runExample("run-rollbacks.json", RunSettings.DEFAULTS, List.of(), new RunControl());

        assertThat(journal.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(journal.deviated()).isTrue();
        assertThat(Runs.names(journal.rollbacks())).containsExactly("heal-the-service");
        assertThat(service.hits()).endsWith("/heal");
    }

    @Test
    void shouldLetTheFlagOverrideTheRuntimeBlock() throws Exception {
        Journal journal = runs.runExample("run-rollbacks.json", Runs.rollbacks(RollbackStrategy.NEVER), List.of(),
                new RunControl());

        assertThat(journal.deviated()).isTrue();
        assertThat(journal.rollbacks()).isEmpty();
    }

    @Test
    void shouldCheckTheHypothesisBeforeDuringAndAfterWithABackgroundJob() throws Exception {
        Journal journal = runs.runExample("run-continuous.json", RunSettings.DEFAULTS, List.of(), new RunControl());

        assertThat(journal.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(journal.deviated()).isFalse();
        assertThat(journal.before()).isNotNull();
        assertThat(journal.during()).isNotEmpty();
        assertThat(journal.after().probes().get(0).start())
                .isAfterOrEqualTo(journal.run().stream().filter(r -> r.name().equals("slow-job-in-background"))
                        .findFirst().orElseThrow().end());
    }

    @Test
    void shouldHealAfterAGracefulStopOfTheSlowCall() throws Exception {
        RunControl control = new RunControl();
        CompletableFuture.runAsync(() -> {
            try {
                if (service.awaitSlow()) {
                    control.stopGracefully("build aborted by alice");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });

        Journal journal = runs.runExample("run-interruption.json", RunSettings.DEFAULTS, List.of(), control);

        assertThat(journal.status()).isEqualTo(RunStatus.INTERRUPTED);
        assertThat(journal.interruption()).isEqualTo("build aborted by alice");
        assertThat(Runs.names(journal.rollbacks())).containsExactly("heal-the-service");
    }
}
