package io.reliably.engine.sli;

/**
 * One indicator's value, in Keptn's shape ({@code indicatorValues[]} of a
 * {@code sh.keptn.event.get-sli.finished} event): what the SLI query produced and the gate reads.
 *
 * @param metric the indicator's name
 * @param value the value; {@code 0} when it failed, as Keptn writes it
 * @param success whether the query produced a number
 * @param message why it failed, or empty
 */
public record IndicatorValue(String metric, double value, boolean success, String message) {

    public IndicatorValue {
        message = message == null ? "" : message;
    }

    /** A successful value. */
    public static IndicatorValue of(String metric, double value) {
        return new IndicatorValue(metric, value, true, "");
    }

    /** A failed query, with the reason. */
    public static IndicatorValue failed(String metric, String message) {
        return new IndicatorValue(metric, 0, false, message);
    }
}
