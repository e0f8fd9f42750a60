package io.jenkins.plugins.reliably.core;

import java.util.List;

/**
 * The run could not start: invalid parameters, an experiment or variable file that is missing or
 * invalid, a secret that cannot be resolved. The message lists every problem, one per line, and is
 * what the user sees (no stack trace); it never holds a secret value.
 */
public class InvalidRunException extends Exception {

    private static final long serialVersionUID = 1L;

    public InvalidRunException(String message) {
        super(message);
    }

    public InvalidRunException(List<String> problems) {
        super(String.join("\n", problems));
    }
}
