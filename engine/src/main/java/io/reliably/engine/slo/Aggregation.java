package io.reliably.engine.slo;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * How the earlier results of one indicator are folded into the value a relative criterion compares
 * with ({@code comparison.aggregate_function}).
 */
public enum Aggregation {
    AVG("avg", 0),
    P50("p50", 0.5),
    P90("p90", 0.9),
    P95("p95", 0.95);

    private final String keyword;
    private final double quantile;

    Aggregation(String keyword, double quantile) {
        this.keyword = keyword;
        this.quantile = quantile;
    }

    public String keyword() {
        return keyword;
    }

    /** The aggregation named in the file, case-insensitively; empty when unknown. */
    public static Optional<Aggregation> of(String keyword) {
        String wanted = keyword.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(a -> a.keyword.equals(wanted)).findFirst();
    }

    /** The aggregate of the values, or empty when there are none (then relative criteria pass). */
    public Optional<Double> apply(double[] values) {
        if (values.length == 0) {
            return Optional.empty();
        }
        return Optional.of(this == AVG ? average(values) : percentile(values, quantile));
    }

    private static double average(double[] values) {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return sum / values.length;
    }

    /**
     * Keptn's percentile: sort, take the position {@code p × (n + 1)} (1-based), clamp it to the first
     * and last value, and interpolate linearly between its two neighbours. For 0..10 and p90 the
     * position is 10.8, between 9 and 10, giving 9.8.
     */
    static double percentile(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int size = sorted.length;
        double position = p * (size + 1);
        if (position < 1.0) {
            return sorted[0];
        }
        if (position >= size) {
            return sorted[size - 1];
        }
        int whole = (int) position;
        double lower = sorted[whole - 1];
        double upper = sorted[whole];
        return lower + (position - Math.floor(position)) * (upper - lower);
    }
}
