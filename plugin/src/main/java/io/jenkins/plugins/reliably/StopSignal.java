package io.jenkins.plugins.reliably;

import io.jenkins.plugins.reliably.core.StopSource;

/**
 * The user's Abort, on the controller: the first asks a graceful stop, the next an immediate one.
 * Exported over the agent's channel so the run there can read it.
 */
final class StopSignal implements StopSource {

    private int level = NONE;
    private String reason;

    /** Goes one step further; returns the new level. */
    synchronized int escalate(String why) {
        if (level < IMMEDIATE) {
            level++;
        }
        if (reason == null) {
            reason = why;
        }
        return level;
    }

    @Override
    public synchronized int level() {
        return level;
    }

    @Override
    public synchronized String reason() {
        return reason;
    }
}
