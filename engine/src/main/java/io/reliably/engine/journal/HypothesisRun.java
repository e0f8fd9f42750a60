package io.reliably.engine.journal;

import java.util.List;

/** One evaluation of the steady-state hypothesis: whether it was met, and each probe's run. */
public record HypothesisRun(boolean steadyStateMet, List<ActivityRun> probes) {

    public HypothesisRun {
        probes = List.copyOf(probes);
    }
}
