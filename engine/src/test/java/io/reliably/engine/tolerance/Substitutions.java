package io.reliably.engine.tolerance;

import com.fasterxml.jackson.databind.JsonNode;
import io.reliably.engine.configuration.RunValuesResolver;
import io.reliably.engine.configuration.Substitution;
import io.reliably.engine.experiment.Experiment;
import io.reliably.engine.loader.ExperimentLoader;
import io.reliably.engine.secret.SecretResolver;
import java.util.Map;

/** The real substitution over given configuration values, as {@code --var name=value} would set them. */
final class Substitutions {

    private static final String EXPERIMENT = "{\"title\": \"t\", \"description\": \"d\", \"method\": [{\"type\":"
            + " \"probe\", \"name\": \"p\", \"provider\": {\"type\": \"process\", \"path\": \"true\"}}]}";

    private Substitutions() {
    }

    static Substitution of(Map<String, JsonNode> configuration) {
        try {
            Experiment experiment = new ExperimentLoader().parse("substitution.json", EXPERIMENT);
            return new RunValuesResolver(Map.of(), SecretResolver.NONE).resolve(experiment, configuration)
                    .substitution();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Substitution none() {
        return of(Map.of());
    }
}
