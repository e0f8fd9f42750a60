package io.reliably.engine.slo;

import java.util.List;

/**
 * One objective of an SLO. The {@code pass} and {@code warning} lists are OR-ed: one satisfied set is
 * enough.
 *
 * @param sli the indicator's name
 * @param displayName the name to show, or empty
 * @param keySli whether failing this objective fails the whole gate
 * @param weight its weight in the score (Keptn's default 1 when absent or 0)
 * @param pass the pass criteria sets; none makes the objective {@code info}
 * @param warning the warning criteria sets
 */
public record Objective(String sli, String displayName, boolean keySli, int weight,
        List<CriteriaSet> pass, List<CriteriaSet> warning) {

    public Objective {
        displayName = displayName == null ? "" : displayName;
        pass = List.copyOf(pass);
        warning = List.copyOf(warning);
    }

    /** An objective without pass criteria is only informational: measured, shown, never scored. */
    public boolean isInfo() {
        return pass.isEmpty();
    }

    /** The display name, or the indicator's name when there is none. */
    public String label() {
        return displayName.isEmpty() ? sli : displayName;
    }
}
