package io.reliably.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.reliably.engine.loader.ExperimentLoader;
import io.reliably.engine.run.RunSettings;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * Hidden: what {@code bin/reliably} runs once after a build under {@code -XX:ArchiveClassesAtExit} so
 * the class-data sharing archive holds every class a real run loads: a YAML and a JSON experiment
 * loaded, the demo experiment run (without pauses) with progress, summary and journal. Prints nothing.
 */
@Command(name = "cds-training", hidden = true, description = "Loads the classes of a run, for the AppCDS archive.")
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
        new ExperimentLoader().parse("training.yaml", YAML);
        PrintWriter nowhere = new PrintWriter(Writer.nullWriter());
        Path journal = Files.createTempFile("reliably-training", ".json");
        try (SampleService service = SampleService.start()) {
            Map<String, JsonNode> values = Map.of(
                    "service_url", JsonNodeFactory.instance.textNode(service.url()),
                    "fault_seconds", JsonNodeFactory.instance.numberNode(0),
                    "recovery_seconds", JsonNodeFactory.instance.numberNode(0));
            new ExperimentSession(nowhere, nowhere, false).execute(
                    ExperimentSource.bundled(DemoCommand.EXPERIMENT_RESOURCE, DemoCommand.bundledExperiment()),
                    List.of(), List.of(), values, RunSettings.DEFAULTS, journal);
            new ExperimentSession(nowhere, nowhere, true).execute(
                    ExperimentSource.bundled(DemoCommand.EXPERIMENT_RESOURCE, DemoCommand.bundledExperiment()),
                    List.of(), List.of(), values, RunSettings.DEFAULTS, journal);
        } finally {
            Files.deleteIfExists(journal);
        }
        return 0;
    }
}
