package io.reliably.engine.experiment;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A validated experiment, ready to run.
 *
 * @param title the title as written (the runner substitutes {@code ${name}} in it at run start)
 * @param description the description
 * @param tags the tags
 * @param hypothesis the steady-state hypothesis, or {@code null} when the experiment has none
 * @param method the method's activities, {@code ref}s already resolved
 * @param rollbacks the rollbacks' activities
 * @param runtime the experiment's own {@code runtime} block, or {@link RuntimeBlock#NONE}
 * @param document the whole document as loaded (the journal keeps a copy of it, secrets masked)
 */
public record Experiment(
        String title,
        String description,
        List<String> tags,
        Hypothesis hypothesis,
        List<Activity> method,
        List<Activity> rollbacks,
        RuntimeBlock runtime,
        ObjectNode document) {

    public Experiment {
        tags = List.copyOf(tags);
        method = List.copyOf(method);
        rollbacks = List.copyOf(rollbacks);
    }
}
