package io.reliably.engine.sli;

/**
 * Why one indicator has no value (no connection, a timeout, an error status, no number in the
 * response). It becomes {@code success: false} with this message; it never stops the other indicators.
 */
public class IndicatorException extends Exception {

    private static final long serialVersionUID = 1L;

    public IndicatorException(String message) {
        super(message);
    }
}
