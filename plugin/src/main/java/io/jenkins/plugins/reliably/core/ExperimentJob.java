package io.jenkins.plugins.reliably.core;

import io.reliably.engine.configuration.RunValues;
import io.reliably.engine.configuration.RunValuesResolver;
import io.reliably.engine.configuration.Vars;
import io.reliably.engine.experiment.Experiment;
import io.reliably.engine.journal.Journal;
import io.reliably.engine.journal.JournalWriter;
import io.reliably.engine.loader.ExperimentLoader;
import io.reliably.engine.loader.InvalidExperimentException;
import io.reliably.engine.provider.Providers;
import io.reliably.engine.run.ExperimentRunner;
import io.reliably.engine.run.RunControl;
import io.reliably.engine.run.RunListener;
import io.reliably.engine.secret.SecretResolutionException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One {@code reliablyRun}, ready to run where the workspace is: loads the experiment and the
 * variables from the workspace, resolves configuration and secrets (the bound credentials among
 * them), runs it with live progress, and writes the journal into the workspace. Serializable: the
 * plugin sends it to the agent. Knows nothing of Jenkins.
 */
public final class ExperimentJob implements Serializable {

    private static final long serialVersionUID = 1L;

    private final RunOptions options;
    private final String workspace;
    private final LinkedHashMap<String, String> environment;
    private final BoundSecrets secrets;

    /**
     * @param workspace the workspace's path on the machine that runs the job, or {@code null}
     * @param environment the build's environment, for {@code env} configuration and secrets
     */
    public ExperimentJob(RunOptions options, String workspace, Map<String, String> environment, BoundSecrets secrets) {
        this.options = options;
        this.workspace = workspace;
        this.environment = new LinkedHashMap<>(environment);
        this.secrets = secrets;
    }

    /**
     * Runs the experiment. An activity that fails is part of the outcome, never an exception.
     *
     * @param console where progress goes
     * @param stop read while the run goes on
     * @throws InvalidRunException when the run cannot start; the message lists every problem
     */
    public RunOutcome run(PrintStream console, StopSource stop) throws InvalidRunException {
        return run(console, stop, List.of());
    }

    /**
     * Runs the experiment with more listeners after the console's: where integrations, pauses
     * ({@code input}) and safeguards plug in.
     */
    public RunOutcome run(PrintStream console, StopSource stop, List<RunListener> more) throws InvalidRunException {
        Path base = workspace == null ? null : Path.of(workspace);
        List<String> problems = new ArrayList<>(options.problems());
        if (base == null && options.experiment() != null) {
            problems.add("experiment: a path needs a workspace; run reliablyRun inside node, or give experimentText");
        }
        if (base == null && !options.varFileList().isEmpty()) {
            problems.add("varFiles: files need a workspace; run reliablyRun inside node");
        }
        if (!problems.isEmpty()) {
            throw new InvalidRunException(problems);
        }
        Experiment experiment;
        RunValues values;
        // One provider set for the run: processes start with the build's environment (as sh does), and
        // dynamic configuration ({"type": "probe"}) runs its probes with it.
        Providers providers = new Providers(processEnvironment());
        RunValuesResolver resolver = new RunValuesResolver(environment, secrets, providers);
        try {
            experiment = load(base);
            List<Path> varFiles = options.varFileList().stream().map(base::resolve).toList();
            Vars vars = Vars.load(options.varAssignments(), varFiles);
            values = resolver.resolve(experiment, secrets.over(vars));
        } catch (InvalidExperimentException e) {
            throw new InvalidRunException(e.getMessage());
        } catch (SecretResolutionException e) {
            throw new InvalidRunException(e.getMessage());
        }
        values = new RunValues(values.configuration(), values.secrets(), values.substitution(),
                values.masker().with(secrets.values()));
        for (String warning : resolver.warnings()) {
            console.println("[reliably] warning: " + values.masker().mask(warning));
        }

        RunControl control = new RunControl();
        Journal journal;
        try (StopWatcher watcher = StopWatcher.start(stop, control)) {
            journal = new ExperimentRunner(providers)
                    .run(experiment, values, options.settings(), listeners(console, more), control);
        }
        String json = new JournalWriter().toString(journal);
        if (base != null) {
            write(base.resolve(options.journalPathOrDefault()), json);
        }
        RunOutcome outcome = RunOutcome.of(journal, options.journalPathOrDefault(), json);
        console.println(values.masker().mask(outcome.summaryLine()));
        return outcome;
    }

    /** This JVM's environment with the build's over it: what a process of the build expects. */
    private Map<String, String> processEnvironment() {
        Map<String, String> all = new LinkedHashMap<>(System.getenv());
        all.putAll(environment);
        return all;
    }

    private static List<RunListener> listeners(PrintStream console, List<RunListener> more) {
        List<RunListener> all = new ArrayList<>();
        all.add(new ProgressListener(console));
        all.addAll(more);
        return all;
    }

    private Experiment load(Path base) throws InvalidExperimentException {
        ExperimentLoader loader = new ExperimentLoader();
        if (options.experimentText() != null) {
            return loader.parse("experimentText", options.experimentText());
        }
        return loader.load(base.resolve(options.experiment()));
    }

    private static void write(Path file, String json) throws InvalidRunException {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, json, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidRunException("journalPath: cannot write " + file + ": " + e.getMessage());
        }
    }
}
