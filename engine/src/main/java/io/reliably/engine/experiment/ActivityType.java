package io.reliably.engine.experiment;

/** What an activity is: a probe observes, an action changes the system. */
public enum ActivityType {
    PROBE("probe"),
    ACTION("action");

    private final String json;

    ActivityType(String json) {
        this.json = json;
    }

    /** The word used in the experiment and journal. */
    public String json() {
        return json;
    }
}
