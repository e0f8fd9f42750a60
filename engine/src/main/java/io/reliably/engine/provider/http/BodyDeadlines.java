package io.reliably.engine.provider.http;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Checks the bodies being received ({@link BodyWatch}) ten times a second on one daemon thread, which
 * runs only while there are bodies to watch and a few seconds after. A sweep rather than a timer per
 * exchange: scheduling and cancelling a timer wakes its thread on every request, which cost 0.07 ms per
 * activity on 2 CPUs; adding to a set costs nothing. So a timeout fires up to 0.1 s late. Thread-safe.
 */
final class BodyDeadlines {

    private static final long PERIOD_MILLIS = 100;
    private static final long LINGER_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final Set<BodyWatch> active = ConcurrentHashMap.newKeySet();
    private volatile boolean sweeping;

    void add(BodyWatch watch) {
        active.add(watch);
        if (!sweeping) {
            startSweeping();
        }
    }

    void remove(BodyWatch watch) {
        active.remove(watch);
    }

    private synchronized void startSweeping() {
        if (sweeping) {
            return;
        }
        sweeping = true;
        Thread sweeper = new Thread(this::sweep, "reliably-http-body-deadlines");
        sweeper.setDaemon(true);
        sweeper.start();
    }

    private void sweep() {
        long idleSince = System.nanoTime();
        while (true) {
            try {
                Thread.sleep(PERIOD_MILLIS);
            } catch (InterruptedException e) {
                sweeping = false;
                return;
            }
            long now = System.nanoTime();
            active.forEach(watch -> watch.check(now));
            if (!active.isEmpty()) {
                idleSince = now;
            } else if (now - idleSince > LINGER_NANOS && stopUnlessWatched()) {
                return;
            }
        }
    }

    /** Stops when nothing is watched; a watch added meanwhile keeps the sweep going. */
    private synchronized boolean stopUnlessWatched() {
        sweeping = false;
        if (active.isEmpty()) {
            return true;
        }
        sweeping = true;
        return false;
    }
}
