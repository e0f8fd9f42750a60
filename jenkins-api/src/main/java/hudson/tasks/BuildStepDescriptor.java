package hudson.tasks;

public abstract class BuildStepDescriptor<T extends hudson.tasks.BuildStep & hudson.model.Describable<T>> extends hudson.model.Descriptor<T> {

    protected BuildStepDescriptor() {
        throw new UnsupportedOperationException();
    }

    @SuppressWarnings("rawtypes")
    public abstract boolean isApplicable(Class<? extends hudson.model.AbstractProject> jobType);
}
