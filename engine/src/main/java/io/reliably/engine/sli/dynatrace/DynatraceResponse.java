package io.reliably.engine.sli.dynatrace;

import com.fasterxml.jackson.databind.JsonNode;
import io.reliably.engine.sli.IndicatorException;
import io.reliably.engine.sli.ResponseReader;

/** Reads Dynatrace API answers as dynatrace-service does. */
public final class DynatraceResponse implements ResponseReader {

    /** The unit conversion of an {@code MV2;} prefix (or the implicit one of service response time). */
    public enum Unit {
        NONE(1),
        /** Microseconds to milliseconds. */
        MICROSECOND(1000),
        /** Bytes to kilobytes. */
        BYTE(1024);

        private final double divisor;

        Unit(double divisor) {
            this.divisor = divisor;
        }
    }

    private enum Kind { METRIC, SLO, TOTAL_COUNT }

    private final Kind kind;
    private final Unit unit;

    private DynatraceResponse(Kind kind, Unit unit) {
        this.kind = kind;
        this.unit = unit;
    }

    static DynatraceResponse metric(Unit unit) {
        return new DynatraceResponse(Kind.METRIC, unit);
    }

    static DynatraceResponse slo() {
        return new DynatraceResponse(Kind.SLO, Unit.NONE);
    }

    static DynatraceResponse totalCount() {
        return new DynatraceResponse(Kind.TOTAL_COUNT, Unit.NONE);
    }

    @Override
    public double read(JsonNode response) throws IndicatorException {
        return switch (kind) {
            case SLO -> number(response.get("evaluatedPercentage"), "the SLO's evaluatedPercentage");
            case TOTAL_COUNT -> number(response.get("totalCount"), "totalCount");
            case METRIC -> metric(response);
        };
    }

    private double metric(JsonNode response) throws IndicatorException {
        JsonNode results = response.path("result");
        if (!results.isArray() || results.isEmpty()) {
            throw new IndicatorException("Dynatrace Metrics API returned no result for the metricSelector");
        }
        JsonNode result = results.get(0);
        JsonNode data = result.path("data");
        if (!data.isArray() || data.size() != 1) {
            throw new IndicatorException("Dynatrace Metrics API returned " + (data.isArray() ? data.size() : 0)
                    + " series for " + result.path("metricId").asText("the metric")
                    + ", expected 1; merge the dimensions, e.g. with :splitBy() or :merge(\"dt.entity.service\")");
        }
        JsonNode values = data.get(0).path("values");
        if (!values.isArray() || values.isEmpty()) {
            throw new IndicatorException("Dynatrace Metrics API returned no data point in the window for "
                    + result.path("metricId").asText("the metric"));
        }
        return number(values.get(0), "the data point of " + result.path("metricId").asText("the metric")) / unit.divisor;
    }

    private static double number(JsonNode node, String what) throws IndicatorException {
        if (node == null || node.isNull()) {
            throw new IndicatorException("Dynatrace returned no value for " + what);
        }
        if (!node.isNumber()) {
            throw new IndicatorException("Dynatrace returned " + node + " for " + what + ", not a number");
        }
        double value = node.doubleValue();
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IndicatorException("Dynatrace returned " + value + " for " + what);
        }
        return value;
    }
}
