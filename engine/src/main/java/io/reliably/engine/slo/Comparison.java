package io.reliably.engine.slo;

/**
 * The {@code comparison} block: which earlier results relative criteria compare with.
 *
 * @param compareWith {@code single_result}, {@code several_results}, or whatever the file said
 * @param includeResults which earlier overall results are eligible
 * @param numberOfComparisonResults the number the file asked for (or Keptn's default)
 * @param aggregation how the earlier values are folded into one
 */
public record Comparison(String compareWith, IncludeResults includeResults, int numberOfComparisonResults,
        Aggregation aggregation) {

    public static final String SINGLE_RESULT = "single_result";
    public static final String SEVERAL_RESULTS = "several_results";

    /** Keptn's comparison when the file has no {@code comparison} block: the last result, any score, avg. */
    public static Comparison keptnDefault() {
        return new Comparison(SINGLE_RESULT, IncludeResults.ALL, 1, Aggregation.AVG);
    }

    /**
     * How many earlier evaluations to compare with, as Keptn decides it: 1 for {@code single_result}
     * whatever the number says, the number for {@code several_results}, and 3 for anything else.
     */
    public int resultsToCompare() {
        if (SINGLE_RESULT.equals(compareWith)) {
            return 1;
        }
        if (SEVERAL_RESULTS.equals(compareWith)) {
            return numberOfComparisonResults;
        }
        return 3;
    }
}
