package io.reliably.engine.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.reliably.engine.journal.ActivityRun;
import io.reliably.engine.journal.HypothesisRun;
import io.reliably.engine.journal.Journal;
import io.reliably.engine.journal.RunStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects what a run did, from the run's thread, the continuous hypothesis and background
 * activities alike, then freezes it into a {@link Journal}. Activity records are placed in order of
 * start, as Chaos Toolkit appends them when an activity starts, and filled in when it ends.
 */
final class JournalBuilder {

    /** Where an activity's record goes; reserved when it starts, filled when it ends. */
    static final class Slot {
        private final ObjectNode activity;
        private final Instant start;
        private volatile ActivityRun run;

        private Slot(ObjectNode activity, Instant start) {
            this.activity = activity;
            this.start = start;
        }

        void fill(ActivityRun finished) {
            this.run = finished;
        }

        ActivityRun runOrUnfinished(Instant end) {
            ActivityRun finished = run;
            return finished != null ? finished
                    : new ActivityRun(activity, false, null,
                            List.of("io.reliably.engine.run.Unfinished: the run was stopped before this "
                                    + "activity ended\n"),
                            start, end.isBefore(start) ? start : end, null);
        }
    }

    private final String platform;
    private final String node;
    private final ObjectNode experiment;
    private final Instant start;
    private final List<Slot> run = new ArrayList<>();
    private final List<Slot> rollbacks = new ArrayList<>();
    private final List<HypothesisRun> during = new ArrayList<>();
    private RunStatus status;
    private boolean deviated;
    private HypothesisRun before;
    private HypothesisRun after;

    JournalBuilder(String platform, String node, ObjectNode experiment, Instant start) {
        this.platform = platform;
        this.node = node;
        this.experiment = experiment;
        this.start = start;
    }

    /** The journal's copy of the experiment; listeners' extensions go into it. */
    ObjectNode experiment() {
        return experiment;
    }

    synchronized RunStatus status() {
        return status;
    }

    synchronized void status(RunStatus newStatus) {
        this.status = newStatus;
    }

    /** Whether the status is one that ends the method early: aborted, failed or interrupted. */
    synchronized boolean isTerminated() {
        return status == RunStatus.ABORTED || status == RunStatus.FAILED || status == RunStatus.INTERRUPTED;
    }

    synchronized boolean deviated() {
        return deviated;
    }

    synchronized void deviated(boolean value) {
        this.deviated = value;
    }

    synchronized void before(HypothesisRun result) {
        this.before = result;
    }

    synchronized void after(HypothesisRun result) {
        this.after = result;
    }

    synchronized void during(HypothesisRun result) {
        during.add(result);
    }

    synchronized Slot startMethodActivity(ObjectNode activity, Instant started) {
        Slot slot = new Slot(activity, started);
        run.add(slot);
        return slot;
    }

    synchronized Slot startRollback(ObjectNode activity, Instant started) {
        Slot slot = new Slot(activity, started);
        rollbacks.add(slot);
        return slot;
    }

    synchronized List<ActivityRun> methodRuns() {
        return finished(run, Instant.now());
    }

    synchronized List<ActivityRun> rollbackRuns() {
        return finished(rollbacks, Instant.now());
    }

    /** Freezes the journal; a status never set becomes {@code completed}, as Chaos Toolkit forces it. */
    synchronized Journal build(String chaoslibVersion, Instant end, String interruption) {
        RunStatus finalStatus = status == null ? RunStatus.COMPLETED : status;
        return new Journal(chaoslibVersion, platform, node, experiment, start, end, finalStatus, deviated,
                before, after, during, finished(run, end), finished(rollbacks, end), interruption);
    }

    private static List<ActivityRun> finished(List<Slot> slots, Instant end) {
        List<ActivityRun> runs = new ArrayList<>(slots.size());
        for (Slot slot : slots) {
            runs.add(slot.runOrUnfinished(end));
        }
        return runs;
    }
}
