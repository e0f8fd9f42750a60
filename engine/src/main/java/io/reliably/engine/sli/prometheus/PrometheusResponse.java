package io.reliably.engine.sli.prometheus;

import com.fasterxml.jackson.databind.JsonNode;
import io.reliably.engine.sli.IndicatorException;
import io.reliably.engine.sli.ResponseReader;

/**
 * Reads an instant query's answer as Keptn's prometheus-service does: the first element of the
 * vector; an empty vector is {@code 0} (the behaviour of prometheus-service up to 0.7, which treats
 * "no series" as "nothing happened", e.g. no errors); a scalar is its value. NaN and infinities are
 * not numbers a gate can use, so they fail.
 */
public final class PrometheusResponse implements ResponseReader {

    @Override
    public double read(JsonNode response) throws IndicatorException {
        if (!"success".equals(response.path("status").asText())) {
            throw new IndicatorException("Prometheus answered status '" + response.path("status").asText()
                    + "': " + response.path("errorType").asText("") + " " + response.path("error").asText(""));
        }
        JsonNode data = response.path("data");
        String type = data.path("resultType").asText();
        JsonNode sample;
        switch (type) {
            case "vector" -> {
                JsonNode result = data.path("result");
                if (!result.isArray()) {
                    throw new IndicatorException("Prometheus answered a vector without a result list");
                }
                if (result.isEmpty()) {
                    return 0;
                }
                sample = result.get(0).path("value");
            }
            case "scalar" -> sample = data.path("result");
            default -> throw new IndicatorException("Prometheus answered a " + (type.isEmpty() ? "result without a type"
                    : type) + "; expected an instant vector or a scalar (query an instant value, not a range)");
        }
        JsonNode value = sample.path(1);
        if (!value.isTextual() && !value.isNumber()) {
            throw new IndicatorException("Prometheus answered a sample without a value: " + sample);
        }
        double number;
        try {
            number = Double.parseDouble(value.asText());
        } catch (NumberFormatException e) {
            throw new IndicatorException("Prometheus answered '" + value.asText() + "', not a number");
        }
        if (Double.isNaN(number) || Double.isInfinite(number)) {
            throw new IndicatorException("Prometheus answered " + value.asText()
                    + ", not a usable number (e.g. a division by zero in the query)");
        }
        return number;
    }
}
