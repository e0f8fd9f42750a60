package io.reliably.engine.run;

import io.reliably.engine.experiment.Activity;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The pool for a list's {@code background} activities, as Chaos Toolkit's
 * {@code get_background_pools}: as many threads as there are background activities, created only
 * when there is one. The list goes on without waiting for them; {@link #awaitAll} waits at its end.
 */
final class BackgroundActivities implements AutoCloseable {

    /** How long to wait for background activities after an immediate stop cancelled them. */
    private static final long IMMEDIATE_GRACE_NANOS = TimeUnit.SECONDS.toNanos(2);

    private final int size;
    private final String name;
    private final List<Future<?>> futures = new ArrayList<>();
    private ExecutorService pool;

    BackgroundActivities(List<Activity> activities, String name) {
        this.size = (int) activities.stream().filter(Activity::background).count();
        this.name = name;
    }

    void submit(Runnable work) {
        if (pool == null) {
            AtomicInteger count = new AtomicInteger();
            pool = Executors.newFixedThreadPool(Math.max(1, size), runnable -> {
                Thread thread = new Thread(runnable, "reliably-" + name + "-background-" + count.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
        }
        futures.add(pool.submit(work));
    }

    /**
     * Waits for every background activity. A stop cancels them through their own cancellation; after
     * an immediate stop the wait is cut short (Chaos Toolkit does not wait for them either then).
     */
    void awaitAll(RunControl control) {
        long immediateSince = 0;
        for (Future<?> future : futures) {
            while (!future.isDone()) {
                if (control.isImmediate()) {
                    long now = System.nanoTime();
                    if (immediateSince == 0) {
                        immediateSince = now;
                    } else if (now - immediateSince > IMMEDIATE_GRACE_NANOS) {
                        return;
                    }
                }
                try {
                    future.get(100, TimeUnit.MILLISECONDS);
                } catch (TimeoutException | ExecutionException e) {
                    // done or still running: the loop decides
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
