package org.jenkinsci.plugins.workflow.steps;

public class SynchronousResumeNotSupportedException extends java.lang.Exception {

    public SynchronousResumeNotSupportedException() {
        throw new UnsupportedOperationException();
    }
}
