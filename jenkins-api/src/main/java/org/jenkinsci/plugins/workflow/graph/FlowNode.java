package org.jenkinsci.plugins.workflow.graph;

public abstract class FlowNode extends hudson.model.Actionable implements hudson.model.Saveable {

    protected FlowNode(org.jenkinsci.plugins.workflow.flow.FlowExecution exec, String id,
            java.util.List<FlowNode> parents) {
        throw new UnsupportedOperationException();
    }
}
