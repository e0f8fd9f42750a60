package io.reliably.engine.sli;

import java.util.List;
import java.util.stream.Collectors;

/** Indicator definitions that cannot be used; lists every problem, one per line. Never holds a secret. */
public class InvalidSliException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient List<SliProblem> problems;

    public InvalidSliException(List<SliProblem> problems) {
        super(problems.stream().map(SliProblem::toString).collect(Collectors.joining(System.lineSeparator())));
        this.problems = List.copyOf(problems);
    }

    public InvalidSliException(SliProblem problem) {
        this(List.of(problem));
    }

    public List<SliProblem> problems() {
        return problems;
    }
}
