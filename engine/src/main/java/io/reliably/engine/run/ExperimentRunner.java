package io.reliably.engine.run;

import io.reliably.engine.configuration.RunValues;
import io.reliably.engine.experiment.Experiment;
import io.reliably.engine.journal.Journal;
import io.reliably.engine.provider.Providers;
import io.reliably.engine.tolerance.ToleranceCheck;
import java.util.List;

/**
 * Runs experiments with Chaos Toolkit's semantics ({@code chaoslib/run.py}, {@code Runner._run}):
 * hypothesis before, method (with the continuous hypothesis), hypothesis after, rollbacks, and the
 * journal with the statuses Chaos Toolkit gives. Thread-safe: each run keeps its state to itself.
 * See {@code docs/run.md}.
 */
public final class ExperimentRunner {

    /** The Chaos Toolkit release whose semantics and journal format we follow. */
    public static final String CHAOSLIB_VERSION = "1.45.0";

    private final Providers providers;
    private final ToleranceCheck tolerances;
    private volatile Host host;

    public ExperimentRunner(Providers providers) {
        this.providers = providers;
        this.tolerances = new ToleranceCheck(providers);
    }

    /**
     * Runs an experiment to its end, or until {@code control} stops it. Never throws for what the
     * experiment does: failures, errors and interruptions are in the journal.
     *
     * @param experiment a validated experiment, {@code ref}s resolved
     * @param values its configuration and secrets, resolved
     * @param settings flags; {@code null} fields fall back to the experiment's {@code runtime} block
     * @param listeners called at each hook, in order
     * @param control stops the run from another thread
     * @return the journal, secrets masked
     */
    public Journal run(Experiment experiment, RunValues values, RunSettings settings, List<RunListener> listeners,
            RunControl control) {
        EffectiveSettings effective = EffectiveSettings.of(settings == null ? RunSettings.DEFAULTS : settings,
                experiment.runtime());
        return new ExperimentRun(experiment, values, effective, listeners == null ? List.of() : listeners,
                control == null ? new RunControl() : control, providers, tolerances, host()).execute();
    }

    private Host host() {
        Host known = host;
        if (known == null) {
            known = Host.current();
            host = known;
        }
        return known;
    }

    /** Our engine's version, for the journal's {@code reliably} extension. */
    static String engineVersion() {
        String version = ExperimentRunner.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }
}
