package io.reliably.engine.slo;

/** The outcome of one objective; {@code info} objectives are measured but never scored. */
public enum ObjectiveStatus {
    PASS("pass"),
    WARNING("warning"),
    FAIL("fail"),
    INFO("info");

    private final String keyword;

    ObjectiveStatus(String keyword) {
        this.keyword = keyword;
    }

    public String keyword() {
        return keyword;
    }

    /** Reads a status from an earlier evaluation; unknown values read as fail. */
    public static ObjectiveStatus of(String keyword) {
        for (ObjectiveStatus status : values()) {
            if (status.keyword.equalsIgnoreCase(keyword)) {
                return status;
            }
        }
        return FAIL;
    }
}
