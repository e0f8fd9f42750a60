package io.reliably.engine.run;

import io.reliably.engine.provider.Cancellation;
import java.util.ArrayList;
import java.util.List;

/**
 * Stops a run from another thread: a user's Abort, a safeguard, a signal. A graceful stop cancels
 * the activity in progress at once and lets the rollbacks play per the strategy; an immediate stop
 * also cancels the rollbacks. Chaos Toolkit's SIGUSR1 and SIGUSR2 ({@code chaoslib/exit.py}).
 */
public final class RunControl {

    private final List<Entry> active = new ArrayList<>();
    private String reason;
    private boolean immediate;

    private record Entry(Phase phase, Cancellation cancellation) { }

    /** Stops the run; rollbacks play per the strategy. Later calls keep the first reason. */
    public void stopGracefully(String why) {
        stop(why, false);
    }

    /** Stops the run and skips the rollbacks, cancelling one in progress. */
    public void stopImmediately(String why) {
        stop(why, true);
    }

    private void stop(String why, boolean now) {
        List<Cancellation> toCancel = new ArrayList<>();
        String message;
        synchronized (this) {
            if (reason == null) {
                reason = why == null || why.isBlank() ? "stopped" : why;
            }
            immediate |= now;
            message = reason;
            for (Entry entry : active) {
                if (immediate || entry.phase() != Phase.ROLLBACKS) {
                    toCancel.add(entry.cancellation());
                }
            }
        }
        toCancel.forEach(c -> c.cancel(message));
    }

    /** Whether a stop was requested. */
    public synchronized boolean isStopRequested() {
        return reason != null;
    }

    /** Whether the stop asked to skip rollbacks. */
    public synchronized boolean isImmediate() {
        return immediate;
    }

    /** Why the run was stopped, or {@code null}. */
    public synchronized String reason() {
        return reason;
    }

    /**
     * A cancellation for one activity about to run in this phase, already cancelled when a stop
     * applies to it. Release it with {@link #release(Cancellation)} when the activity ends.
     */
    public Cancellation track(Phase phase) {
        Cancellation cancellation = new Cancellation();
        String cancelWith = null;
        synchronized (this) {
            if (reason != null && (immediate || phase != Phase.ROLLBACKS)) {
                cancelWith = reason;
            } else {
                active.add(new Entry(phase, cancellation));
            }
        }
        if (cancelWith != null) {
            cancellation.cancel(cancelWith);
        }
        return cancellation;
    }

    /** Forgets a cancellation once its activity ended. */
    public synchronized void release(Cancellation cancellation) {
        active.removeIf(e -> e.cancellation() == cancellation);
    }
}
