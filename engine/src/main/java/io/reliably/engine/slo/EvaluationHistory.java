package io.reliably.engine.slo;

import java.util.List;

/**
 * Earlier evaluations, newest first, and the two ways a gate picks what to compare with: Keptn's last
 * N eligible results, or one pinned reference.
 *
 * @param source where the history came from, for messages
 * @param newestFirst the evaluations, newest first
 */
public record EvaluationHistory(String source, List<Evaluation> newestFirst) {

    public EvaluationHistory {
        newestFirst = List.copyOf(newestFirst);
    }

    public static EvaluationHistory empty() {
        return new EvaluationHistory("no history", List.of());
    }

    /**
     * Keptn's selection: the newest evaluations whose overall result {@code include_result_with_score}
     * allows, at most as many as {@code compare_with} and {@code number_of_comparison_results} say.
     */
    public ComparisonBasis select(Comparison comparison) {
        int wanted = comparison.resultsToCompare();
        return new ComparisonBasis(newestFirst.stream()
                .filter(e -> comparison.includeResults().includes(e.result()))
                .limit(wanted)
                .toList());
    }

    /**
     * The pinned reference: the one evaluation with this id, whatever its result.
     *
     * @throws InvalidSloException naming the history and the ids it has, when there is none
     */
    public ComparisonBasis reference(String id) throws InvalidSloException {
        for (Evaluation evaluation : newestFirst) {
            if (id.equals(evaluation.id())) {
                return new ComparisonBasis(List.of(evaluation));
            }
        }
        List<String> ids = newestFirst.stream().map(Evaluation::id).limit(10).toList();
        throw new InvalidSloException(new SloProblem(source, "",
                "no evaluation with id '" + id + "' to use as the reference; expected one of "
                        + (ids.isEmpty() ? "(the history is empty)" : String.join(", ", ids)
                                + (newestFirst.size() > ids.size() ? ", ..." : ""))));
    }
}
