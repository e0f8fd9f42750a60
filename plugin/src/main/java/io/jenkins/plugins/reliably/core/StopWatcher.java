package io.jenkins.plugins.reliably.core;

import io.reliably.engine.run.RunControl;

/**
 * Carries a {@link StopSource} into a {@link RunControl}: polls it twice a second on a daemon
 * thread, so a stop asked on the controller reaches the run on the agent. Losing the controller
 * (the source throws) stops the run immediately.
 */
final class StopWatcher implements AutoCloseable {

    private static final long POLL_MILLIS = 500;

    private final Thread thread;
    private volatile boolean closed;

    private StopWatcher(StopSource source, RunControl control) {
        thread = new Thread(() -> watch(source, control), "reliably stop watcher");
        thread.setDaemon(true);
    }

    static StopWatcher start(StopSource source, RunControl control) {
        StopWatcher watcher = new StopWatcher(source, control);
        watcher.thread.start();
        return watcher;
    }

    private void watch(StopSource source, RunControl control) {
        int applied = StopSource.NONE;
        while (!closed) {
            try {
                int level = source.level();
                if (level > applied) {
                    String reason = source.reason();
                    if (level >= StopSource.IMMEDIATE) {
                        control.stopImmediately(reason);
                    } else {
                        control.stopGracefully(reason);
                    }
                    applied = level;
                }
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (!closed) {
                    control.stopImmediately("lost contact with the controller: " + e.getMessage());
                }
                return;
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
    }
}
