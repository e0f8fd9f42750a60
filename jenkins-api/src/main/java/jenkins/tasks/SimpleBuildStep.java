package jenkins.tasks;

public interface SimpleBuildStep extends hudson.tasks.BuildStep {

    default void perform(hudson.model.Run<?, ?> run, hudson.FilePath workspace, hudson.EnvVars env,
            hudson.Launcher launcher, hudson.model.TaskListener listener) throws InterruptedException, java.io.IOException {
        throw new UnsupportedOperationException();
    }
}
