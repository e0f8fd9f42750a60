package io.reliably.engine.provider;

import java.util.ArrayList;
import java.util.List;

/**
 * Lets a stop requested from another thread reach the call in progress at once: a provider registers
 * what cancels its work (abort the HTTP exchange, destroy the process tree) and the runner fires it.
 * Thread-safe; a callback registered after cancellation runs immediately.
 */
public final class Cancellation {

    private final List<Runnable> callbacks = new ArrayList<>();
    private String reason;

    /** Whether cancellation was requested. */
    public synchronized boolean isCancelled() {
        return reason != null;
    }

    /** Why it was cancelled, or {@code null}. */
    public synchronized String reason() {
        return reason;
    }

    /**
     * Registers work to run on cancellation.
     *
     * @return a handle that unregisters it; close it when the call is over
     */
    public AutoCloseable onCancel(Runnable callback) {
        synchronized (this) {
            if (reason == null) {
                callbacks.add(callback);
                return () -> {
                    synchronized (this) {
                        callbacks.remove(callback);
                    }
                };
            }
        }
        callback.run();
        return () -> { };
    }

    /** Cancels: runs every registered callback once. Later calls do nothing. */
    public void cancel(String why) {
        List<Runnable> toRun;
        synchronized (this) {
            if (reason != null) {
                return;
            }
            reason = why == null ? "cancelled" : why;
            toRun = List.copyOf(callbacks);
            callbacks.clear();
        }
        toRun.forEach(Runnable::run);
    }
}
