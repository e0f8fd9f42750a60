package io.reliably.engine.run;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** When rollbacks play ({@code chaoslib/rollback.py}, {@code run_rollback}). */
public enum RollbackStrategy {
    /** Unless the status is failed or interrupted. */
    DEFAULT,
    /** Always. */
    ALWAYS,
    /** Never. */
    NEVER,
    /** Only when the hypothesis after the method deviated. */
    DEVIATED;

    /** The word users write. */
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads a strategy as users write it. */
    public static Optional<RollbackStrategy> parse(String text) {
        return Arrays.stream(values()).filter(s -> s.json().equals(text)).findFirst();
    }
}
