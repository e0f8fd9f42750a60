package io.reliably.engine.slo;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One criterion string of an objective, parsed as Keptn's lighthouse parses it
 * ({@code parseCriteriaString}): an operator, then an absolute threshold ({@code <600}), a relative
 * change in percent ({@code <=+10%}, {@code >=-5%}) or a relative absolute delta ({@code <=+50},
 * {@code >-2}). A {@code %} always makes it relative; a sign without {@code %} makes it relative too.
 *
 * @param text the criterion as written in the file
 * @param operator the comparison
 * @param amount the number after the operator and sign
 * @param relative whether the target is derived from earlier results
 * @param percentage whether {@code amount} is a percentage of the earlier results' aggregate
 * @param increase whether the target lies above the aggregate ({@code +} or a bare {@code %})
 */
public record Criterion(String text, Operator operator, double amount, boolean relative,
        boolean percentage, boolean increase) {

    /** Keptn's own pre-check, kept so the same strings are accepted or refused. */
    private static final Pattern KEPTN_SHAPE = Pattern.compile("^([<|<=|=|>|>=]{1,2})([+|-]?\\d*\\.?\\d*)(%?)");
    /** What Go's {@code strconv.ParseFloat} accepts for a plain decimal; NaN and infinities are refused. */
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    /**
     * Parses a criterion string.
     *
     * @throws IllegalArgumentException with what was expected, when the string is not a criterion
     */
    public static Criterion parse(String text) {
        String rest = WHITESPACE.matcher(text).replaceAll("");
        if (!KEPTN_SHAPE.matcher(rest).lookingAt()) {
            throw new IllegalArgumentException(unexpected(text,
                    "it must start with one of the operators <, <=, =, >=, >"));
        }
        Operator operator = null;
        for (Operator candidate : Operator.values()) {
            if (rest.startsWith(candidate.symbol())) {
                operator = candidate;
                rest = rest.substring(candidate.symbol().length());
                break;
            }
        }
        if (operator == null) {
            throw new IllegalArgumentException(unexpected(text,
                    "it must start with one of the operators <, <=, =, >=, >"));
        }
        boolean relative = false;
        boolean percentage = false;
        boolean increase = false;
        if (rest.endsWith("%")) {
            percentage = true;
            relative = true;
            increase = true;
            rest = rest.substring(0, rest.length() - 1);
        }
        if (rest.startsWith("-")) {
            relative = true;
            increase = false;
            rest = rest.substring(1);
        } else if (rest.startsWith("+")) {
            relative = true;
            increase = true;
            rest = rest.substring(1);
        }
        if (!NUMBER.matcher(rest).matches()) {
            throw new IllegalArgumentException(unexpected(text,
                    "after the operator " + operator.symbol() + " comes a number, optionally signed (+/-) "
                            + "and/or followed by %, but found '" + rest + "'"));
        }
        return new Criterion(text, operator, Double.parseDouble(rest), relative, percentage, increase);
    }

    private static String unexpected(String text, String why) {
        return "'" + text + "' is not a criterion: " + why
                + " (expected e.g. \"<600\", \"<=+10%\", \">=-5%\", \"<=+50\")";
    }

    /**
     * The value this criterion compares with: the threshold itself, or for a relative criterion the
     * aggregate of earlier results moved by the amount. Empty when relative and nothing to compare with.
     */
    public Optional<Double> target(Optional<Double> aggregate) {
        if (!relative) {
            return Optional.of(amount);
        }
        return aggregate.map(this::relativeTo);
    }

    private double relativeTo(double aggregate) {
        if (percentage) {
            return increase ? aggregate * (100.0 + amount) / 100.0 : aggregate * (100.0 - amount) / 100.0;
        }
        return increase ? aggregate + amount : aggregate - amount;
    }

    /**
     * Whether a successful measurement meets this criterion. A relative criterion without any earlier
     * value passes, as in Keptn.
     */
    public boolean isMetBy(double measured, Optional<Double> aggregate) {
        return target(aggregate).map(target -> operator.holds(measured, target)).orElse(true);
    }
}
