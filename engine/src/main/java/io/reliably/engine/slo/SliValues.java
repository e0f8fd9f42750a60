package io.reliably.engine.slo;

import io.reliably.engine.sli.IndicatorValue;
import java.util.List;
import java.util.Optional;

/**
 * What the gate is given to judge: the indicator values, and whether the SLI provider as a whole
 * failed (Keptn's {@code get-sli.finished} with {@code result: fail} or {@code status: errored}),
 * which fails the gate whatever the scores (keptn#6096, #7190).
 *
 * @param indicators the values, in the provider's order
 * @param providerFailure why the provider failed, or {@code null} when it did not
 * @param timeStart the start of the measured window as given (RFC 3339), or {@code null}
 * @param timeEnd its end, or {@code null}
 */
public record SliValues(List<IndicatorValue> indicators, String providerFailure, String timeStart, String timeEnd) {

    public SliValues {
        indicators = List.copyOf(indicators);
    }

    /** Values from a provider that worked. */
    public static SliValues of(List<IndicatorValue> indicators) {
        return new SliValues(indicators, null, null, null);
    }

    /** Values from a provider that failed, with its reason. */
    public static SliValues providerFailed(String reason, List<IndicatorValue> indicators) {
        return new SliValues(indicators, reason == null || reason.isBlank() ? "SLI provider failed" : reason, null, null);
    }

    /** The same values with the measured window. */
    public SliValues during(String start, String end) {
        return new SliValues(indicators, providerFailure, start, end);
    }

    public Optional<String> failure() {
        return Optional.ofNullable(providerFailure);
    }

    /** The first value the provider returned for this indicator, as Keptn looks it up. */
    public Optional<IndicatorValue> find(String metric) {
        for (IndicatorValue value : indicators) {
            if (value.metric().equals(metric)) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }
}
