package io.reliably.engine.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.reliably.engine.configuration.RunValues;
import io.reliably.engine.configuration.RunValuesResolver;
import io.reliably.engine.experiment.Experiment;
import io.reliably.engine.journal.ActivityRun;
import io.reliably.engine.journal.Journal;
import io.reliably.engine.loader.ExperimentLoader;
import io.reliably.engine.provider.Providers;
import io.reliably.engine.secret.SecretResolver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Loads experiments as users write them and runs them with the real engine. */
final class Runs {

    private final ExperimentRunner runner = new ExperimentRunner(new Providers());
    private final Map<String, String> environment;

    Runs(Map<String, String> environment) {
        this.environment = environment;
    }

    /** Runs an experiment (JSON text) with default settings. */
    Journal run(String json) throws Exception {
        return run(json, RunSettings.DEFAULTS, List.of(), new RunControl());
    }

    Journal run(String json, RunSettings settings) throws Exception {
        return run(json, settings, List.of(), new RunControl());
    }

    Journal run(String json, RunSettings settings, List<RunListener> listeners, RunControl control)
            throws Exception {
        Experiment experiment = new ExperimentLoader().parse("experiment.json", json);
        return run(experiment, settings, listeners, control);
    }

    /** Runs an example from {@code docs/examples}. */
    Journal runExample(String name, RunSettings settings, List<RunListener> listeners, RunControl control)
            throws Exception {
        Experiment experiment = new ExperimentLoader().load(example(name));
        return run(experiment, settings, listeners, control);
    }

    static Path example(String name) {
        Path inModule = Path.of("../docs/examples", name);
        return Files.exists(inModule) ? inModule : Path.of("docs/examples", name);
    }

    private Journal run(Experiment experiment, RunSettings settings, List<RunListener> listeners,
            RunControl control) throws Exception {
        RunValues values = new RunValuesResolver(environment, SecretResolver.NONE)
                .resolve(experiment, Map.<String, JsonNode>of());
        return runner.run(experiment, values, settings, listeners, control);
    }

    static RunSettings rollbacks(RollbackStrategy strategy) {
        return new RunSettings(strategy, null, null, false, 0.0, null);
    }

    static RunSettings hypothesis(HypothesisStrategy strategy, double frequency) {
        return new RunSettings(null, strategy, frequency, false, 0.0, null);
    }

    static RunSettings dry(Dry dry) {
        return new RunSettings(null, null, null, false, 0.0, dry);
    }

    static List<String> names(List<ActivityRun> runs) {
        return runs.stream().map(ActivityRun::name).toList();
    }
}
