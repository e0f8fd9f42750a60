package org.jenkinsci.plugins.workflow.actions;

public class WarningAction implements org.jenkinsci.plugins.workflow.actions.PersistentAction {

    public WarningAction(hudson.model.Result result) {
        throw new UnsupportedOperationException();
    }

    public WarningAction withMessage(String message) {
        throw new UnsupportedOperationException();
    }

    @Override
    public String getIconFileName() {
        throw new UnsupportedOperationException();
    }

    @Override
    public String getDisplayName() {
        throw new UnsupportedOperationException();
    }

    @Override
    public String getUrlName() {
        throw new UnsupportedOperationException();
    }
}
