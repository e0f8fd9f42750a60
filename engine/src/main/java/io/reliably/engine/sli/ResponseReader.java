package io.reliably.engine.sli;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads an indicator's number out of a metric store's JSON response. */
@FunctionalInterface
public interface ResponseReader {

    /** @throws IndicatorException when the response holds no usable number, saying why */
    double read(JsonNode response) throws IndicatorException;
}
