package io.reliably.engine.slo;

import java.util.List;

/**
 * One objective's outcome ({@code indicatorResults[]} of Keptn's evaluation).
 *
 * @param score the points it earned: its weight on pass, half on warning, 0 otherwise
 * @param status pass, warning, fail or info
 * @param displayName the objective's display name, or empty
 * @param keySli whether it is a key objective
 * @param value the value judged
 * @param passTargets the pass criteria as evaluated, in file order
 * @param warningTargets the warning criteria as evaluated
 */
public record IndicatorResult(double score, ObjectiveStatus status, String displayName, boolean keySli,
        MeasuredValue value, List<Target> passTargets, List<Target> warningTargets) {

    public IndicatorResult {
        displayName = displayName == null ? "" : displayName;
        passTargets = List.copyOf(passTargets);
        warningTargets = List.copyOf(warningTargets);
    }

    /** The display name, or the indicator's name. */
    public String label() {
        return displayName.isEmpty() ? value.metric() : displayName;
    }
}
