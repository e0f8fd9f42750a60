package io.jenkins.plugins.reliably.core;

import io.reliably.engine.slo.ComparisonBasis;
import io.reliably.engine.slo.Evaluation;
import io.reliably.engine.slo.EvaluationHistory;
import io.reliably.engine.slo.EvaluationJson;
import io.reliably.engine.slo.InvalidSloException;
import io.reliably.engine.slo.Slo;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Which earlier gates a gate compares with: the gates of the same SLO recorded by earlier builds of
 * the job, newest first, filtered as the SLO's {@code comparison} says (Keptn's
 * {@code include_result_with_score} and {@code number_of_comparison_results}), or the one gate of a
 * pinned {@code referenceBuild} whatever its result.
 */
public final class GateHistorySelection {

    private final EvaluationJson json = new EvaluationJson();

    /**
     * @param sloName the SLO this gate judges: only gates of the same SLO are compared
     * @param earlierNewestFirst the gates earlier builds recorded, newest build first
     * @param referenceBuild the pinned build's number, or {@code null}
     * @throws InvalidRunException when the pinned build has no gate of this SLO, or a recorded
     *     evaluation cannot be read
     */
    public ComparisonBasis select(Slo slo, String sloName, List<RecordedGate> earlierNewestFirst, Integer referenceBuild)
            throws InvalidRunException {
        List<RecordedGate> sameSlo = earlierNewestFirst.stream().filter(g -> g.sloName().equals(sloName)).toList();
        if (referenceBuild != null) {
            for (RecordedGate gate : sameSlo) {
                if (gate.buildNumber() == referenceBuild) {
                    return new ComparisonBasis(List.of(read(gate)));
                }
            }
            String builds = sameSlo.stream().map(g -> "#" + g.buildNumber()).distinct().limit(10)
                    .collect(Collectors.joining(", "));
            throw new InvalidRunException("referenceBuild: build #" + referenceBuild + " recorded no gate of " + sloName
                    + "; expected one of " + (builds.isEmpty() ? "(no earlier build has one)" : builds));
        }
        List<Evaluation> evaluations = new ArrayList<>();
        for (RecordedGate gate : sameSlo) {
            evaluations.add(read(gate));
        }
        return new EvaluationHistory("earlier builds", evaluations).select(slo.comparison());
    }

    private Evaluation read(RecordedGate gate) throws InvalidRunException {
        try {
            return json.read("build #" + gate.buildNumber(), gate.evaluationJson());
        } catch (InvalidSloException e) {
            throw new InvalidRunException("the gate recorded by build #" + gate.buildNumber() + " cannot be read: "
                    + e.getMessage());
        }
    }
}
