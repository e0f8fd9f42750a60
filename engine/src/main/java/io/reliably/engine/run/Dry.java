package io.reliably.engine.run;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** {@code --dry}: which kind of activity is not executed. */
public enum Dry {
    PROBES,
    ACTIONS,
    ACTIVITIES,
    PAUSE;

    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Dry> parse(String text) {
        return Arrays.stream(values()).filter(s -> s.json().equals(text)).findFirst();
    }
}
