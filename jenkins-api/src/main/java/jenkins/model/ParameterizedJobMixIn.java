package jenkins.model;

public abstract class ParameterizedJobMixIn {

    public ParameterizedJobMixIn() {
        throw new UnsupportedOperationException();
    }

    public static interface ParameterizedJob extends hudson.model.BuildableItem, jenkins.triggers.TriggeredItem {
    }
}
