package io.reliably.engine.run;

import io.reliably.engine.experiment.Activity;
import io.reliably.engine.journal.RunStatus;
import java.util.List;

/**
 * Plays the method as Chaos Toolkit's {@code run_method}: activities in order, background ones
 * handed to their pool; a failed activity is recorded and the method goes on; an unexpected error
 * aborts it; it stops early once the status is aborted, failed (fail-fast) or interrupted. It waits
 * for background activities before it ends.
 */
final class MethodRunner {

    private final List<Activity> method;
    private final ActivityExecutor executor;
    private final JournalBuilder journal;
    private final RunControl control;
    private final ListenerDispatcher listeners;
    private final ReliablyExtension extension;

    MethodRunner(List<Activity> method, ActivityExecutor executor, JournalBuilder journal, RunControl control,
            ListenerDispatcher listeners, ReliablyExtension extension) {
        this.method = method;
        this.executor = executor;
        this.journal = journal;
        this.control = control;
        this.listeners = listeners;
        this.extension = extension;
    }

    /** Plays the method; sets the status to aborted on an unexpected error. */
    void run() {
        listeners.notify("beforeMethod", l -> l.beforeMethod(listeners.context()));
        try (BackgroundActivities background = new BackgroundActivities(method, "method")) {
            try {
                for (Activity activity : method) {
                    if (Pause.stopApplies(control, Phase.METHOD) || journal.isTerminated()) {
                        break;
                    }
                    if (activity.background()) {
                        background.submit(() -> runInBackground(activity));
                    } else {
                        executor.execute(activity, Phase.METHOD, journal::startMethodActivity);
                    }
                }
            } catch (ActivityAbortedException e) {
                journal.status(RunStatus.ABORTED);
                extension.abort(e.run().name(), e.getCause());
            } finally {
                background.awaitAll(control);
            }
        }
        listeners.notify("afterMethod", l -> l.afterMethod(listeners.context(), journal.methodRuns()));
    }

    private void runInBackground(Activity activity) {
        try {
            executor.execute(activity, Phase.METHOD, journal::startMethodActivity);
        } catch (ActivityAbortedException e) {
            // Chaos Toolkit leaves a background activity's unexpected error in its future: the record
            // shows it failed (with the error), the status is untouched.
        }
    }
}
