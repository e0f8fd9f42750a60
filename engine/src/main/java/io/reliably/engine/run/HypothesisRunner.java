package io.reliably.engine.run;

import io.reliably.engine.experiment.Activity;
import io.reliably.engine.experiment.Hypothesis;
import io.reliably.engine.journal.ActivityRun;
import io.reliably.engine.journal.HypothesisRun;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Checks the steady-state hypothesis as Chaos Toolkit's {@code run_steady_state_hypothesis} does: the
 * probes run in order and the first that fails or misses its tolerance ends the check, unmet; the
 * remaining probes do not run. A stop also ends it, unmet.
 */
final class HypothesisRunner {

    private final Hypothesis hypothesis;
    private final ActivityExecutor executor;
    private final RunControl control;
    private final ListenerDispatcher listeners;

    HypothesisRunner(Hypothesis hypothesis, ActivityExecutor executor, RunControl control,
            ListenerDispatcher listeners) {
        this.hypothesis = hypothesis;
        this.executor = executor;
        this.control = control;
        this.listeners = listeners;
    }

    /** Whether there is a hypothesis to check: one with at least one probe. */
    boolean exists() {
        return hypothesis != null && !hypothesis.probes().isEmpty();
    }

    /**
     * Checks the hypothesis once.
     *
     * @param phase before, during or after the method
     * @param record where the result goes, even when a probe aborts the run
     * @return the result
     * @throws ActivityAbortedException when a probe ended in an unexpected error
     */
    HypothesisRun run(Phase phase, Consumer<HypothesisRun> record) {
        listeners.notify("beforeHypothesis", l -> l.beforeHypothesis(listeners.context(), phase));
        List<ActivityRun> probes = new ArrayList<>(hypothesis.probes().size());
        boolean met = true;
        ActivityAbortedException aborted = null;
        for (Activity probe : hypothesis.probes()) {
            if (Pause.stopApplies(control, phase)) {
                met = false;
                break;
            }
            ActivityRun run;
            try {
                run = executor.execute(probe, phase, ActivityExecutor.Placement.NONE);
            } catch (ActivityAbortedException e) {
                probes.add(e.run());
                met = false;
                aborted = e;
                break;
            }
            if (run == null) {
                met = false;
                break;
            }
            probes.add(run);
            if (!run.succeeded() || !Boolean.TRUE.equals(run.toleranceMet())) {
                met = false;
                break;
            }
        }
        HypothesisRun result = new HypothesisRun(met, probes);
        record.accept(result);
        listeners.notify("afterHypothesis", l -> l.afterHypothesis(listeners.context(), phase, result));
        if (aborted != null) {
            throw aborted;
        }
        return result;
    }

    /** Whether a probe errored rather than missed its tolerance: the status is then {@code failed}. */
    static boolean anyProbeFailed(HypothesisRun result) {
        return result.probes().stream().anyMatch(p -> !p.succeeded());
    }
}
