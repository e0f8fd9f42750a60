package io.reliably.engine.run;

import io.reliably.engine.experiment.Activity;
import io.reliably.engine.journal.ActivityRun;
import io.reliably.engine.journal.HypothesisRun;
import io.reliably.engine.journal.Journal;
import java.util.List;

/**
 * The hook points of Chaos Toolkit controls, for integrations and the plugin. Each call happens on
 * the thread that runs that part (continuous hypothesis and background activities have their own).
 * A call may block: that is how a pause works (the plugin maps it to a Jenkins {@code input}). A call
 * may stop the run through {@link RunContext#control()}. A call that throws is recorded in the
 * journal's {@code reliably} extension and never breaks the run.
 */
public interface RunListener {

    default void beforeExperiment(RunContext context) { }

    default void afterExperiment(RunContext context, Journal journal) { }

    default void beforeHypothesis(RunContext context, Phase phase) { }

    default void afterHypothesis(RunContext context, Phase phase, HypothesisRun result) { }

    /** Each iteration of the continuous hypothesis, numbered from 1. */
    default void continuousHypothesisIteration(RunContext context, int iteration, HypothesisRun result) { }

    default void beforeMethod(RunContext context) { }

    default void afterMethod(RunContext context, List<ActivityRun> runs) { }

    default void beforeRollbacks(RunContext context) { }

    default void afterRollbacks(RunContext context, List<ActivityRun> runs) { }

    default void beforeActivity(RunContext context, Phase phase, Activity activity) { }

    default void afterActivity(RunContext context, Phase phase, ActivityRun run) { }

    /** The run was interrupted; called once, from the thread that noticed. */
    default void interrupted(RunContext context, String reason) { }
}
