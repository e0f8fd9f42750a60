package io.reliably.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code reliably demo} end to end: the sample service, the bundled experiment, the journal, the clean-up. */
class DemoCommandTest {

    private static final Pattern STARTED = Pattern.compile("Sample service started on http://127\\.0\\.0\\.1:(\\d+)");

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int reliably(String... args) {
        return ReliablyCommand.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
    }

    private int port() {
        Matcher m = STARTED.matcher(out + "" + err);
        assertThat(m.find()).as("the demo names the service's address").isTrue();
        return Integer.parseInt(m.group(1));
    }

    private JsonNode journal() throws IOException {
        return new ObjectMapper().readTree(dir.resolve("journal.json").toFile());
    }

    @Test
    void shouldShowTheServiceFailingThenRecoveringAndExitZero() throws Exception {
        int code = reliably("demo", "--journal-path", dir.resolve("journal.json").toString());

        assertThat(code).isZero();
        JsonNode journal = journal();
        assertThat(journal.path("status").asText()).isEqualTo("completed");
        assertThat(journal.path("deviated").asBoolean()).isFalse();
        assertThat(journal.at("/steady_states/before/steady_state_met").asBoolean()).isTrue();
        assertThat(journal.at("/steady_states/after/steady_state_met").asBoolean()).isTrue();
        assertThat(journal.at("/run/1/activity/name").asText()).isEqualTo("health-during-the-fault");
        assertThat(journal.at("/run/1/output/status").asInt()).as("the fault was visible").isEqualTo(503);
        assertThat(journal.at("/run/2/output/body/error_rate").asDouble()).isGreaterThan(0);
        assertThat(journal.at("/rollbacks/0/status").asText()).isEqualTo("succeeded");
        assertThat(err.toString()).contains("[method]").contains("health-during-the-fault").contains("HTTP 503")
                .contains("[hypothesis after]");
        assertThat(out.toString()).contains("Result: the steady state held").contains("Sample service stopped");
        assertServiceStopped(port());
    }

    @Test
    void shouldQueryTheRunsIndicatorsAndGateThemBesideTheJournal() throws Exception {
        int code = reliably("demo", "--journal-path", dir.resolve("journal.json").toString());

        assertThat(code).isZero();
        JsonNode gate = new ObjectMapper().readTree(dir.resolve("gate.json").toFile());
        assertThat(gate.path("result").asText()).isEqualTo("pass");
        assertThat(gate.path("indicatorResults")).hasSize(3);
        for (JsonNode result : gate.path("indicatorResults")) {
            assertThat(result.at("/value/success").asBoolean()).as("%s was queried", result.at("/value/metric"))
                    .isTrue();
        }
        assertThat(gate.at("/indicatorResults/0/value/metric").asText()).isEqualTo("error_rate");
        assertThat(gate.at("/indicatorResults/0/value/value").asDouble())
                .as("the fault's errors fall inside the run's window").isGreaterThan(0).isLessThanOrEqualTo(0.25);
        assertThat(gate.at("/indicatorResults/2/value/value").asDouble()).as("requests served").isGreaterThan(0);
        assertThat(out.toString()).contains("Indicators of the whole run").contains("Result: pass")
                .contains("Gate evaluation written to " + dir.resolve("gate.json").toAbsolutePath());
    }

    @Test
    void shouldDeviateWithoutRecoveryAndStillHealTheService() throws Exception {
        int code = reliably("demo", "--without-recovery", "--journal-path", dir.resolve("journal.json").toString());

        assertThat(code).isEqualTo(1);
        JsonNode journal = journal();
        assertThat(journal.path("status").asText()).isEqualTo("completed");
        assertThat(journal.path("deviated").asBoolean()).isTrue();
        assertThat(journal.at("/steady_states/after/probes/0/output/status").asInt()).isEqualTo(503);
        assertThat(journal.at("/rollbacks/0/activity/name").asText()).isEqualTo("heal-the-service");
        assertThat(journal.at("/rollbacks/0/output/body/fault").asText()).isEqualTo("healed");
        assertThat(out.toString()).contains("Result: DEVIATED");
        JsonNode gate = new ObjectMapper().readTree(dir.resolve("gate.json").toFile());
        assertThat(gate.path("result").asText()).as("errors until the rollback cost more than the pass target")
                .isEqualTo("warning");
        assertServiceStopped(port());
    }

    @Test
    void shouldBundleTheDocumentedExperiment() throws Exception {
        assertThat(DemoCommand.bundledExperiment())
                .isEqualTo(Files.readString(Path.of("..", "docs", "examples", "demo-experiment.json")));
    }

    @Test
    void shouldValidateTheDocumentedExperiment() {
        int code = reliably("validate", Path.of("..", "docs", "examples", "demo-experiment.json").toString());

        assertThat(code).isZero();
        assertThat(out.toString()).contains("valid");
    }

    private static void assertServiceStopped(int port) {
        assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), port).close())
                .as("the sample service's port is released").isInstanceOf(IOException.class);
    }
}
