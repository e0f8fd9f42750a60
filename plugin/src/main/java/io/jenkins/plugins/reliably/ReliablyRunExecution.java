package io.jenkins.plugins.reliably;

import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.reliably.core.BuildOutcome;
import io.jenkins.plugins.reliably.core.RunOptions;
import io.jenkins.plugins.reliably.core.RunOutcome;
import java.util.List;
import java.util.Map;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jenkinsci.plugins.workflow.steps.SynchronousResumeNotSupportedException;

/**
 * Runs {@code reliablyRun} on a thread of its own. Not a (Synchronous|General)NonBlockingStepExecution:
 * those end the step as soon as the build is aborted, while the rollbacks still run. Here
 * {@link #stop(Throwable)} asks the run to stop (gracefully, then immediately on the next Abort) and
 * the step ends only when the run, rollbacks included, is over.
 */
public class ReliablyRunExecution extends StepExecution {

    private static final long serialVersionUID = 1L;

    private final transient RunOptions options;
    private final transient List<SecretBinding> secrets;
    private transient StopSignal signal;
    private transient Thread worker;
    private transient TaskListener listener;
    private transient volatile Throwable stopCause;

    ReliablyRunExecution(StepContext context, RunOptions options, List<SecretBinding> secrets) {
        super(context);
        this.options = options;
        this.secrets = secrets;
    }

    @Override
    public boolean start() throws Exception {
        StepContext context = getContext();
        Run<?, ?> run = context.get(Run.class);
        listener = context.get(TaskListener.class);
        FilePath workspace = context.get(FilePath.class);
        Launcher launcher = context.get(Launcher.class);
        EnvVars environment = context.get(EnvVars.class);
        FlowNode node = context.get(FlowNode.class);
        signal = new StopSignal();
        ExperimentLauncher experiment = new ExperimentLauncher(run, workspace, launcher,
                environment == null ? Map.of() : environment, listener);
        worker = new Thread(() -> work(run, node, experiment), "reliablyRun " + run.getExternalizableId());
        worker.setDaemon(true);
        worker.start();
        return false;
    }

    private void work(Run<?, ?> run, FlowNode node, ExperimentLauncher experiment) {
        try {
            RunOutcome outcome = experiment.launch(options, secrets, signal);
            if (stopCause != null) {
                getContext().onFailure(stopCause);
                return;
            }
            BuildOutcome effect = BuildOutcome.ofExperiment(outcome.status(), outcome.deviated(),
                    options.deviatedResultOrDefault(), false);
            BuildResults.apply(run, node, effect, Messages.ReliablyRunStep_Outcome(outcome.title(), outcome.status().json(),
                    outcome.deviated()));
            getContext().onSuccess(outcome.toMap(effect));
        } catch (Throwable t) {
            getContext().onFailure(stopCause != null ? stopCause : t);
        }
    }

    /** The first call stops gracefully (rollbacks per the strategy), the next stops now. */
    @Override
    public void stop(Throwable cause) throws Exception {
        if (stopCause == null) {
            stopCause = cause;
        }
        if (worker == null || !worker.isAlive()) {
            getContext().onFailure(cause);
            return;
        }
        int level = signal.escalate("build aborted: " + cause.getMessage());
        if (listener != null) {
            listener.getLogger().println(level == 1 ? Messages.ReliablyRunExecution_StoppingGracefully()
                    : Messages.ReliablyRunExecution_StoppingNow());
        }
    }

    /** Whether a run is in progress: Jenkins waits for it before a restart. */
    @Override
    public boolean blocksRestart() {
        return worker != null && worker.isAlive();
    }

    /** A run cannot survive a restart of the controller: the step fails then. */
    @Override
    public void onResume() {
        getContext().onFailure(new SynchronousResumeNotSupportedException());
    }

    @Override
    public String getStatus() {
        if (worker == null) {
            return "not started";
        }
        return worker.isAlive() ? "running the experiment" : "done";
    }
}
