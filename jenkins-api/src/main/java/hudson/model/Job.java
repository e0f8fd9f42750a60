package hudson.model;

public abstract class Job<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>> extends hudson.model.AbstractItem implements hudson.ExtensionPoint, org.kohsuke.stapler.StaplerOverridable, jenkins.model.ModelObjectWithChildren, jenkins.widgets.HasWidgets {

    protected Job(hudson.model.ItemGroup parent, String name) {
        super(parent, name);
        throw new UnsupportedOperationException();
    }

    public RunT getBuildByNumber(int n) {
        throw new UnsupportedOperationException();
    }

    public RunT getLastCompletedBuild() {
        throw new UnsupportedOperationException();
    }
}
