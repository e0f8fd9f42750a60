package io.jenkins.plugins.reliably.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reliably.engine.journal.RunStatus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** reliablyRun's run, Jenkins aside: real experiments with real processes in a workspace. */
class ExperimentJobTest {

    private static final String CANARY = "canary-7b2e41-never-shown";

    @TempDir
    Path workspace;

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    private String console() {
        return console.toString(StandardCharsets.UTF_8);
    }

    private PrintStream out() {
        return new PrintStream(console, true, StandardCharsets.UTF_8);
    }

    /** A stop level the test raises, as the user's Aborts do. */
    static final class Aborts implements StopSource {
        final AtomicInteger level = new AtomicInteger();

        @Override
        public int level() {
            return level.get();
        }

        @Override
        public String reason() {
            return "build aborted";
        }
    }

    private static final StopSource NEVER = new Aborts();

    private static BoundSecrets apiToken() {
        record Binding(String getGroup, String getKey, String getCredentialsId, String getPart) implements SecretBindingSpec {
        }
        return BoundSecrets.resolve(List.of(new Binding("api", "token", "api-token", null)),
                (id, part) -> CANARY);
    }

    @Test
    void shouldRunWithTheBoundCredentialAndNeverShowIt() throws Exception {
        Files.writeString(workspace.resolve("experiment.yaml"), """
                title: Uses a secret
                description: The token reaches the process, never the console or the journal.
                secrets:
                  api:
                    token:
                      type: env
                      key: API_TOKEN
                method:
                  - type: action
                    name: call-with-token
                    provider:
                      type: process
                      path: sh
                      arguments: ["-c", "echo using ${token}"]
                """);
        RunOptions options = RunOptions.builder().experiment("experiment.yaml").journalPath("reports/journal.json").build();

        RunOutcome outcome = new ExperimentJob(options, workspace.toString(), Map.of(), apiToken()).run(out(), NEVER);

        assertThat(outcome.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(outcome.deviated()).isFalse();
        assertThat(outcome.activities()).isEqualTo(1);
        assertThat(outcome.failedActivities()).isZero();
        Path journal = workspace.resolve("reports/journal.json");
        assertThat(journal).exists();
        String journalText = Files.readString(journal);
        assertThat(journalText).contains("using ***").doesNotContain(CANARY);
        assertThat(outcome.journalJson()).doesNotContain(CANARY);
        assertThat(console()).contains("[reliably] method: action 'call-with-token' succeeded in")
                .doesNotContain(CANARY);
    }

    @Test
    void shouldRunTheDocumentedExperimentAsTheJenkinsfileDoes() throws Exception {
        Path docs = Path.of("../docs/jenkins");
        Files.createDirectories(workspace.resolve("docs/jenkins"));
        for (String file : List.of("experiment.yaml", "staging.env")) {
            Files.copy(docs.resolve(file), workspace.resolve("docs/jenkins").resolve(file));
        }
        RunOptions options = RunOptions.builder().experiment("docs/jenkins/experiment.yaml")
                .journalPath("reports/journal.json").deviatedResult("UNSTABLE").rollbackStrategy("always")
                .vars(Map.of("base_url", "https://staging.example.com", "replicas", 3))
                .varFiles("docs/jenkins/staging.env").build();

        RunOutcome outcome = new ExperimentJob(options, workspace.toString(), Map.of(), apiToken()).run(out(), NEVER);

        assertThat(outcome.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(outcome.rollbacks()).isEqualTo(1);
        assertThat(console()).contains("action 'restart-one-replica' succeeded");
        assertThat(Files.readString(workspace.resolve("reports/journal.json"))).contains("restarting one of 3 replicas");
    }

    @Test
    void shouldStartProcessesWithTheBuildEnvironment() throws Exception {
        RunOptions options = RunOptions.builder().experimentText("""
                {"title": "Sees the build", "description": "a process gets the build's variables, as sh does",
                 "method": [{"type": "action", "name": "where", "provider": {"type": "process", "path": "sh",
                   "arguments": ["-c", "echo stage=$DEPLOY_STAGE"]}}]}
                """).build();

        RunOutcome outcome = new ExperimentJob(options, workspace.toString(), Map.of("DEPLOY_STAGE", "staging"),
                BoundSecrets.NONE).run(out(), NEVER);

        assertThat(outcome.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(outcome.journalJson()).contains("stage=staging");
    }

    @Test
    void shouldResolveDynamicConfigurationAndWarnWhenItsProbeFails() throws Exception {
        RunOptions options = RunOptions.builder().experimentText("""
                {"title": "Dynamic", "description": "configuration read by probes when the run starts",
                 "configuration": {
                   "replicas": {"type": "probe", "name": "count", "provider": {"type": "process", "path": "sh",
                     "arguments": ["-c", "echo 3"]}},
                   "missing": {"type": "probe", "name": "broken", "provider": {"type": "process", "path": "sh",
                     "arguments": ["-c", "exit 4"]}}},
                 "method": [{"type": "action", "name": "use", "provider": {"type": "process", "path": "sh",
                   "arguments": ["-c", "echo scaling to ${replicas}"]}}]}
                """).build();

        RunOutcome outcome = new ExperimentJob(options, workspace.toString(), Map.of(), BoundSecrets.NONE)
                .run(out(), NEVER);

        assertThat(outcome.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(outcome.journalJson()).contains("scaling to 3");
        assertThat(console()).contains("[reliably] warning:").contains("missing");
    }

    @Test
    void shouldReportADeviationForTheBuildToMap() throws Exception {
        RunOptions options = RunOptions.builder().experimentText("""
                {"title": "Deviates", "description": "the probe fails after the method",
                 "steady-state-hypothesis": {"title": "ok", "probes": [{"type": "probe", "name": "flag",
                   "tolerance": 0, "provider": {"type": "process", "path": "sh",
                   "arguments": ["-c", "test -f %s/broken && exit 1; exit 0"]}}]},
                 "method": [{"type": "action", "name": "break", "provider": {"type": "process", "path": "touch",
                   "arguments": ["%s/broken"]}}]}
                """.formatted(workspace, workspace)).deviatedResult("UNSTABLE").build();

        RunOutcome outcome = new ExperimentJob(options, workspace.toString(), Map.of(), BoundSecrets.NONE).run(out(), NEVER);

        assertThat(outcome.deviated()).isTrue();
        assertThat(BuildOutcome.ofExperiment(outcome.status(), outcome.deviated(), options.deviatedResultOrDefault(), false))
                .isEqualTo(BuildOutcome.UNSTABLE);
        assertThat(outcome.toMap(BuildOutcome.UNSTABLE)).containsEntry("deviated", true).containsEntry("result", "UNSTABLE");
        assertThat(console()).contains("steady state NOT met");
    }

    @Test
    void shouldPlayTheRollbacksWhenStoppedGracefully() throws Exception {
        Files.writeString(workspace.resolve("slow.json"), """
                {"title": "Slow", "description": "a long action, then a rollback",
                 "method": [{"type": "action", "name": "wait", "provider": {"type": "process", "path": "sleep",
                   "arguments": ["60"]}}],
                 "rollbacks": [{"type": "action", "name": "undo", "provider": {"type": "process", "path": "sh",
                   "arguments": ["-c", "echo undone"]}}]}
                """);
        RunOptions options = RunOptions.builder().experiment("slow.json").rollbackStrategy("always").build();
        Aborts aborts = new Aborts();
        Thread abort = new Thread(() -> {
            sleep(1500);
            aborts.level.set(StopSource.GRACEFUL);
        });
        abort.start();
        Instant started = Instant.now();

        RunOutcome outcome = new ExperimentJob(options, workspace.toString(), Map.of(), BoundSecrets.NONE).run(out(), aborts);

        assertThat(Duration.between(started, Instant.now())).isLessThan(Duration.ofSeconds(45));
        assertThat(outcome.status()).isIn(RunStatus.INTERRUPTED, RunStatus.ABORTED);
        assertThat(outcome.rollbacks()).isEqualTo(1);
        assertThat(outcome.failedRollbacks()).isZero();
        assertThat(console()).contains("rollback: action 'undo' succeeded");
    }

    @Test
    void shouldSkipTheRollbackInProgressWhenStoppedImmediately() throws Exception {
        RunOptions options = RunOptions.builder().experimentText("""
                {"title": "Slow rollback", "description": "the rollback hangs",
                 "method": [{"type": "action", "name": "quick", "provider": {"type": "process", "path": "true"}}],
                 "rollbacks": [{"type": "action", "name": "hang", "provider": {"type": "process", "path": "sleep",
                   "arguments": ["60"]}}]}
                """).rollbackStrategy("always").build();
        Aborts aborts = new Aborts();
        Thread abort = new Thread(() -> {
            sleep(1500);
            aborts.level.set(StopSource.GRACEFUL);
            sleep(1000);
            aborts.level.set(StopSource.IMMEDIATE);
        });
        abort.start();
        Instant started = Instant.now();

        RunOutcome outcome = new ExperimentJob(options, workspace.toString(), Map.of(), BoundSecrets.NONE).run(out(), aborts);

        assertThat(Duration.between(started, Instant.now())).isLessThan(Duration.ofSeconds(45));
        assertThat(outcome.failedRollbacks()).isEqualTo(outcome.rollbacks());
    }

    @Test
    void shouldListEveryProblemOfAnInvalidExperimentWithoutRunning() {
        RunOptions options = RunOptions.builder().experimentText("{\"title\": 3}").build();

        assertThatThrownBy(() -> new ExperimentJob(options, null, Map.of(), BoundSecrets.NONE).run(out(), NEVER))
                .isInstanceOf(InvalidRunException.class)
                .hasMessageContaining("title");
        assertThat(console()).doesNotContain("running experiment");
    }

    @Test
    void shouldNeedAWorkspaceForFiles() {
        RunOptions options = RunOptions.builder().experiment("e.json").varFiles("v.env").build();

        assertThatThrownBy(() -> new ExperimentJob(options, null, Map.of(), BoundSecrets.NONE).run(out(), NEVER))
                .isInstanceOf(InvalidRunException.class)
                .hasMessage("experiment: a path needs a workspace; run reliablyRun inside node, or give experimentText\n"
                        + "varFiles: files need a workspace; run reliablyRun inside node");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
