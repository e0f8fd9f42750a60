package io.reliably.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line as a real process, started as a user's script starts it: exit codes, the journal
 * file, stderr without stack traces, and SIGTERM / Ctrl-C stopping a run gracefully.
 */
class CliProcessTest {

    private static final long WAIT_SECONDS = 90;

    @TempDir
    Path dir;

    private TestService service;
    private Process process;

    @BeforeEach
    void start() throws Exception {
        service = new TestService();
    }

    @AfterEach
    void stop() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
        }
        service.close();
    }

    private Process reliably(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), ReliablyCommand.class.getName()));
        command.addAll(List.of(args));
        process = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(dir.resolve("stdout.txt").toFile())
                .redirectError(dir.resolve("stderr.txt").toFile())
                .start();
        return process;
    }

    private int exitCode(Process p) throws InterruptedException {
        assertThat(p.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)).as("the process ends").isTrue();
        return p.exitValue();
    }

    private String stderr() throws IOException {
        return Files.readString(dir.resolve("stderr.txt"));
    }

    private JsonNode journal() throws IOException {
        return new ObjectMapper().readTree(dir.resolve("journal.json").toFile());
    }

    @Test
    void shouldExitZeroAndWriteJournalJsonInTheWorkingDirectoryByDefault() throws Exception {
        Path experiment = Experiments.write(dir, service.url(), "/ok", "/ok");

        int code = exitCode(reliably("run", experiment.toString()));

        assertThat(code).isZero();
        assertThat(journal().path("status").asText()).isEqualTo("completed");
        assertThat(Files.readString(dir.resolve("stdout.txt"))).contains("Exit code: 0");
    }

    @Test
    void shouldExitOneWhenDeviated() throws Exception {
        Path experiment = Experiments.write(dir, service.url(), "/flaky", "/ok");

        int code = exitCode(reliably("run", experiment.toString()));

        assertThat(code).isEqualTo(1);
        assertThat(journal().path("deviated").asBoolean()).isTrue();
    }

    @Test
    void shouldExitOneWithoutJournalOrStackTraceOnAnInvalidExperiment() throws Exception {
        Path experiment = dir.resolve("broken.yaml");
        Files.writeString(experiment, "title: [unclosed\n  - : :\n");

        int code = exitCode(reliably("run", experiment.toString()));

        assertThat(code).isEqualTo(1);
        assertThat(dir.resolve("journal.json")).doesNotExist();
        assertThat(stderr()).contains("broken.yaml").contains("no journal was written")
                .doesNotContain("\tat ").doesNotContain("Exception");
    }

    @Test
    void shouldExitTwoOnAnUnknownFlagWithoutStackTrace() throws Exception {
        int code = exitCode(reliably("run", "--rollback", "x.json"));

        assertThat(code).isEqualTo(2);
        assertThat(stderr()).contains("--rollback").contains("--rollback-strategy").doesNotContain("\tat ");
    }

    @Test
    void shouldStopGracefullyOnSigtermPlayingTheRollbacksAndWritingTheJournal() throws Exception {
        Path experiment = Experiments.write(dir, service.url(), "/ok", "/slow");
        Process p = reliably("run", experiment.toString());
        assertThat(service.awaitSlowRequest()).as("the method's slow call started").isTrue();

        p.destroy(); // SIGTERM

        assertThat(exitCode(p)).isEqualTo(1);
        JsonNode journal = journal();
        assertThat(journal.path("status").asText()).isEqualTo("interrupted");
        assertThat(journal.at("/run/0/status").asText()).isEqualTo("failed");
        assertThat(journal.path("rollbacks")).hasSize(1);
        assertThat(journal.at("/rollbacks/0/status").asText()).isEqualTo("succeeded");
        assertThat(service.paths()).contains("/rollback");
        assertThat(stderr()).contains("SIGTERM received: stopping gracefully").doesNotContain("\tat ");
    }

    @Test
    void shouldStopGracefullyOnCtrlC() throws Exception {
        Path experiment = Experiments.write(dir, service.url(), "/ok", "/slow");
        Process p = reliably("run", experiment.toString(), "--rollback-strategy", "always");
        assertThat(service.awaitSlowRequest()).isTrue();

        Process kill = new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start();
        assertThat(kill.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();

        assertThat(exitCode(p)).isEqualTo(1);
        assertThat(journal().path("status").asText()).isEqualTo("interrupted");
        assertThat(service.paths()).contains("/rollback");
        assertThat(stderr()).contains("SIGINT received: stopping gracefully").doesNotContain("\tat ");
        assertThat(Files.readString(dir.resolve("stdout.txt"))).contains("Status: interrupted")
                .contains("Interrupted: interrupted by SIGINT");
    }

    @Test
    void shouldStopAtOnceOnASecondCtrlCSkippingTheRollbackInProgress() throws Exception {
        Path experiment = Experiments.write(dir, service.url(), "/ok", "/slow", "/slow-rollback");
        Process p = reliably("run", experiment.toString(), "--rollback-strategy", "always");
        assertThat(service.awaitSlowRequest()).as("the method's slow call started").isTrue();
        interrupt(p);
        assertThat(service.awaitSlowRequest()).as("the rollback's slow call started").isTrue();

        interrupt(p);

        assertThat(exitCode(p)).isEqualTo(1);
        JsonNode journal = journal();
        assertThat(journal.path("status").asText()).isEqualTo("interrupted");
        assertThat(journal.at("/rollbacks/0/status").asText()).as("the rollback was cancelled").isEqualTo("failed");
        assertThat(stderr()).contains("SIGINT received again: stopping at once").doesNotContain("\tat ");
    }

    private static void interrupt(Process p) throws Exception {
        Process kill = new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start();
        assertThat(kill.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void shouldRunTheDemoAsAProcess() throws Exception {
        int code = exitCode(reliably("demo", "--json"));

        assertThat(code).isZero();
        JsonNode summary = new ObjectMapper().readTree(dir.resolve("stdout.txt").toFile());
        assertThat(summary.path("status").asText()).isEqualTo("completed");
        assertThat(Path.of(summary.path("journal_path").asText()).toRealPath())
                .isEqualTo(dir.resolve("journal.json").toRealPath());
        assertThat(journal().path("deviated").asBoolean()).isFalse();
    }
}
