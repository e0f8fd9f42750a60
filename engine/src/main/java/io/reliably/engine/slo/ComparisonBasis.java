package io.reliably.engine.slo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The earlier evaluations a gate compares with, indexed by indicator so that each objective finds its
 * earlier values without scanning every result again.
 */
public final class ComparisonBasis {

    private static final double[] NONE = new double[0];

    private final List<Evaluation> evaluations;
    private final Map<String, double[]> successfulValues;

    public ComparisonBasis(List<Evaluation> evaluations) {
        this.evaluations = List.copyOf(evaluations);
        Map<String, List<Double>> byMetric = new HashMap<>();
        for (Evaluation evaluation : this.evaluations) {
            for (IndicatorResult result : evaluation.indicatorResults()) {
                MeasuredValue value = result.value();
                if (value != null && value.success()) {
                    byMetric.computeIfAbsent(value.metric(), m -> new ArrayList<>()).add(value.value());
                }
            }
        }
        Map<String, double[]> index = new HashMap<>();
        byMetric.forEach((metric, values) -> index.put(metric, values.stream().mapToDouble(Double::doubleValue).toArray()));
        this.successfulValues = index;
    }

    /** Nothing to compare with: every relative criterion passes. */
    public static ComparisonBasis none() {
        return new ComparisonBasis(List.of());
    }

    public List<Evaluation> evaluations() {
        return evaluations;
    }

    /** The ids written to {@code comparedEvents}. */
    public List<String> ids() {
        return evaluations.stream().map(Evaluation::id).toList();
    }

    /**
     * The successful earlier values of one indicator, newest evaluation first. Failed earlier values are
     * left out, as Keptn leaves them out.
     */
    public double[] successfulValues(String metric) {
        return successfulValues.getOrDefault(metric, NONE);
    }
}
