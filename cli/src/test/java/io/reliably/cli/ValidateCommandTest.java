package io.reliably.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code reliably validate}: every problem at once, exit 0 or 1, nothing runs. */
class ValidateCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int reliably(String... args) {
        return ReliablyCommand.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
    }

    @Test
    void shouldExitZeroForAValidExperiment() throws Exception {
        Path experiment = Experiments.write(dir, "http://127.0.0.1:1", "/ok", "/ok");

        assertThat(reliably("validate", experiment.toString())).isZero();
        assertThat(out.toString()).contains(experiment + ": valid: \"CLI test\"")
                .contains("1 hypothesis probes, 1 method activities, 1 rollbacks");
    }

    @Test
    void shouldListEveryProblemAndExitOne() throws Exception {
        Path experiment = dir.resolve("broken.yaml");
        Files.writeString(experiment, """
                title: broken
                method:
                  - type: probe
                    name: uses-python
                    provider: {type: python, module: os, func: getcwd}
                  - type: action
                    provider: {type: http}
                """);

        int code = reliably("validate", experiment.toString());

        assertThat(code).isEqualTo(1);
        assertThat(err.toString())
                .contains(experiment + ": invalid (")
                .contains(experiment + ": description: ")
                .contains(experiment + ": method[0].provider")
                .contains(experiment + ": method[1].name: ")
                .contains(experiment + ": method[1].provider.url: ")
                .doesNotContain("\tat ");
    }

    @Test
    void shouldSayWhatIsWrongWithAFileThatIsNotAnExperiment() throws Exception {
        Path junk = dir.resolve("junk.json");
        Files.write(junk, new byte[] {0, 1, 2, (byte) 0xff, '{', '['});

        assertThat(reliably("validate", junk.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("junk.json").doesNotContain("\tat ").doesNotContain("Exception");
    }
}
