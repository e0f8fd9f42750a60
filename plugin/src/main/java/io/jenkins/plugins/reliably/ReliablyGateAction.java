package io.jenkins.plugins.reliably;

import hudson.model.Run;
import jenkins.model.RunAction2;

/**
 * One gate of a build: its result and score on the build's page, its evaluation (Keptn's JSON) at
 * {@code reliably-gate-<n>/}, and what later builds compare with. Plain fields: Jenkins writes it
 * into build.xml.
 */
public class ReliablyGateAction implements RunAction2 {

    private final int index;
    private final String sloName;
    private final String result;
    private final double score;
    private final String evaluationJson;
    private transient Run<?, ?> run;

    ReliablyGateAction(int index, String sloName, String result, double score, String evaluationJson) {
        this.index = index;
        this.sloName = sloName;
        this.result = result;
        this.score = score;
        this.evaluationJson = evaluationJson;
    }

    /** The plugin's own icon: Jenkins serves the .hpi's images at /plugin/reliably/. */
    static final String ICON = "/plugin/reliably/images/reliably.svg";

    @Override
    public String getIconFileName() {
        return ICON;
    }

    @Override
    public String getDisplayName() {
        return Messages.ReliablyGateAction_DisplayName(sloName);
    }

    @Override
    public String getUrlName() {
        return "reliably-gate-" + index;
    }

    @Override
    public void onAttached(Run<?, ?> r) {
        this.run = r;
    }

    @Override
    public void onLoad(Run<?, ?> r) {
        this.run = r;
    }

    public Run<?, ?> getRun() {
        return run;
    }

    public String getSloName() {
        return sloName;
    }

    public String getResult() {
        return result;
    }

    public double getScore() {
        return score;
    }

    /** The evaluation in Keptn's shape. */
    public String getEvaluationJson() {
        return evaluationJson;
    }
}
