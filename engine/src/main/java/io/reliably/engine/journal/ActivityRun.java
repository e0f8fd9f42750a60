package io.reliably.engine.journal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;

/**
 * One activity's run record, as in a Chaos Toolkit journal. Secret values are already masked.
 *
 * @param activity the activity as written
 * @param succeeded {@code "succeeded"} or {@code "failed"} in the journal
 * @param output the provider's output, or {@code null}
 * @param exception the error lines when it failed, else empty
 * @param start when it started (after the {@code before} pause)
 * @param end when it ended (before the {@code after} pause)
 * @param toleranceMet for hypothesis probes, whether the tolerance was met; else {@code null}
 */
public record ActivityRun(
        ObjectNode activity,
        boolean succeeded,
        JsonNode output,
        List<String> exception,
        Instant start,
        Instant end,
        Boolean toleranceMet) {

    public ActivityRun {
        exception = List.copyOf(exception);
    }

    /** Seconds between start and end. */
    public double duration() {
        return java.time.Duration.between(start, end).toNanos() / 1e9;
    }

    /** The activity's name. */
    public String name() {
        return activity.path("name").asText();
    }
}
