package io.reliably.engine.provider.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;

/**
 * The {@code timeout} of an http provider, read as {@code requests} reads it: one number of seconds for
 * both the connection and the response, or a {@code [connect, read]} pair where either may be
 * {@code null}. Where Chaos Toolkit waits forever (no timeout) we use a generous default, because every
 * network call here has a bound.
 *
 * @param connect how long to wait for the connection
 * @param read how long to wait for the response once connected
 */
record HttpTimeout(Duration connect, Duration read) {

    /** Used when no connect timeout is given (Chaos Toolkit has none). */
    static final Duration DEFAULT_CONNECT = Duration.ofSeconds(30);
    /** Used when no read timeout is given (Chaos Toolkit has none). */
    static final Duration DEFAULT_READ = Duration.ofSeconds(300);

    static final HttpTimeout DEFAULT = new HttpTimeout(DEFAULT_CONNECT, DEFAULT_READ);

    /**
     * @throws IllegalArgumentException with a message naming what was expected
     */
    static HttpTimeout parse(JsonNode timeout) {
        if (timeout == null || timeout.isNull()) {
            return DEFAULT;
        }
        if (timeout.isNumber()) {
            Duration both = seconds(timeout, "timeout");
            return new HttpTimeout(both, both);
        }
        if (timeout.isArray() && timeout.size() == 2) {
            Duration connect = timeout.get(0).isNull() ? DEFAULT_CONNECT : seconds(timeout.get(0), "connect timeout");
            Duration read = timeout.get(1).isNull() ? DEFAULT_READ : seconds(timeout.get(1), "read timeout");
            return new HttpTimeout(connect, read);
        }
        throw new IllegalArgumentException(
                "timeout must be a number of seconds or a [connect, read] pair of numbers, got " + kind(timeout));
    }

    private static Duration seconds(JsonNode value, String what) {
        if (!value.isNumber()) {
            throw new IllegalArgumentException(what + " must be a number of seconds, got " + kind(value));
        }
        double seconds = value.doubleValue();
        if (!(seconds > 0) || Double.isInfinite(seconds)) {
            throw new IllegalArgumentException(what + " must be greater than 0, got " + value.asText());
        }
        long nanos = (long) Math.ceil(seconds * 1_000_000_000d);
        return Duration.ofNanos(Math.max(nanos, 1_000_000));
    }

    private static String kind(JsonNode value) {
        return value.isTextual() ? "the string \"" + value.textValue() + "\"" : value.getNodeType().name().toLowerCase();
    }

    /** Written for messages: {@code 1.5 s}. */
    static String describe(Duration duration) {
        double seconds = duration.toNanos() / 1e9;
        return (seconds == Math.rint(seconds) ? String.valueOf((long) seconds) : String.valueOf(seconds)) + " s";
    }
}
