package hudson.tasks;

public abstract class BuildStepCompatibilityLayer implements hudson.tasks.BuildStep {

    public BuildStepCompatibilityLayer() {
        throw new UnsupportedOperationException();
    }
}
