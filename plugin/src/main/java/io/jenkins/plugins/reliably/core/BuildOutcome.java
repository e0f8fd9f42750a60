package io.jenkins.plugins.reliably.core;

import io.reliably.engine.journal.RunStatus;
import java.util.Locale;
import java.util.Optional;

/**
 * What a step's outcome does to the build, named after Jenkins' results but free of Jenkins so the
 * mapping is tested without it. {@link #UNCHANGED} leaves the build's result as it is.
 */
public enum BuildOutcome {
    UNCHANGED,
    UNSTABLE,
    FAILURE,
    ABORTED;

    /**
     * The experiment's effect on the build: completed and not deviated leaves it unchanged, a
     * deviation gives {@code deviatedResult}, a failed run fails the build, a run the user stopped
     * aborts it and a run stopped for any other reason (a safeguard, an agent lost) fails it.
     *
     * @param stoppedByUser whether the build was aborted while the experiment ran
     */
    public static BuildOutcome ofExperiment(RunStatus status, boolean deviated, DeviatedResult deviatedResult,
            boolean stoppedByUser) {
        if (stoppedByUser) {
            return ABORTED;
        }
        return switch (status) {
            case COMPLETED -> deviated ? deviatedResult.outcome() : UNCHANGED;
            case FAILED, ABORTED, INTERRUPTED -> FAILURE;
        };
    }

    /** Reads a result name as Jenkins writes it ({@code SUCCESS}, {@code UNSTABLE}, {@code FAILURE}). */
    static Optional<BuildOutcome> parseResult(String text) {
        if (text == null) {
            return Optional.empty();
        }
        return switch (text.trim().toUpperCase(Locale.ROOT)) {
            case "SUCCESS" -> Optional.of(UNCHANGED);
            case "UNSTABLE" -> Optional.of(UNSTABLE);
            case "FAILURE" -> Optional.of(FAILURE);
            default -> Optional.empty();
        };
    }
}
