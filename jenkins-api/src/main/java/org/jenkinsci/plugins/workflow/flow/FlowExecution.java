package org.jenkinsci.plugins.workflow.flow;

public abstract class FlowExecution implements org.jenkinsci.plugins.workflow.graph.FlowActionStorage, org.jenkinsci.plugins.workflow.graph.GraphLookupView {

    public FlowExecution() {
        throw new UnsupportedOperationException();
    }
}
