package io.reliably.engine.provider;

/**
 * An activity that ran and failed: a timeout, a connection error, a process that could not start.
 * Chaos Toolkit's {@code ActivityFailed}: recorded as the run's {@code failed} status, never
 * propagated out of the run.
 */
public class ActivityFailedException extends Exception {

    private static final long serialVersionUID = 1L;

    public ActivityFailedException(String message) {
        super(message);
    }

    public ActivityFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
