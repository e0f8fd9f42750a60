package io.reliably.engine.journal;

/** The journal's {@code status}, as Chaos Toolkit sets it. */
public enum RunStatus {
    COMPLETED("completed"),
    FAILED("failed"),
    ABORTED("aborted"),
    INTERRUPTED("interrupted");

    private final String json;

    RunStatus(String json) {
        this.json = json;
    }

    /** The word in the journal. */
    public String json() {
        return json;
    }
}
