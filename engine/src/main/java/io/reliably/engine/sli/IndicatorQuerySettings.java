package io.reliably.engine.sli;

import java.time.Duration;

/**
 * How indicators are queried: every request's connect and read timeouts, and how many run at once.
 *
 * @param connectTimeout how long to wait for a connection (default 5 s)
 * @param readTimeout how long to wait for the whole answer once connected (default 30 s)
 * @param parallelism how many indicators are queried at the same time (default 10)
 */
public record IndicatorQuerySettings(Duration connectTimeout, Duration readTimeout, int parallelism) {

    public static final IndicatorQuerySettings DEFAULT =
            new IndicatorQuerySettings(Duration.ofSeconds(5), Duration.ofSeconds(30), 10);

    public IndicatorQuerySettings {
        if (connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("the connect timeout must be positive, not " + connectTimeout);
        }
        if (readTimeout.isNegative() || readTimeout.isZero()) {
            throw new IllegalArgumentException("the read timeout must be positive, not " + readTimeout);
        }
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, not " + parallelism);
        }
    }
}
