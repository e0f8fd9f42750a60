package io.reliably.engine.sli;

import io.reliably.engine.sli.http.HttpQuery;

/**
 * One indicator with every placeholder resolved: either a request ready to send, or the reason it
 * could not be built (such as a body that is not JSON after substitution), which makes that indicator
 * fail without stopping the others.
 */
public sealed interface PreparedIndicator {

    /** The indicator's name, as reported in {@link IndicatorValue#metric()}. */
    String metric();

    /** A request and how to read its answer. */
    record Ready(String metric, HttpQuery request, ResponseReader reader) implements PreparedIndicator {
    }

    /** An indicator that fails before any request, with the reason. */
    record Failed(String metric, String message) implements PreparedIndicator {
    }
}
