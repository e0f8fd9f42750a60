package hudson.model;

public abstract class AbstractProject<P extends AbstractProject<P, R>, R extends Run<P, R>> extends hudson.model.Job<P, R> implements hudson.model.BuildableItem, jenkins.model.lazy.LazyBuildMixIn.LazyLoadingJob, jenkins.model.ParameterizedJobMixIn.ParameterizedJob {

    protected AbstractProject(hudson.model.ItemGroup parent, String name) {
        super(parent, name);
        throw new UnsupportedOperationException();
    }
}
