package org.jenkinsci.plugins.workflow.actions;

public interface PersistentAction extends hudson.model.Action {
}
