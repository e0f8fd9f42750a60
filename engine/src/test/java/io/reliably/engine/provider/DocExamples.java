package io.reliably.engine.provider;

import com.fasterxml.jackson.databind.JsonNode;
import io.reliably.engine.configuration.RunValues;
import io.reliably.engine.configuration.RunValuesResolver;
import io.reliably.engine.experiment.Activity;
import io.reliably.engine.experiment.Experiment;
import io.reliably.engine.loader.ExperimentLoader;
import io.reliably.engine.secret.SecretResolver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Loads the experiments under {@code docs/examples} as a user's run would, so the docs cannot rot. */
public final class DocExamples {

    private DocExamples() {
    }

    /** {@code docs/examples/<name>}, found from the module directory upwards. */
    public static Path file(String name) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("docs").resolve("examples").resolve(name);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("docs/examples/" + name + " not found");
    }

    public static Experiment load(String name) throws Exception {
        return new ExperimentLoader().load(file(name));
    }

    /** Configuration and secrets resolved, with {@code --var} style overrides. */
    public static RunValues values(Experiment experiment, Map<String, JsonNode> overrides) throws Exception {
        return new RunValuesResolver(System.getenv(), SecretResolver.NONE).resolve(experiment, overrides);
    }

    public static Activity activity(Experiment experiment, String name) {
        return experiment.method().stream().filter(a -> a.name().equals(name)).findFirst()
                .or(() -> experiment.hypothesis().probes().stream().filter(a -> a.name().equals(name)).findFirst())
                .orElseThrow(() -> new IllegalArgumentException("no activity " + name));
    }
}
