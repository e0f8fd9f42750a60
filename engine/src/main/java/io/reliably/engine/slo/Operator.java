package io.reliably.engine.slo;

/** The comparison operators of a Keptn criterion, longest first so {@code <=} wins over {@code <}. */
public enum Operator {
    LESS_OR_EQUAL("<="),
    LESS("<"),
    EQUAL("="),
    GREATER_OR_EQUAL(">="),
    GREATER(">");

    private final String symbol;

    Operator(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    /** Whether {@code measured <op> target} holds; exact equality for {@code =}, as Keptn compares. */
    public boolean holds(double measured, double target) {
        return switch (this) {
            case LESS_OR_EQUAL -> measured <= target;
            case LESS -> measured < target;
            case EQUAL -> measured == target;
            case GREATER_OR_EQUAL -> measured >= target;
            case GREATER -> measured > target;
        };
    }
}
