package org.jenkinsci.plugins.workflow.steps;

public abstract class StepDescriptor extends hudson.model.Descriptor<Step> {

    public StepDescriptor() {
        throw new UnsupportedOperationException();
    }

    public abstract String getFunctionName();

    public abstract java.util.Set<? extends Class<?>> getRequiredContext();
}
