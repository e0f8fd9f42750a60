package io.reliably.engine.run;

import io.reliably.engine.provider.Cancellation;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A sleep that a stop ends at once: {@code pauses.before/after} and the wait between continuous
 * hypothesis iterations. It registers with {@link RunControl} like an activity, so a graceful stop
 * does not cut short a pause inside the rollbacks but an immediate one does.
 */
final class Pause {

    private Pause() {
    }

    /**
     * Sleeps.
     *
     * @return {@code true} when the whole pause elapsed, {@code false} when a stop ended it
     */
    static boolean sleep(RunControl control, Phase phase, double seconds) {
        if (seconds <= 0) {
            return !stopApplies(control, phase);
        }
        Cancellation cancellation = control.track(phase);
        try {
            if (cancellation.isCancelled()) {
                return false;
            }
            CountDownLatch woken = new CountDownLatch(1);
            try (AutoCloseable registration = cancellation.onCancel(woken::countDown)) {
                return !woken.await((long) (seconds * 1_000_000_000L), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } catch (Exception e) {
                return !cancellation.isCancelled();
            }
        } finally {
            control.release(cancellation);
        }
    }

    /** Whether a stop already requested applies to work in this phase. */
    static boolean stopApplies(RunControl control, Phase phase) {
        return control.isStopRequested() && (phase != Phase.ROLLBACKS || control.isImmediate());
    }
}
