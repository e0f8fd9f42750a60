package io.reliably.engine.run;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** When the steady-state hypothesis is checked ({@code chaoslib/types.py}, {@code Strategy}). */
public enum HypothesisStrategy {
    DEFAULT,
    BEFORE_METHOD_ONLY,
    AFTER_METHOD_ONLY,
    DURING_METHOD_ONLY,
    CONTINUOUSLY,
    SKIP;

    /** The word users write: {@code before-method-only}. */
    public String json() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Reads a strategy as users write it; Chaos Toolkit's misspelling {@code continously} too. */
    public static Optional<HypothesisStrategy> parse(String text) {
        if ("continously".equals(text)) {
            return Optional.of(CONTINUOUSLY);
        }
        return Arrays.stream(values()).filter(s -> s.json().equals(text)).findFirst();
    }
}
