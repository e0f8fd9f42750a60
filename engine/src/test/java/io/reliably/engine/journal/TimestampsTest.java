package io.reliably.engine.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Timestamps as Python's {@code datetime.now(UTC).isoformat()} writes them. */
class TimestampsTest {

    @Test
    void shouldWriteMicrosecondsAndTheUtcOffset() {
        assertThat(Timestamps.format(Instant.parse("2024-05-01T12:34:56.123456789Z")))
                .isEqualTo("2024-05-01T12:34:56.123456+00:00");
    }

    @Test
    void shouldKeepLeadingZerosOfTheFraction() {
        assertThat(Timestamps.format(Instant.parse("2024-05-01T12:34:56.000120Z")))
                .isEqualTo("2024-05-01T12:34:56.000120+00:00");
    }

    @Test
    void shouldLeaveTheFractionOutWhenItIsZeroAsPythonDoes() {
        assertThat(Timestamps.format(Instant.parse("2024-05-01T12:34:56.000000400Z")))
                .isEqualTo("2024-05-01T12:34:56+00:00");
    }

    @Test
    void shouldCountSecondsAtMicrosecondPrecision() {
        assertThat(Timestamps.seconds(Instant.parse("2024-05-01T12:00:00.100000Z"),
                Instant.parse("2024-05-01T12:00:01.350000999Z"))).isEqualTo(1.25);
    }
}
