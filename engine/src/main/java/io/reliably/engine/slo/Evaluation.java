package io.reliably.engine.slo;

import java.time.Instant;
import java.util.List;

/**
 * The outcome of a gate, in the shape of Keptn's evaluation ({@code evaluation.finished}): also what
 * the history keeps, so the next gate can compare with it.
 *
 * @param id this evaluation's id (what {@code comparedEvents} and {@code --reference} name)
 * @param result pass, warning or fail
 * @param score the total score in percent of the maximum
 * @param comparedEvents the ids of the earlier evaluations relative criteria compared with
 * @param indicatorResults one per objective, in SLO order
 * @param message why it did not pass, and which indicators had no objective; may be empty
 * @param timeStart the measured window's start, or {@code null}
 * @param timeEnd its end, or {@code null}
 * @param evaluatedAt when the gate ran, or {@code null} when unknown (older files)
 */
public record Evaluation(String id, GateResult result, double score, List<String> comparedEvents,
        List<IndicatorResult> indicatorResults, String message, String timeStart, String timeEnd,
        Instant evaluatedAt) {

    public Evaluation {
        comparedEvents = List.copyOf(comparedEvents);
        indicatorResults = List.copyOf(indicatorResults);
        message = message == null ? "" : message;
    }
}
