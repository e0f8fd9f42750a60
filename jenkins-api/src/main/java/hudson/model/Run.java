package hudson.model;

public abstract class Run<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>> extends hudson.model.Actionable implements hudson.ExtensionPoint, java.lang.Comparable<RunT>, hudson.security.AccessControlled, hudson.model.PersistenceRoot, hudson.model.DescriptorByNameOwner, jenkins.util.io.OnMaster, org.kohsuke.stapler.StaplerProxy, jenkins.model.HistoricalBuild, jenkins.console.WithConsoleUrl {

    protected Run(JobT job) {
        throw new UnsupportedOperationException();
    }

    public int getNumber() {
        throw new UnsupportedOperationException();
    }

    public JobT getParent() {
        throw new UnsupportedOperationException();
    }

    public hudson.model.Result getResult() {
        throw new UnsupportedOperationException();
    }

    public void setResult(hudson.model.Result r) {
        throw new UnsupportedOperationException();
    }

    public java.io.File getRootDir() {
        throw new UnsupportedOperationException();
    }

    public final jenkins.model.ArtifactManager pickArtifactManager() throws java.io.IOException {
        throw new UnsupportedOperationException();
    }

    public String getExternalizableId() {
        throw new UnsupportedOperationException();
    }

    public RunT getPreviousBuild() {
        throw new UnsupportedOperationException();
    }

    public final long getStartTimeInMillis() {
        throw new UnsupportedOperationException();
    }
}
