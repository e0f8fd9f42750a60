package io.jenkins.plugins.reliably;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.Extension;
import hudson.model.Item;
import hudson.util.FormValidation;
import io.jenkins.plugins.reliably.core.FieldChecks;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.AbstractProject;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.BuildStepDescriptor;
import hudson.tasks.Builder;
import io.jenkins.plugins.reliably.core.BuildOutcome;
import io.jenkins.plugins.reliably.core.RunOptions;
import io.jenkins.plugins.reliably.core.RunOutcome;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import jenkins.tasks.SimpleBuildStep;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * The freestyle build step "Run a Chaos Toolkit experiment": the same run as {@code reliablyRun},
 * with {@code vars} as {@code name=value} lines. The user's Abort interrupts the executor: the
 * first stops the run gracefully and waits for its rollbacks, the next stops it now.
 */
public class ReliablyRunBuilder extends Builder implements SimpleBuildStep {

    private String experiment;
    private String experimentText;
    private String journalPath;
    private String rollbackStrategy;
    private String hypothesisStrategy;
    private Double hypothesisFrequency;
    private boolean failFast;
    private String vars;
    private String varFiles;
    private String dry;
    private List<SecretBinding> secrets = new ArrayList<>();
    private String deviatedResult;

    @DataBoundConstructor
    public ReliablyRunBuilder() {
    }

    @Override
    public void perform(Run<?, ?> run, FilePath workspace, EnvVars env, Launcher launcher, TaskListener listener)
            throws InterruptedException, IOException {
        StopSignal signal = new StopSignal();
        RunOptions options = toOptions();
        List<SecretBinding> bindings = List.copyOf(secrets);
        FutureTask<RunOutcome> task = new FutureTask<>(
                () -> new ExperimentLauncher(run, workspace, launcher, env, listener).launch(options, bindings, signal));
        Thread worker = new Thread(task, "reliablyRun " + run.getExternalizableId());
        worker.setDaemon(true);
        worker.start();
        boolean aborted = false;
        RunOutcome outcome;
        while (true) {
            try {
                outcome = task.get();
                break;
            } catch (InterruptedException e) {
                aborted = true;
                int level = signal.escalate("build aborted");
                listener.getLogger().println(level == 1 ? Messages.ReliablyRunExecution_StoppingGracefully()
                        : Messages.ReliablyRunExecution_StoppingNow());
            } catch (ExecutionException e) {
                throw unwrap(e.getCause());
            }
        }
        if (aborted) {
            throw new InterruptedException("reliablyRun: the build was aborted");
        }
        BuildOutcome effect = BuildOutcome.ofExperiment(outcome.status(), outcome.deviated(),
                options.deviatedResultOrDefault(), false);
        BuildResults.apply(run, null, effect, null);
    }

    private static IOException unwrap(Throwable cause) throws InterruptedException {
        if (cause instanceof IOException io) {
            return io;
        }
        if (cause instanceof InterruptedException ie) {
            throw ie;
        }
        if (cause instanceof RuntimeException re) {
            throw re;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new AbortException("reliablyRun: " + cause);
    }

    RunOptions toOptions() {
        return RunOptions.builder()
                .experiment(experiment)
                .experimentText(experimentText)
                .journalPath(journalPath)
                .rollbackStrategy(rollbackStrategy)
                .hypothesisStrategy(hypothesisStrategy)
                .hypothesisFrequency(hypothesisFrequency)
                .failFast(failFast)
                .vars(parseLines(vars))
                .varFiles(varFiles)
                .dry(dry)
                .deviatedResult(deviatedResult)
                .build();
    }

    /** {@code name=value} lines to a map; a line without {@code =} keeps its text as the name. */
    static Map<String, String> parseLines(String text) {
        Map<String, String> map = new LinkedHashMap<>();
        if (text == null) {
            return map;
        }
        for (String line : text.split("\\R")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            int eq = trimmed.indexOf('=');
            map.put(eq < 0 ? trimmed + "=" : trimmed.substring(0, eq).strip(), eq < 0 ? "" : trimmed.substring(eq + 1).strip());
        }
        return map;
    }

    public String getExperiment() {
        return experiment;
    }

    @DataBoundSetter
    public void setExperiment(String experiment) {
        this.experiment = experiment;
    }

    public String getExperimentText() {
        return experimentText;
    }

    @DataBoundSetter
    public void setExperimentText(String experimentText) {
        this.experimentText = experimentText;
    }

    public String getJournalPath() {
        return journalPath;
    }

    @DataBoundSetter
    public void setJournalPath(String journalPath) {
        this.journalPath = journalPath;
    }

    public String getRollbackStrategy() {
        return rollbackStrategy;
    }

    @DataBoundSetter
    public void setRollbackStrategy(String rollbackStrategy) {
        this.rollbackStrategy = rollbackStrategy;
    }

    public String getHypothesisStrategy() {
        return hypothesisStrategy;
    }

    @DataBoundSetter
    public void setHypothesisStrategy(String hypothesisStrategy) {
        this.hypothesisStrategy = hypothesisStrategy;
    }

    public Double getHypothesisFrequency() {
        return hypothesisFrequency;
    }

    @DataBoundSetter
    public void setHypothesisFrequency(Double hypothesisFrequency) {
        this.hypothesisFrequency = hypothesisFrequency;
    }

    public boolean isFailFast() {
        return failFast;
    }

    @DataBoundSetter
    public void setFailFast(boolean failFast) {
        this.failFast = failFast;
    }

    public String getVars() {
        return vars;
    }

    @DataBoundSetter
    public void setVars(String vars) {
        this.vars = vars;
    }

    public String getVarFiles() {
        return varFiles;
    }

    @DataBoundSetter
    public void setVarFiles(String varFiles) {
        this.varFiles = varFiles;
    }

    public String getDry() {
        return dry;
    }

    @DataBoundSetter
    public void setDry(String dry) {
        this.dry = dry;
    }

    public List<SecretBinding> getSecrets() {
        return List.copyOf(secrets);
    }

    @DataBoundSetter
    public void setSecrets(List<SecretBinding> secrets) {
        this.secrets = secrets == null ? new ArrayList<>() : new ArrayList<>(secrets);
    }

    public String getDeviatedResult() {
        return deviatedResult;
    }

    @DataBoundSetter
    public void setDeviatedResult(String deviatedResult) {
        this.deviatedResult = deviatedResult;
    }

    /** Offers the step to every freestyle project. No {@code @Symbol}: Pipeline has {@code reliablyRun}. */
    @Extension
    public static class DescriptorImpl extends BuildStepDescriptor<Builder> {

        @Override
        @SuppressWarnings("rawtypes")
        public boolean isApplicable(Class<? extends AbstractProject> jobType) {
            return true;
        }

        @Override
        public String getDisplayName() {
            return Messages.ReliablyRunBuilder_DisplayName();
        }

        @POST
        public FormValidation doCheckJournalPath(@AncestorInPath Item item, @QueryParameter String value) {
            return FormChecks.answer(item, FieldChecks.run("journalPath", value));
        }

        @POST
        public FormValidation doCheckRollbackStrategy(@AncestorInPath Item item, @QueryParameter String value) {
            return FormChecks.answer(item, FieldChecks.run("rollbackStrategy", value));
        }

        @POST
        public FormValidation doCheckHypothesisStrategy(@AncestorInPath Item item, @QueryParameter String value) {
            return FormChecks.answer(item, FieldChecks.run("hypothesisStrategy", value));
        }

        @POST
        public FormValidation doCheckDry(@AncestorInPath Item item, @QueryParameter String value) {
            return FormChecks.answer(item, FieldChecks.run("dry", value));
        }

        @POST
        public FormValidation doCheckDeviatedResult(@AncestorInPath Item item, @QueryParameter String value) {
            return FormChecks.answer(item, FieldChecks.run("deviatedResult", value));
        }
    }
}
