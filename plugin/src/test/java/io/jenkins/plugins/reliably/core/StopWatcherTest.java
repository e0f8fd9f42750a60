package io.jenkins.plugins.reliably.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.reliably.engine.run.RunControl;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** A stop asked on the controller reaches the run: graceful first, then immediate. */
class StopWatcherTest {

    /** The controller's side: the level the user's Aborts reached. */
    static final class Signal implements StopSource {
        final AtomicInteger level = new AtomicInteger();

        @Override
        public int level() {
            return level.get();
        }

        @Override
        public String reason() {
            return level.get() == 0 ? null : "build aborted";
        }
    }

    @Test
    void shouldStopGracefullyThenImmediately() throws InterruptedException {
        Signal signal = new Signal();
        RunControl control = new RunControl();
        try (StopWatcher watcher = StopWatcher.start(signal, control)) {
            Thread.sleep(200);
            assertThat(control.isStopRequested()).isFalse();

            signal.level.set(StopSource.GRACEFUL);
            await(control::isStopRequested);
            assertThat(control.isImmediate()).isFalse();
            assertThat(control.reason()).isEqualTo("build aborted");

            signal.level.set(StopSource.IMMEDIATE);
            await(control::isImmediate);
        }
    }

    @Test
    void shouldStopImmediatelyWhenTheControllerIsLost() throws InterruptedException {
        RunControl control = new RunControl();
        StopSource lost = new StopSource() {
            @Override
            public int level() {
                throw new IllegalStateException("channel closed");
            }

            @Override
            public String reason() {
                return null;
            }
        };
        try (StopWatcher watcher = StopWatcher.start(lost, control)) {
            await(control::isImmediate);
        }
        assertThat(control.reason()).isEqualTo("lost contact with the controller: channel closed");
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waited 20s").isBefore(deadline);
            Thread.sleep(50);
        }
    }
}
