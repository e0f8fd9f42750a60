package io.reliably.engine.journal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;

/**
 * What a run did, in the shape of Chaos Toolkit's {@code journal.json} (formats.md §1.5). Our own
 * additions go under {@code experiment.extensions}.
 *
 * @param experiment the experiment as run (title substituted, secrets masked, extensions filled)
 * @param before the hypothesis before the method, or {@code null} when it did not run
 * @param after the hypothesis after the method, or {@code null}
 * @param during the continuous hypothesis iterations
 * @param run the method's activity runs, in order of start
 * @param rollbacks the rollbacks' runs
 * @param interruption why the run was interrupted, or {@code null}
 */
public record Journal(
        String chaoslibVersion,
        String platform,
        String node,
        ObjectNode experiment,
        Instant start,
        Instant end,
        RunStatus status,
        boolean deviated,
        HypothesisRun before,
        HypothesisRun after,
        List<HypothesisRun> during,
        List<ActivityRun> run,
        List<ActivityRun> rollbacks,
        String interruption) {

    public Journal {
        during = List.copyOf(during);
        run = List.copyOf(run);
        rollbacks = List.copyOf(rollbacks);
    }

    /** Seconds between start and end. */
    public double duration() {
        return java.time.Duration.between(start, end).toNanos() / 1e9;
    }

    /** Whether {@code chaos run} would exit 0: completed and not deviated. */
    public boolean isSuccessful() {
        return status == RunStatus.COMPLETED && !deviated;
    }
}
