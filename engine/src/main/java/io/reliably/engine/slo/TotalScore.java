package io.reliably.engine.slo;

import java.util.OptionalDouble;

/**
 * The {@code total_score} block: the percentages of the maximum score needed to pass and to warn.
 *
 * @param pass the pass percentage ({@code "90%"} reads as 90)
 * @param warning the warning percentage, if any
 */
public record TotalScore(double pass, OptionalDouble warning) {
}
