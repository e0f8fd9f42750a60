package org.jenkinsci.plugins.workflow.steps;

public abstract class StepContext implements com.google.common.util.concurrent.FutureCallback<Object>, java.io.Serializable {

    private static final long serialVersionUID = 1L;

    public StepContext() {
        throw new UnsupportedOperationException();
    }

    public abstract <T> T get(Class<T> key) throws java.io.IOException, InterruptedException;

    public abstract void onSuccess(Object result);
}
