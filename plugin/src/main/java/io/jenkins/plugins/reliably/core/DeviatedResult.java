package io.jenkins.plugins.reliably.core;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** What a deviated experiment does to the build ({@code deviatedResult}); FAILURE unless told. */
public enum DeviatedResult {
    FAILURE(BuildOutcome.FAILURE),
    UNSTABLE(BuildOutcome.UNSTABLE),
    SUCCESS(BuildOutcome.UNCHANGED);

    /** The default, as {@code chaos run} exits 1 on a deviation. */
    public static final DeviatedResult DEFAULT = FAILURE;

    private final BuildOutcome outcome;

    DeviatedResult(BuildOutcome outcome) {
        this.outcome = outcome;
    }

    /** The effect on the build. */
    public BuildOutcome outcome() {
        return outcome;
    }

    /** Reads the parameter; blank means the default. */
    public static Optional<DeviatedResult> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.of(DEFAULT);
        }
        String wanted = text.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(v -> v.name().equals(wanted)).findFirst();
    }

    /** The accepted words, for error messages. */
    public static String choices() {
        return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
