package jenkins.model;

public abstract class ArtifactManager {

    public ArtifactManager() {
        throw new UnsupportedOperationException();
    }

    public abstract void archive(hudson.FilePath workspace, hudson.Launcher launcher, hudson.model.BuildListener listener,
            java.util.Map<String, String> artifacts) throws java.io.IOException, InterruptedException;
}
