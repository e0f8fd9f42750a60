package io.reliably.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the times (RFC 3339) and durations ({@code 10m}, {@code 1h30m}, {@code 600s}) the commands take. */
final class TimeArguments {

    private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h|d)");

    private TimeArguments() {
    }

    /** An RFC 3339 time such as {@code 2024-05-01T12:00:00Z}, or empty when it is not one. */
    static Optional<Instant> time(String text) {
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** {@code 10m}, {@code 1h30m}, {@code 600s}, {@code 500ms}, {@code 2d}, or ISO 8601 {@code PT10M}; empty otherwise. */
    static Optional<Duration> duration(String text) {
        if (text.startsWith("P") || text.startsWith("p")) {
            try {
                return Optional.of(Duration.parse(text));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
        Matcher matcher = PART.matcher(text);
        Duration total = Duration.ZERO;
        int at = 0;
        while (matcher.find() && matcher.start() == at) {
            long amount = Long.parseLong(matcher.group(1));
            total = total.plus(switch (matcher.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            });
            at = matcher.end();
        }
        return at == text.length() && at > 0 ? Optional.of(total) : Optional.empty();
    }
}
