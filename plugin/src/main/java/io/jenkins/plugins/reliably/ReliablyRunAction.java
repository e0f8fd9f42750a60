package io.jenkins.plugins.reliably;

import hudson.model.Run;
import io.jenkins.plugins.reliably.core.RunOutcome;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import jenkins.model.RunAction2;

/**
 * One experiment run of a build, shown on the build's page (summary) and at
 * {@code reliably-run-<n>/} (the journal). Keeps only the figures; the journal stays in a file of
 * the build's directory. A plain class with plain fields: Jenkins writes it into build.xml.
 */
public class ReliablyRunAction implements RunAction2 {

    private final int index;
    private final String title;
    private final String status;
    private final boolean deviated;
    private final String journalPath;
    private final int activities;
    private final int failedActivities;
    private final int rollbacks;
    private final int failedRollbacks;
    private final double duration;
    private transient Run<?, ?> run;

    ReliablyRunAction(int index, RunOutcome outcome) {
        this.index = index;
        this.title = outcome.title();
        this.status = outcome.status().json();
        this.deviated = outcome.deviated();
        this.journalPath = outcome.journalPath();
        this.activities = outcome.activities();
        this.failedActivities = outcome.failedActivities();
        this.rollbacks = outcome.rollbacks();
        this.failedRollbacks = outcome.failedRollbacks();
        this.duration = outcome.duration();
    }

    /** The plugin's own icon: Jenkins serves the .hpi's images at /plugin/reliably/. */
    static final String ICON = "/plugin/reliably/images/reliably.svg";

    @Override
    public String getIconFileName() {
        return ICON;
    }

    @Override
    public String getDisplayName() {
        return Messages.ReliablyRunAction_DisplayName(title);
    }

    @Override
    public String getUrlName() {
        return "reliably-run-" + index;
    }

    @Override
    public void onAttached(Run<?, ?> r) {
        this.run = r;
    }

    @Override
    public void onLoad(Run<?, ?> r) {
        this.run = r;
    }

    /** The build, for the page's side panel. */
    public Run<?, ?> getRun() {
        return run;
    }

    /** The journal, secrets masked, as the experiment wrote it; empty when the file is gone. */
    public String getJournal() {
        if (run == null) {
            return "";
        }
        File file = new File(run.getRootDir(), "reliably/journal-" + index + ".json");
        try {
            return Files.readString(file.toPath(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    public String getTitle() {
        return title;
    }

    public String getStatus() {
        return status;
    }

    public boolean isDeviated() {
        return deviated;
    }

    public String getJournalPath() {
        return journalPath;
    }

    public int getActivities() {
        return activities;
    }

    public int getFailedActivities() {
        return failedActivities;
    }

    public int getRollbacks() {
        return rollbacks;
    }

    public int getFailedRollbacks() {
        return failedRollbacks;
    }

    public double getDuration() {
        return duration;
    }
}
