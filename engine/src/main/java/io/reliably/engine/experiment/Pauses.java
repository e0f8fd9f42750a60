package io.reliably.engine.experiment;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Seconds to sleep around an activity. Each is a number or a {@code "${var}"} string resolved at run
 * time; {@code null} means no pause.
 */
public record Pauses(JsonNode before, JsonNode after) {

    public static final Pauses NONE = new Pauses(null, null);
}
