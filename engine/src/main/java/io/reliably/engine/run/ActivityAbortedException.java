package io.reliably.engine.run;

import io.reliably.engine.journal.ActivityRun;

/**
 * An activity ended with an error that is not an {@code ActivityFailed} (a bug, an unusable pause):
 * Chaos Toolkit aborts the run then. Carries the activity's record, already journaled as failed.
 */
final class ActivityAbortedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient ActivityRun run;

    ActivityAbortedException(ActivityRun run, Throwable cause) {
        super(cause.getMessage(), cause);
        this.run = run;
    }

    ActivityRun run() {
        return run;
    }
}
