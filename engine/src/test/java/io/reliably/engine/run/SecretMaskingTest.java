package io.reliably.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.reliably.engine.experiment.Activity;
import io.reliably.engine.journal.ActivityRun;
import io.reliably.engine.journal.Journal;
import io.reliably.engine.journal.JournalWriter;
import io.reliably.engine.secret.SecretMasker;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A resolved secret never reaches the journal or a listener, wherever it would appear. */
class SecretMaskingTest {

    private static final String SECRET = "s3cr3t-T0ken-4242";

    private TestService service;

    @BeforeEach
    void startService() throws Exception {
        service = new TestService();
    }

    @AfterEach
    void stopService() {
        service.close();
    }

    @Test
    void shouldMaskASecretThatAnEndpointEchoesInTheJournal() throws Exception {
        Journal journal = run(List.of());

        assertThat(journal.run().get(0).output().path("body").asText()).isEqualTo("token=" + SecretMasker.MASK);
        String written = new JournalWriter().toString(journal);
        assertThat(written).doesNotContain(SECRET).contains(SecretMasker.MASK);
    }

    @Test
    void shouldMaskASecretInTheSubstitutedTitle() throws Exception {
        Journal journal = run(List.of());

        assertThat(journal.experiment().path("title").asText()).isEqualTo("Calls with *** inside");
    }

    @Test
    void shouldMaskSecretsInWhatListenersAreGiven() throws Exception {
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        RunListener listener = new RunListener() {
            @Override
            public void beforeActivity(RunContext context, Phase phase, Activity activity) {
                seen.add(context.experiment().title());
                seen.add(context.experiment().document().toString());
            }

            @Override
            public void afterActivity(RunContext context, Phase phase, ActivityRun run) {
                seen.add(run.output().toString());
                seen.add(run.activity().toString());
            }

            @Override
            public void afterExperiment(RunContext context, Journal journal) {
                seen.add(new JournalWriter().toString(journal));
            }
        };

        run(List.of(listener));

        assertThat(seen).isNotEmpty().noneMatch(text -> text.contains(SECRET));
    }

    @Test
    void shouldMaskSecretsInListenerErrors() throws Exception {
        RunListener failing = new RunListener() {
            @Override
            public void afterActivity(RunContext context, Phase phase, ActivityRun run) {
                throw new IllegalStateException("leaked " + SECRET);
            }
        };

        Journal journal = run(List.of(failing));

        assertThat(InterruptionTest.reliably(journal).path("listener_errors").toString())
                .doesNotContain(SECRET).contains("leaked ***");
    }

    private Journal run(List<RunListener> listeners) throws Exception {
        String experiment = """
                {
                  "title": "Calls with ${token} inside",
                  "description": "The service echoes the token it gets.",
                  "secrets": {"service": {"token": "%s"}},
                  "method": [
                    {"type": "probe", "name": "echo-token",
                     "provider": {"type": "http", "url": "%s/echo", "headers": {"X-Token": "${token}"},
                                  "timeout": 5}}
                  ]
                }
                """.formatted(SECRET, service.base());
        return new Runs(Map.of()).run(experiment, RunSettings.DEFAULTS, listeners, new RunControl());
    }
}
