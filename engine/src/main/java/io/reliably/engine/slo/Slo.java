package io.reliably.engine.slo;

import java.util.List;
import java.util.Map;

/**
 * A Keptn {@code slo.yaml}, validated and with Keptn's defaults applied.
 *
 * @param file the file it came from, for messages
 * @param specVersion the {@code spec_version} as written, or empty
 * @param filter the {@code filter} keys (placeholders for SLI queries)
 * @param comparison the comparison with earlier results
 * @param objectives the objectives, in file order
 * @param totalScore the pass and warning percentages
 */
public record Slo(String file, String specVersion, Map<String, String> filter, Comparison comparison,
        List<Objective> objectives, TotalScore totalScore) {

    public Slo {
        filter = Map.copyOf(filter);
        objectives = List.copyOf(objectives);
    }
}
