package io.jenkins.plugins.reliably.core;

import java.util.Optional;

/**
 * Checks one form field at a time, as the configuration page asks while the user types, with the
 * same rules and messages as the run's own validation.
 */
public final class FieldChecks {

    private FieldChecks() {
    }

    /** The problem with one {@code reliablyRun} field, or empty. */
    public static Optional<String> run(String field, String value) {
        RunOptions.Builder b = RunOptions.builder().experiment("experiment.json");
        switch (field) {
            case "journalPath" -> b.journalPath(value);
            case "rollbackStrategy" -> b.rollbackStrategy(value);
            case "hypothesisStrategy" -> b.hypothesisStrategy(value);
            case "dry" -> b.dry(value);
            case "deviatedResult" -> b.deviatedResult(value);
            default -> throw new IllegalArgumentException("no check for " + field);
        }
        return first(b.build().problems().stream().filter(p -> p.startsWith(field + ":")).findFirst());
    }

    /** The problem with one {@code reliablyGate} field, or empty. */
    public static Optional<String> gate(String field, String value) {
        GateOptions options = switch (field) {
            case "warningResult" -> new GateOptions("slo.yaml", null, null, false, null, value, null);
            case "failResult" -> new GateOptions("slo.yaml", null, null, false, null, null, value);
            default -> throw new IllegalArgumentException("no check for " + field);
        };
        return first(options.problems().stream().filter(p -> p.startsWith(field + ":")).findFirst());
    }

    /** The message without the field's name, which the form shows next to the field anyway. */
    private static Optional<String> first(Optional<String> problem) {
        return problem.map(p -> p.substring(p.indexOf(':') + 1).trim());
    }
}
