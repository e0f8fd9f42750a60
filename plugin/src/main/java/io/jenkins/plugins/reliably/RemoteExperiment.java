package io.jenkins.plugins.reliably;

import io.jenkins.plugins.reliably.core.ExperimentJob;
import io.jenkins.plugins.reliably.core.InvalidRunException;
import io.jenkins.plugins.reliably.core.RunOutcome;
import io.jenkins.plugins.reliably.core.StopSource;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import jenkins.security.MasterToSlaveCallable;

/**
 * Runs an experiment on the machine that holds the workspace (process providers must run there),
 * writing progress to the build's console and reading stops from the controller.
 */
final class RemoteExperiment extends MasterToSlaveCallable<RunOutcome, InvalidRunException> {

    private static final long serialVersionUID = 1L;

    private final ExperimentJob job;
    private final OutputStream console;
    private final StopSource stop;

    RemoteExperiment(ExperimentJob job, OutputStream console, StopSource stop) {
        this.job = job;
        this.console = console;
        this.stop = stop;
    }

    @Override
    public RunOutcome call() throws InvalidRunException {
        PrintStream out = new PrintStream(console, true, StandardCharsets.UTF_8);
        try {
            return job.run(out, stop);
        } finally {
            out.flush();
        }
    }
}
