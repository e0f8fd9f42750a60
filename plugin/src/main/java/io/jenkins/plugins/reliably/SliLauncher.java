package io.jenkins.plugins.reliably;

import hudson.AbortException;
import hudson.CloseProofOutputStream;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.remoting.RemoteOutputStream;
import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.reliably.core.InvalidRunException;
import io.jenkins.plugins.reliably.core.SliOptions;
import io.jenkins.plugins.reliably.core.SliQuery;
import io.reliably.engine.secret.SecretResolutionException;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the Pipeline step and the freestyle build step share for {@code querySli}: resolve the
 * credential on the controller, query where the workspace is, record the values on the build.
 */
final class SliLauncher {

    private final Run<?, ?> run;
    private final FilePath workspace;
    private final TaskListener listener;

    SliLauncher(Run<?, ?> run, FilePath workspace, TaskListener listener) {
        this.run = run;
        this.workspace = workspace;
        this.listener = listener;
    }

    List<Map<String, Object>> query(SliOptions options, String credentialsId) throws IOException, InterruptedException {
        List<String> problems = options.problems();
        if (!problems.isEmpty()) {
            throw new AbortException("querySli: invalid parameters:\n" + String.join("\n", problems));
        }
        Map<String, String> secret = Map.of();
        if (credentialsId != null && !credentialsId.isBlank()) {
            try {
                secret = new JenkinsCredentialValues(run).secretKeys(credentialsId.trim());
            } catch (SecretResolutionException e) {
                throw new AbortException("querySli: credentialsId: " + e.getMessage());
            }
        }
        SliOptions.Window window = options.window(Instant.ofEpochMilli(run.getStartTimeInMillis()), Instant.now());
        SliQuery query = new SliQuery(options, workspace == null ? null : workspace.getRemote(), window,
                run.getExternalizableId(), secret);
        List<Map<String, Object>> values;
        try {
            VirtualChannel channel = workspace == null ? null : workspace.getChannel();
            if (channel == null) {
                values = query.run(listener.getLogger());
            } else {
                values = channel.call(new RemoteSliQuery(query,
                        new RemoteOutputStream(new CloseProofOutputStream(listener.getLogger()))));
            }
        } catch (InvalidRunException e) {
            throw new AbortException("querySli: " + e.getMessage());
        }
        int index = run.getActions(ReliablyIndicatorsAction.class).size() + 1;
        run.addAction(new ReliablyIndicatorsAction(index, window.start().toString(), window.end().toString(), values));
        return new ArrayList<>(values);
    }
}
