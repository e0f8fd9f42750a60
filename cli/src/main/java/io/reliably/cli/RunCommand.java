package io.reliably.cli;

import io.reliably.engine.run.Dry;
import io.reliably.engine.run.HypothesisStrategy;
import io.reliably.engine.run.RollbackStrategy;
import io.reliably.engine.run.RunSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code reliably run}: {@code chaos run} with the same flags, defaults and exit codes, so a script
 * switches by changing one word.
 */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Runs a Chaos Toolkit experiment (JSON or YAML) and writes its journal.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the run completed and the steady state did not deviate",
            "1:the run failed, was aborted or interrupted, deviated, or the experiment is invalid"
                    + " (then nothing runs and no journal is written)",
            "2:a flag has an invalid value"})
public final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "EXPERIMENT", description = "The experiment file (JSON or YAML).")
    Path experiment;

    @Option(names = "--journal-path", paramLabel = "FILE", defaultValue = "./journal.json",
            description = "Where to write the journal (default: ${DEFAULT-VALUE}).")
    Path journalPath;

    @Option(names = "--rollback-strategy", paramLabel = "S",
            description = "When rollbacks play: default, always, never, deviated"
                    + " (default: the experiment's runtime block, else default).")
    String rollbackStrategy;

    @Option(names = "--hypothesis-strategy", paramLabel = "S",
            description = "When the steady-state hypothesis is checked: default, before-method-only,"
                    + " after-method-only, during-method-only, continuously, skip"
                    + " (default: the experiment's runtime block, else default).")
    String hypothesisStrategy;

    @Option(names = "--hypothesis-frequency", paramLabel = "SECONDS",
            description = "Seconds between continuous hypothesis checks (default: 1.0).")
    Double hypothesisFrequency;

    @Option(names = "--fail-fast",
            description = "Stop the method as soon as a continuous hypothesis check deviates.")
    boolean failFast;

    @Option(names = "--fail-fast-ratio", paramLabel = "R", defaultValue = "0",
            description = "With --fail-fast: the percentage (0 to 100) of deviated continuous checks at or above"
                    + " which the method stops (default: ${DEFAULT-VALUE}, the first deviation).")
    double failFastRatio;

    @Option(names = "--var", paramLabel = "K=V",
            description = "Sets a configuration value; name:type=value converts it (str, int, float, bytes, bool,"
                    + " json). Repeatable; overrides var files.")
    List<String> vars = new ArrayList<>();

    @Option(names = "--var-file", paramLabel = "FILE",
            description = "Configuration and secrets from a .json, .yaml or .yml file, or environment variables"
                    + " from a .env file. Repeatable.")
    List<Path> varFiles = new ArrayList<>();

    @Option(names = "--dry", paramLabel = "KIND",
            description = "Do not execute activities of this kind: probes, actions, activities, pause.")
    String dry;

    @Option(names = "--json",
            description = "Print a machine-readable summary on stdout; progress stays on stderr.")
    boolean json;

    @Override
    public Integer call() {
        RunSettings settings = settings();
        ReliablyCommand.awaitWarmup(spec);
        ExperimentSession session = new ExperimentSession(spec.commandLine().getOut(), spec.commandLine().getErr(),
                json);
        return session.run(ExperimentSource.file(experiment), vars, varFiles, java.util.Map.of(), settings,
                journalPath);
    }

    /** The flags as run settings; an unknown word is a usage error naming the flag and the choices. */
    RunSettings settings() {
        RollbackStrategy rollbacks = rollbackStrategy == null ? null
                : RollbackStrategy.parse(rollbackStrategy).orElseThrow(() -> invalid("--rollback-strategy",
                        rollbackStrategy, "default, always, never, deviated"));
        HypothesisStrategy hypothesis = hypothesisStrategy == null ? null
                : HypothesisStrategy.parse(hypothesisStrategy).orElseThrow(() -> invalid("--hypothesis-strategy",
                        hypothesisStrategy, "default, before-method-only, after-method-only, during-method-only,"
                                + " continuously, skip"));
        Dry dryKind = dry == null ? null
                : Dry.parse(dry).orElseThrow(() -> invalid("--dry", dry, "probes, actions, activities, pause"));
        if (hypothesisFrequency != null && !(hypothesisFrequency > 0 && hypothesisFrequency < 86_400 * 365)) {
            throw invalid("--hypothesis-frequency", String.valueOf(hypothesisFrequency), "a number of seconds above 0");
        }
        if (!(failFastRatio >= 0 && failFastRatio <= 100)) {
            throw invalid("--fail-fast-ratio", String.valueOf(failFastRatio), "a percentage from 0 to 100");
        }
        return new RunSettings(rollbacks, hypothesis, hypothesisFrequency, failFast, failFastRatio, dryKind);
    }

    private ParameterException invalid(String option, String value, String expected) {
        return new ParameterException(spec.commandLine(),
                "Invalid value for option '" + option + "': '" + value + "'; expected " + expected + ".");
    }
}
