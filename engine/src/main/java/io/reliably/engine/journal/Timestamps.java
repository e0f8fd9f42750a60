package io.reliably.engine.journal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Journal timestamps as Chaos Toolkit writes them: Python's {@code datetime.now(UTC).isoformat()},
 * i.e. {@code 2024-05-01T12:34:56.123456+00:00}, microseconds, and no fraction at all when the
 * microseconds are zero (Python's own rule).
 */
public final class Timestamps {

    private static final DateTimeFormatter WITH_MICROS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'+00:00'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter WHOLE_SECONDS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'+00:00'").withZone(ZoneOffset.UTC);

    private Timestamps() {
    }

    /** Formats an instant, truncated to microseconds, as Python's {@code isoformat()} does. */
    public static String format(Instant instant) {
        Instant micros = instant.truncatedTo(ChronoUnit.MICROS);
        return micros.getNano() == 0 ? WHOLE_SECONDS.format(micros) : WITH_MICROS.format(micros);
    }

    /** Seconds between two instants at microsecond precision, as Python's {@code total_seconds()}. */
    public static double seconds(Instant start, Instant end) {
        long micros = ChronoUnit.MICROS.between(start.truncatedTo(ChronoUnit.MICROS),
                end.truncatedTo(ChronoUnit.MICROS));
        return micros / 1e6;
    }
}
