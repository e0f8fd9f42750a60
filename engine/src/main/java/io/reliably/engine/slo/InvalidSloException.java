package io.reliably.engine.slo;

import java.util.List;
import java.util.stream.Collectors;

/** Bad gate input (SLO, indicator values or history): every problem found, one per line. */
public class InvalidSloException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient List<SloProblem> problems;

    public InvalidSloException(List<SloProblem> problems) {
        super(problems.stream().map(SloProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public InvalidSloException(SloProblem problem) {
        this(List.of(problem));
    }

    public List<SloProblem> problems() {
        return problems;
    }
}
