package org.jenkinsci.plugins.workflow.graph;

public interface GraphLookupView {
}
