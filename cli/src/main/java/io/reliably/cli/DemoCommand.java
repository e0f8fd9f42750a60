package io.reliably.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.reliably.engine.run.RunSettings;
import io.reliably.engine.sli.IndicatorValue;
import io.reliably.engine.slo.EvaluationJson;
import io.reliably.engine.slo.EvaluationTable;
import io.reliably.engine.slo.GateResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code reliably demo}: the whole job on an embedded default. Starts the sample service, runs the
 * bundled experiment ({@code docs/examples/demo-experiment.json}) against it with live progress,
 * writes the journal, stops the service and explains the outcome.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Starts a sample service on 127.0.0.1, runs a bundled chaos experiment against it"
                + " (inject a fault, watch, check the steady state, heal) and writes the journal.",
            "By default the service heals itself within a second: the hypothesis after the method is met"
                + " and the demo exits 0. With --without-recovery the fault lasts until the rollback heals it:"
                + " the hypothesis after the method is not met, the run deviates and the demo exits 1.",
            "Then it queries the run's indicators from the service's statistics (docs/examples/demo-metrics.yaml)"
                + " and gates them on objectives (docs/examples/demo-slo.yaml); the evaluation is written to"
                + " gate.json beside the journal."},
        exitCodeListHeading = "%nExit codes (as `reliably run`):%n",
        exitCodeList = {"0:completed, not deviated (the default demo)",
            "1:deviated (--without-recovery) or failed, or the gate over the run's indicators failed"})
public final class DemoCommand implements Callable<Integer> {

    /** The bundled experiment, copied into the jar from {@code docs/examples/}. */
    static final String EXPERIMENT_RESOURCE = "demo-experiment.json";

    @Spec
    CommandSpec spec;

    @Option(names = "--journal-path", paramLabel = "FILE", defaultValue = "./journal.json",
            description = "Where to write the journal (default: ${DEFAULT-VALUE}).")
    Path journalPath;

    @Option(names = "--without-recovery",
            description = "The fault lasts until the rollback heals it, so the experiment deviates.")
    boolean withoutRecovery;

    @Option(names = "--json", description = "Print a machine-readable summary on stdout; progress stays on stderr.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        ReliablyCommand.awaitWarmup(spec);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String experiment = bundledExperiment();
        ExperimentSession.Outcome outcome;
        DemoGate.Outcome gate = null;
        try (SampleService service = SampleService.start()) {
            Instant started = Instant.now();
            PrintWriter story = json ? err : out;
            story.println("Sample service started on " + service.url()
                    + (withoutRecovery ? " (the fault will last until healed)" : " (it heals itself 1 s after a fault)"));
            story.println("Experiment: inject errors, watch the service fail, wait 2 s, check the steady state"
                    + " again, then heal.");
            story.println();
            story.flush();
            Map<String, JsonNode> values = Map.of(
                    "service_url", JsonNodeFactory.instance.textNode(service.url()),
                    "fault_seconds", JsonNodeFactory.instance.numberNode(withoutRecovery ? 0 : 1));
            outcome = new ExperimentSession(out, err, json).execute(
                    ExperimentSource.bundled(EXPERIMENT_RESOURCE, experiment), List.of(), List.of(), values,
                    RunSettings.DEFAULTS, journalPath);
            if (outcome.journal() != null) {
                // $elapsedTime is whole seconds, rounded down: a second of margin covers the whole run.
                gate = new DemoGate().evaluate(service.url(), started.minusSeconds(1), Instant.now());
            }
        }
        if (gate != null) {
            Path gatePath = gatePath();
            Files.writeString(gatePath, new EvaluationJson().toString(gate.evaluation()));
            PrintWriter story = json ? err : out;
            story.println();
            story.println("Indicators of the whole run, from the sample service's statistics (demo-metrics.yaml):");
            for (IndicatorValue value : gate.indicators()) {
                story.println("  " + value.metric() + " = " + (value.success() ? value.value() : "unavailable: "
                        + value.message()));
            }
            story.println();
            story.println("Gate (demo-slo.yaml):");
            story.print(new EvaluationTable().render(gate.evaluation()));
            story.println("Gate evaluation written to " + gatePath);
            story.flush();
        }
        if (!json && outcome.journal() != null) {
            explain(out, outcome);
        }
        out.flush();
        if (outcome.exitCode() == 0 && gate != null && gate.evaluation().result() == GateResult.FAIL) {
            return 1;
        }
        return outcome.exitCode();
    }

    private static void explain(PrintWriter out, ExperimentSession.Outcome outcome) {
        out.println();
        if (outcome.journal().isSuccessful()) {
            out.println("Result: the steady state held. The fault made the service fail (HTTP 503 during the"
                    + " method), it healed itself, and the hypothesis after the method found it healthy"
                    + " again: the service is resilient to this fault. Exit code 0.");
            out.println("Try `reliably demo --without-recovery` to see an experiment that finds a weakness.");
        } else if (outcome.journal().deviated()) {
            out.println("Result: DEVIATED. The service did not recover by itself: the hypothesis after the"
                    + " method still found it failing. This is the weakness the experiment exists to find, so"
                    + " the run exits 1, as `chaos run` does. The rollback then healed the service.");
        } else {
            out.println("Result: the run ended with status " + outcome.journal().status().json()
                    + "; see the journal for each activity's error.");
        }
        out.println("Sample service stopped. Read the journal: " + outcome.journalPath());
    }

    /** The gate's evaluation goes beside the journal. */
    Path gatePath() {
        Path absolute = journalPath.toAbsolutePath().normalize();
        return absolute.resolveSibling("gate.json");
    }

    static String bundledExperiment() throws IOException {
        try (InputStream in = DemoCommand.class.getResourceAsStream(EXPERIMENT_RESOURCE)) {
            if (in == null) {
                throw new IOException("the bundled experiment " + EXPERIMENT_RESOURCE + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
