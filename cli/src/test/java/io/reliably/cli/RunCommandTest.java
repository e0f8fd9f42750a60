package io.reliably.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code reliably run} in-process, as a user sees it: exit codes, journal, progress, summary. */
class RunCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private TestService service;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void start() throws Exception {
        service = new TestService();
    }

    @AfterEach
    void stop() {
        service.close();
    }

    private int reliably(String... args) {
        return ReliablyCommand.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
    }

    private JsonNode journal() throws Exception {
        return JSON.readTree(dir.resolve("journal.json").toFile());
    }

    @Test
    void shouldExitZeroAndWriteTheJournalWhenCompletedAndNotDeviated() throws Exception {
        Path experiment = Experiments.write(dir, service.url(), "/ok", "/ok");

        int code = reliably("run", experiment.toString(), "--journal-path", dir.resolve("journal.json").toString());

        assertThat(code).isZero();
        assertThat(journal().path("status").asText()).isEqualTo("completed");
        assertThat(journal().path("deviated").asBoolean()).isFalse();
        assertThat(journal().path("rollbacks")).hasSize(1);
        assertThat(err.toString())
                .contains("[hypothesis before] probe  is-up")
                .containsPattern("\\[method\\] +probe +call-method +succeeded +[0-9.]+ s  HTTP 200")
                .contains("[rollbacks]").contains("roll-back");
        assertThat(out.toString()).contains("Status: completed, not deviated")
                .contains("Journal: " + dir.resolve("journal.json").toAbsolutePath())
                .contains("method 1 run (1 succeeded, 0 failed)")
                .contains("Exit code: 0");
    }

    @Test
    void shouldExitOneWhenTheSteadyStateDeviatesAfterTheMethod() throws Exception {
        Path experiment = Experiments.write(dir, service.url(), "/flaky", "/ok");

        int code = reliably("run", experiment.toString(), "--journal-path", dir.resolve("journal.json").toString());

        assertThat(code).isEqualTo(1);
        assertThat(journal().path("deviated").asBoolean()).isTrue();
        assertThat(journal().path("status").asText()).isEqualTo("completed");
        assertThat(out.toString()).contains("DEVIATED").contains("Steady state: before met, after NOT met");
        assertThat(err.toString()).contains("tolerance NOT met");
    }

    @Test
    void shouldPrintAMachineReadableSummaryWithJson() throws Exception {
        Path experiment = Experiments.write(dir, service.url(), "/ok", "/down");

        int code = reliably("run", experiment.toString(), "--json", "--journal-path",
                dir.resolve("journal.json").toString());

        JsonNode summary = JSON.readTree(out.toString());
        assertThat(code).isZero();
        assertThat(summary.path("status").asText()).isEqualTo("completed");
        assertThat(summary.path("deviated").asBoolean()).isFalse();
        assertThat(summary.path("exit_code").asInt()).isZero();
        assertThat(summary.path("journal_path").asText()).isEqualTo(dir.resolve("journal.json").toAbsolutePath()
                .toString());
        assertThat(summary.at("/counts/hypothesis_probes/run").asInt()).isEqualTo(2);
        assertThat(summary.at("/counts/method/run").asInt()).isEqualTo(1);
        assertThat(summary.at("/counts/rollbacks/succeeded").asInt()).isEqualTo(1);
        assertThat(err.toString()).contains("call-method").contains("HTTP 503");
    }

    @Test
    void shouldListEveryProblemAndWriteNoJournalWhenTheExperimentIsInvalid() throws Exception {
        Path experiment = dir.resolve("broken.json");
        Files.writeString(experiment, "{\"title\": 3, \"method\": [{\"type\": \"probe\"}]}");

        int code = reliably("run", experiment.toString(), "--journal-path", dir.resolve("journal.json").toString(),
                "--var", "no-equals-sign");

        assertThat(code).isEqualTo(1);
        assertThat(dir.resolve("journal.json")).doesNotExist();
        assertThat(err.toString())
                .contains("nothing ran and no journal was written (5 problems)")
                .contains(experiment + ": title: ")
                .contains(experiment + ": description: ")
                .contains(experiment + ": method[0].name: ")
                .contains(experiment + ": method[0].provider: ")
                .contains("--var: ")
                .doesNotContain("\tat ");
        assertThat(service.paths()).isEmpty();
    }

    @Test
    void shouldSayTheFileIsMissing() {
        int code = reliably("run", dir.resolve("nowhere.json").toString());

        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("nowhere.json").contains("does not exist").doesNotContain("\tat ");
    }

    @Test
    void shouldRefuseAnUnknownStrategyNamingTheFlagAndTheChoices() throws Exception {
        Path experiment = Experiments.write(dir, service.url(), "/ok", "/ok");

        int code = reliably("run", experiment.toString(), "--rollback-strategy", "sometimes");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString())
                .contains("Invalid value for option '--rollback-strategy': 'sometimes'")
                .contains("default, always, never, deviated")
                .contains("reliably run --help")
                .doesNotContain("\tat ");
        assertThat(service.paths()).isEmpty();
    }

    @Test
    void shouldRefuseBadNumbersAndKinds() throws Exception {
        Path experiment = Experiments.write(dir, service.url(), "/ok", "/ok");

        assertThat(reliably("run", experiment.toString(), "--hypothesis-frequency", "-1")).isEqualTo(2);
        assertThat(reliably("run", experiment.toString(), "--fail-fast-ratio", "150")).isEqualTo(2);
        assertThat(reliably("run", experiment.toString(), "--dry", "everything")).isEqualTo(2);
        assertThat(reliably("run", experiment.toString(), "--hypothesis-frequency", "often")).isEqualTo(2);

        assertThat(err.toString())
                .contains("'--hypothesis-frequency': '-1.0'; expected a number of seconds above 0")
                .contains("'--fail-fast-ratio': '150.0'; expected a percentage from 0 to 100")
                .contains("'--dry': 'everything'; expected probes, actions, activities, pause")
                .contains("often")
                .doesNotContain("\tat ");
        assertThat(service.paths()).isEmpty();
    }

    @Test
    void shouldApplyTheRollbackStrategyFlag() throws Exception {
        Path experiment = Experiments.write(dir, service.url(), "/ok", "/ok");

        int code = reliably("run", experiment.toString(), "--rollback-strategy", "never", "--journal-path",
                dir.resolve("journal.json").toString());

        assertThat(code).isZero();
        assertThat(journal().path("rollbacks")).isEmpty();
        assertThat(service.paths()).doesNotContain("/rollback");
    }

    @Test
    void shouldSkipProbesInADryRun() throws Exception {
        Path experiment = Experiments.write(dir, service.url(), "/ok", "/ok");

        int code = reliably("run", experiment.toString(), "--dry", "probes", "--journal-path",
                dir.resolve("journal.json").toString());

        assertThat(code).isZero();
        assertThat(service.paths()).containsExactly("/rollback");
    }

    @Test
    void shouldTakeConfigurationFromVarsAndVarFiles() throws Exception {
        Path experiment = dir.resolve("experiment.yaml");
        Files.writeString(experiment, """
                title: vars ${greeting}
                description: configuration from the command line
                configuration:
                  base: http://127.0.0.1:1
                  path: /down
                method:
                  - type: probe
                    name: call
                    provider: {type: http, url: "${base}${path}", timeout: 10}
                """);
        Path varFile = dir.resolve("vars.yaml");
        Files.writeString(varFile, "configuration:\n  base: " + service.url() + "\n  path: /from-file\n");

        int code = reliably("run", experiment.toString(), "--var-file", varFile.toString(), "--var", "path=/from-var",
                "--var", "greeting=hello", "--journal-path", dir.resolve("journal.json").toString());

        assertThat(code).isZero();
        assertThat(service.paths()).containsExactly("/from-var");
        assertThat(journal().at("/experiment/title").asText()).isEqualTo("vars hello");
    }

    @Test
    void shouldSayWhenTheJournalCannotBeWritten() throws Exception {
        Path experiment = Experiments.write(dir, service.url(), "/ok", "/ok");
        Path directory = Files.createDirectories(dir.resolve("a-directory"));

        int code = reliably("run", experiment.toString(), "--journal-path", directory.toString());

        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("could not write the journal to " + directory.toAbsolutePath())
                .doesNotContain("\tat ");
    }

    @Test
    void shouldNeverShowASecretOnTheConsoleOrInTheJournal() throws Exception {
        Path experiment = dir.resolve("secret.yaml");
        Files.writeString(experiment, """
                title: secrets stay hidden
                description: a secret in the url of a call that fails
                secrets:
                  auth:
                    token: s3cr3t-t0ken-value
                method:
                  - type: probe
                    name: call-with-token
                    provider: {type: http, url: "http://127.0.0.1:9/${token}", timeout: 5, secrets: [auth]}
                  - type: probe
                    name: call-ok-with-token
                    provider: {type: http, url: "%s/ok/${token}", timeout: 5, secrets: [auth]}
                """.formatted(service.url()));

        int code = reliably("run", experiment.toString(), "--journal-path", dir.resolve("journal.json").toString());

        assertThat(code).isZero();
        assertThat(service.paths()).containsExactly("/ok/s3cr3t-t0ken-value");
        assertThat(err.toString()).contains("call-with-token").contains("FAILED")
                .containsPattern("error: [^\\n]*127\\.0\\.0\\.1:9/\\*\\*\\*").doesNotContain("Exception")
                .doesNotContain("s3cr3t-t0ken-value");
        assertThat(out.toString()).doesNotContain("s3cr3t-t0ken-value");
        assertThat(Files.readString(dir.resolve("journal.json"))).doesNotContain("s3cr3t-t0ken-value");
    }
}
