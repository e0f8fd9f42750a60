package io.reliably.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class ProgressListenerTest {

    @Test
    void shouldWriteDurationsAsPrintfWould() {
        double[] durations = {0, 0.0004, 0.0005, 0.001, 0.0123, 0.9999, 1, 1.5, 12.3456, 123.4567, 9999.9994, 123456.789};
        for (double duration : durations) {
            assertThat(ProgressListener.seconds(new StringBuilder(), duration).toString())
                    .as("%s", duration)
                    .isEqualTo(String.format(Locale.ROOT, "%7.3f", duration));
        }
    }

    @Test
    void shouldPadTextAsPrintfWould() {
        for (String text : new String[] {"", "probe", "a name longer than the column it is written in"}) {
            assertThat(ProgressListener.padded(new StringBuilder(), text, 19).toString())
                    .isEqualTo(String.format(Locale.ROOT, "%-19s", text));
        }
    }
}
