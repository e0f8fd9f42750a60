package io.jenkins.plugins.reliably.core;

import io.reliably.engine.journal.ActivityRun;
import io.reliably.engine.journal.Journal;
import io.reliably.engine.journal.RunStatus;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a run produced, sent back from the agent: the journal's status, the counts the build shows
 * and the journal's (masked) JSON. A plain class: the build keeps it.
 */
public final class RunOutcome implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String title;
    private final RunStatus status;
    private final boolean deviated;
    private final String journalPath;
    private final int activities;
    private final int failedActivities;
    private final int rollbacks;
    private final int failedRollbacks;
    private final double duration;
    private final String journalJson;

    public RunOutcome(String title, RunStatus status, boolean deviated, String journalPath, int activities,
            int failedActivities, int rollbacks, int failedRollbacks, double duration, String journalJson) {
        this.title = title;
        this.status = status;
        this.deviated = deviated;
        this.journalPath = journalPath;
        this.activities = activities;
        this.failedActivities = failedActivities;
        this.rollbacks = rollbacks;
        this.failedRollbacks = failedRollbacks;
        this.duration = duration;
        this.journalJson = journalJson;
    }

    /** Sums a journal up. */
    public static RunOutcome of(Journal journal, String journalPath, String journalJson) {
        return new RunOutcome(
                journal.experiment().path("title").asText(""),
                journal.status(),
                journal.deviated(),
                journalPath,
                journal.run().size(),
                failed(journal.run()),
                journal.rollbacks().size(),
                failed(journal.rollbacks()),
                journal.duration(),
                journalJson);
    }

    private static int failed(List<ActivityRun> runs) {
        return (int) runs.stream().filter(r -> !r.succeeded()).count();
    }

    /**
     * What {@code reliablyRun} returns to the script: {@code status}, {@code deviated},
     * {@code journalPath}, {@code result} and the counts. Only strings, booleans and numbers, so
     * Pipeline can keep it in its program state.
     *
     * @param outcome what the run did to the build
     */
    public Map<String, Object> toMap(BuildOutcome outcome) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("title", title);
        map.put("status", status.json());
        map.put("deviated", deviated);
        map.put("journalPath", journalPath);
        map.put("result", outcome.name());
        map.put("activities", activities);
        map.put("failedActivities", failedActivities);
        map.put("rollbacks", rollbacks);
        map.put("failedRollbacks", failedRollbacks);
        map.put("duration", duration);
        return map;
    }

    /** The line the console ends with. */
    public String summaryLine() {
        return String.format(java.util.Locale.ROOT,
                "[reliably] experiment '%s' %s%s in %.2fs: %d activities (%d failed), %d rollbacks (%d failed); journal %s",
                title, status.json(), deviated ? " and deviated" : "", duration, activities, failedActivities, rollbacks,
                failedRollbacks, journalPath);
    }

    public String title() {
        return title;
    }

    public RunStatus status() {
        return status;
    }

    public boolean deviated() {
        return deviated;
    }

    public String journalPath() {
        return journalPath;
    }

    public int activities() {
        return activities;
    }

    public int failedActivities() {
        return failedActivities;
    }

    public int rollbacks() {
        return rollbacks;
    }

    public int failedRollbacks() {
        return failedRollbacks;
    }

    public double duration() {
        return duration;
    }

    /** The journal as JSON, secrets masked. */
    public String journalJson() {
        return journalJson;
    }
}
