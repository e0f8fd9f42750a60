package hudson.tasks;

public abstract class Builder extends hudson.tasks.BuildStepCompatibilityLayer implements hudson.model.Describable<Builder>, hudson.ExtensionPoint {

    public Builder() {
        throw new UnsupportedOperationException();
    }
}
