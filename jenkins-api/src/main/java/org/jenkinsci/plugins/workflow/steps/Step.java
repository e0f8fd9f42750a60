package org.jenkinsci.plugins.workflow.steps;

public abstract class Step extends hudson.model.AbstractDescribableImpl<Step> implements hudson.ExtensionPoint {

    public Step() {
        throw new UnsupportedOperationException();
    }

    public abstract org.jenkinsci.plugins.workflow.steps.StepExecution start(org.jenkinsci.plugins.workflow.steps.StepContext context) throws Exception;

    @Override
    public org.jenkinsci.plugins.workflow.steps.StepDescriptor getDescriptor() {
        throw new UnsupportedOperationException();
    }
}
