package io.reliably.engine.run;

import io.reliably.engine.experiment.Activity;
import io.reliably.engine.journal.RunStatus;
import java.util.List;

/**
 * Decides whether the rollbacks play and plays them, as Chaos Toolkit's {@code run_rollback}: each
 * rollback runs even when an earlier one failed. A graceful stop lets them play per the strategy
 * (under {@code default} too, once the method started: our one deliberate difference); an immediate
 * stop skips them and cancels the one in progress.
 */
final class Rollbacks {

    private final List<Activity> rollbacks;
    private final ActivityExecutor executor;
    private final JournalBuilder journal;
    private final RunControl control;
    private final ListenerDispatcher listeners;

    Rollbacks(List<Activity> rollbacks, ActivityExecutor executor, JournalBuilder journal, RunControl control,
            ListenerDispatcher listeners) {
        this.rollbacks = rollbacks;
        this.executor = executor;
        this.journal = journal;
        this.control = control;
        this.listeners = listeners;
    }

    /**
     * Whether the rollbacks are due.
     *
     * @param strategy the rollback strategy
     * @param methodStarted whether the method started (a graceful stop before it leaves nothing to undo)
     */
    boolean due(RollbackStrategy strategy, boolean methodStarted) {
        if (control.isImmediate()) {
            return false;
        }
        return switch (strategy) {
            case ALWAYS -> true;
            case NEVER -> false;
            case DEVIATED -> journal.deviated();
            case DEFAULT -> control.isStopRequested() ? methodStarted : playsByDefault(journal.status());
        };
    }

    /** Chaos Toolkit's {@code default}: unless the status is failed or interrupted. */
    private static boolean playsByDefault(RunStatus status) {
        return status != RunStatus.FAILED && status != RunStatus.INTERRUPTED;
    }

    /** Plays every rollback, in order, background ones in their pool; waits for all. */
    void play() {
        listeners.notify("beforeRollbacks", l -> l.beforeRollbacks(listeners.context()));
        try (BackgroundActivities background = new BackgroundActivities(rollbacks, "rollbacks")) {
            for (Activity activity : rollbacks) {
                if (control.isImmediate()) {
                    break;
                }
                if (activity.background()) {
                    background.submit(() -> runOne(activity));
                } else {
                    runOne(activity);
                }
            }
            background.awaitAll(control);
        }
        listeners.notify("afterRollbacks", l -> l.afterRollbacks(listeners.context(), journal.rollbackRuns()));
    }

    private void runOne(Activity activity) {
        try {
            executor.execute(activity, Phase.ROLLBACKS, journal::startRollback);
        } catch (ActivityAbortedException e) {
            // recorded as failed; the remaining rollbacks still play
        }
    }
}
