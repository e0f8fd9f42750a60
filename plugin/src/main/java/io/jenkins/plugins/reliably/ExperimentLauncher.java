package io.jenkins.plugins.reliably;

import hudson.AbortException;
import hudson.CloseProofOutputStream;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.remoting.RemoteOutputStream;
import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.reliably.core.BoundSecrets;
import io.jenkins.plugins.reliably.core.ExperimentJob;
import io.jenkins.plugins.reliably.core.InvalidRunException;
import io.jenkins.plugins.reliably.core.RunOptions;
import io.jenkins.plugins.reliably.core.RunOutcome;
import io.reliably.engine.secret.SecretResolutionException;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jenkins.util.BuildListenerAdapter;

/**
 * What the Pipeline step and the freestyle build step share: resolve the bound credentials on the
 * controller, run the experiment where the workspace is (on the controller when there is none),
 * then keep the journal with the build (archived from the workspace, and a copy in the build's
 * directory that the build page reads).
 */
final class ExperimentLauncher {

    private final Run<?, ?> run;
    private final FilePath workspace;
    private final Launcher launcher;
    private final Map<String, String> environment;
    private final TaskListener listener;

    ExperimentLauncher(Run<?, ?> run, FilePath workspace, Launcher launcher, Map<String, String> environment,
            TaskListener listener) {
        this.run = run;
        this.workspace = workspace;
        this.launcher = launcher;
        this.environment = environment;
        this.listener = listener;
    }

    /**
     * Runs and records; blocks until the run, rollbacks included, is over.
     *
     * @throws AbortException for invalid input (every problem listed, no stack trace)
     */
    RunOutcome launch(RunOptions options, List<SecretBinding> secrets, StopSignal stop)
            throws IOException, InterruptedException {
        List<String> problems = new ArrayList<>(options.problems());
        problems.addAll(BoundSecrets.problems(secrets));
        if (!problems.isEmpty()) {
            throw new AbortException("reliablyRun: invalid parameters:\n" + String.join("\n", problems));
        }
        BoundSecrets bound;
        try {
            bound = BoundSecrets.resolve(secrets, new JenkinsCredentialValues(run));
        } catch (SecretResolutionException e) {
            throw new AbortException("reliablyRun: " + e.getMessage());
        }
        RunOutcome outcome;
        try {
            outcome = execute(new ExperimentJob(options, workspace == null ? null : workspace.getRemote(), environment, bound), stop);
        } catch (InvalidRunException e) {
            throw new AbortException("reliablyRun: " + e.getMessage());
        }
        record(outcome);
        return outcome;
    }

    private RunOutcome execute(ExperimentJob job, StopSignal stop) throws IOException, InterruptedException, InvalidRunException {
        VirtualChannel channel = workspace == null ? null : workspace.getChannel();
        if (channel == null && launcher != null) {
            channel = launcher.getChannel();
        }
        if (channel == null) {
            return job.run(listener.getLogger(), stop);
        }
        RemoteOutputStream console = new RemoteOutputStream(new CloseProofOutputStream(listener.getLogger()));
        return channel.call(new RemoteExperiment(job, console, channel.export(io.jenkins.plugins.reliably.core.StopSource.class, stop)));
    }

    private void record(RunOutcome outcome) throws IOException, InterruptedException {
        int index = run.getActions(ReliablyRunAction.class).size() + 1;
        File copy = new File(run.getRootDir(), "reliably/journal-" + index + ".json");
        Files.createDirectories(copy.getParentFile().toPath());
        Files.writeString(copy.toPath(), outcome.journalJson(), StandardCharsets.UTF_8);
        if (workspace != null && launcher != null) {
            run.pickArtifactManager().archive(workspace, launcher, BuildListenerAdapter.wrap(listener),
                    Map.of(outcome.journalPath(), outcome.journalPath()));
        }
        run.addAction(new ReliablyRunAction(index, outcome));
    }
}
