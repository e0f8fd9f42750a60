package io.reliably.engine.sli;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The time frame indicators are measured over, as Keptn's {@code get-sli} start and end. Iter8's
 * {@code $elapsedTime} and Keptn's {@code $DURATION_SECONDS} are both derived from it.
 *
 * @param start the window's start (inclusive)
 * @param end the window's end; Prometheus is queried as an instant query at this time
 */
public record QueryWindow(Instant start, Instant end) {

    public QueryWindow {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("the window's start " + start + " is not before its end " + end);
        }
    }

    /** The window ending at {@code end} and lasting {@code duration}. */
    public static QueryWindow ending(Instant end, Duration duration) {
        return new QueryWindow(end.minus(duration), end);
    }

    /** Whole seconds, rounded up, as prometheus-service computes {@code $DURATION_SECONDS}. */
    public long durationSeconds() {
        Duration length = Duration.between(start, end);
        return length.getSeconds() + (length.getNano() > 0 ? 1 : 0);
    }

    /** Iter8's {@code $elapsedTime}: whole seconds, rounded down, at least 1. */
    public long elapsedSeconds() {
        return Math.max(1, Duration.between(start, end).getSeconds());
    }
}
