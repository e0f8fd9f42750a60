package io.reliably.engine.loader;

import java.util.List;
import java.util.stream.Collectors;

/**
 * An experiment (or its configuration, secrets or variables) that cannot run, with every problem
 * found in one pass. The message lists them one per line and never holds a secret value.
 */
public class InvalidExperimentException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient List<Problem> problems;

    /** @param problems at least one problem */
    public InvalidExperimentException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an invalid experiment needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, in document order. */
    public List<Problem> problems() {
        return problems;
    }
}
