package io.reliably.engine.journal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Journal timestamps as Chaos Toolkit writes them: Python's {@code datetime.now(UTC).isoformat()},
 * i.e. {@code 2024-05-01T12:34:56.123456+00:00}, microseconds, and no fraction at all when the
 * microseconds are zero (Python's own rule). Written digit by digit: a journal has two timestamps per
 * activity, and a {@code DateTimeFormatter} costs a short command-line run more than the rest of the
 * journal's bookkeeping.
 */
public final class Timestamps {

    private Timestamps() {
    }

    /** Formats an instant, truncated to microseconds, as Python's {@code isoformat()} does. */
    public static String format(Instant instant) {
        Instant micros = instant.truncatedTo(ChronoUnit.MICROS);
        LocalDateTime time = LocalDateTime.ofEpochSecond(micros.getEpochSecond(), micros.getNano(), ZoneOffset.UTC);
        StringBuilder text = new StringBuilder(32);
        digits(text, time.getYear(), 4).append('-');
        digits(text, time.getMonthValue(), 2).append('-');
        digits(text, time.getDayOfMonth(), 2).append('T');
        digits(text, time.getHour(), 2).append(':');
        digits(text, time.getMinute(), 2).append(':');
        digits(text, time.getSecond(), 2);
        if (micros.getNano() != 0) {
            digits(text.append('.'), micros.getNano() / 1000, 6);
        }
        return text.append("+00:00").toString();
    }

    /** The number, zero-padded on the left to the width. */
    private static StringBuilder digits(StringBuilder text, int value, int width) {
        String number = Integer.toString(value);
        for (int i = number.length(); i < width; i++) {
            text.append('0');
        }
        return text.append(number);
    }

    /** Seconds between two instants at microsecond precision, as Python's {@code total_seconds()}. */
    public static double seconds(Instant start, Instant end) {
        long micros = ChronoUnit.MICROS.between(start.truncatedTo(ChronoUnit.MICROS),
                end.truncatedTo(ChronoUnit.MICROS));
        return micros / 1e6;
    }
}
