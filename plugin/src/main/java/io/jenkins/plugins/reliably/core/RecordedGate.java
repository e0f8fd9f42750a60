package io.jenkins.plugins.reliably.core;

import java.io.Serializable;

/**
 * A gate an earlier build recorded: which build, which SLO, and its evaluation as Keptn's JSON.
 * A plain class: it comes from what Jenkins keeps with each build.
 */
public final class RecordedGate implements Serializable {

    private static final long serialVersionUID = 1L;

    private final int buildNumber;
    private final String sloName;
    private final String evaluationJson;

    public RecordedGate(int buildNumber, String sloName, String evaluationJson) {
        this.buildNumber = buildNumber;
        this.sloName = sloName;
        this.evaluationJson = evaluationJson;
    }

    public int buildNumber() {
        return buildNumber;
    }

    public String sloName() {
        return sloName;
    }

    public String evaluationJson() {
        return evaluationJson;
    }
}
