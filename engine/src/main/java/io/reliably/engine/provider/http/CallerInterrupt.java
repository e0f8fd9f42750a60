package io.reliably.engine.provider.http;

/**
 * Interrupts the thread making an HTTP exchange when the run is cancelled, and only while the exchange
 * is in progress: once disarmed it does nothing, and an interrupt it caused is cleared, so the flag
 * never leaks into the runner's thread.
 */
final class CallerInterrupt {

    private final Thread caller;
    private boolean armed = true;
    private boolean fired;

    CallerInterrupt(Thread caller) {
        this.caller = caller;
    }

    synchronized void fire() {
        if (armed) {
            fired = true;
            caller.interrupt();
        }
    }

    /** Called by the caller itself when the exchange is over. */
    synchronized void disarm() {
        armed = false;
        if (fired) {
            Thread.interrupted();
        }
    }
}
