package io.reliably.engine.slo;

import java.util.Optional;

/**
 * An objective's indicator value as the gate saw it ({@code indicatorResults[].value}).
 *
 * @param metric the indicator's name
 * @param value the value (0 when it failed)
 * @param success whether the provider produced it
 * @param message the provider's message, or why there is no value
 * @param comparedValue the aggregate of earlier results it was compared with, or {@code null} when
 *     there were none
 */
public record MeasuredValue(String metric, double value, boolean success, String message, Double comparedValue) {

    public MeasuredValue {
        message = message == null ? "" : message;
    }

    public Optional<Double> compared() {
        return Optional.ofNullable(comparedValue);
    }
}
