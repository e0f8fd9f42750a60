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
    void shouldWriteEveryInstantAsTheIsoFormatterWould() {
        java.time.format.DateTimeFormatter iso = java.time.format.DateTimeFormatter
                .ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'+00:00'").withZone(java.time.ZoneOffset.UTC);
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 10_000; i++) {
            // from year 0001 to 9999, any microsecond
            Instant instant = Instant.ofEpochSecond(-62_135_596_800L + (long) (random.nextDouble() * 315_537_897_599L),
                    random.nextInt(1_000_000) * 1000L + 1000);
            assertThat(Timestamps.format(instant)).isEqualTo(iso.format(instant));
        }
        assertThat(Timestamps.format(Instant.parse("0999-01-02T03:04:05.000006Z")))
                .isEqualTo("0999-01-02T03:04:05.000006+00:00");
    }

    @Test
    void shouldCountSecondsAtMicrosecondPrecision() {
        assertThat(Timestamps.seconds(Instant.parse("2024-05-01T12:00:00.100000Z"),
                Instant.parse("2024-05-01T12:00:01.350000999Z"))).isEqualTo(1.25);
    }
}
