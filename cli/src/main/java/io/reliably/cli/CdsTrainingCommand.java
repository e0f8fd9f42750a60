package io.reliably.cli;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * Hidden: what {@code bin/reliably} runs once after a build to list the classes for its class-data
 * sharing archive. It goes through the command line as a user does ({@code validate} of a YAML
 * experiment, {@code run} of the demo experiment against the sample service, without pauses, with
 * progress, summary and journal, then with {@code --json}), so that every class those load, picocli's
 * and the command classes included, is in the archive. Prints nothing.
 */
@Command(name = "cds-training", hidden = true, description = "Loads the classes of a run, for the CDS archive.")
public final class CdsTrainingCommand implements Callable<Integer> {

    private static final String YAML = """
            title: training
            description: loads the YAML classes
            configuration: {url: "http://127.0.0.1:1"}
            method:
              - type: probe
                name: p
                provider: {type: http, url: "${url}", timeout: [1, 2]}
                tolerance: {type: regex, pattern: "ok", target: body}
            """;

    @Override
    public Integer call() throws Exception {
        Path dir = Files.createTempDirectory("reliably-training");
        try (SampleService service = SampleService.start()) {
            Path yaml = Files.writeString(dir.resolve("training.yaml"), YAML);
            Path experiment = Files.writeString(dir.resolve("demo.json"), DemoCommand.bundledExperiment());
            Path journal = dir.resolve("journal.json");
            quietly("validate", yaml.toString());
            String[] run = {"run", experiment.toString(), "--journal-path", journal.toString(),
                "--var", "service_url=" + service.url(), "--var", "fault_seconds:int=0",
                "--var", "recovery_seconds:int=0"};
            quietly(run);
            String[] json = java.util.Arrays.copyOf(run, run.length + 1);
            json[run.length] = "--json";
            quietly(json);
        } finally {
            try (var files = Files.list(dir)) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    Files.deleteIfExists(file);
                }
            }
            Files.deleteIfExists(dir);
        }
        return 0;
    }

    private static void quietly(String... args) {
        PrintWriter nowhere = new PrintWriter(Writer.nullWriter());
        ReliablyCommand.commandLine(args).setOut(nowhere).setErr(nowhere).execute(args);
    }
}
