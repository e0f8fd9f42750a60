package io.jenkins.plugins.reliably;

import hudson.Extension;
import hudson.model.Item;
import hudson.util.FormValidation;
import io.jenkins.plugins.reliably.core.FieldChecks;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.reliably.core.RunOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code reliablyRun}: runs a Chaos Toolkit experiment from the workspace (or given as text) on the
 * agent that holds the workspace, and returns a map of what happened. Every parameter is optional
 * but the experiment.
 */
public class ReliablyRunStep extends Step {

    private String experiment;
    private String experimentText;
    private String journalPath;
    private String rollbackStrategy;
    private String hypothesisStrategy;
    private Double hypothesisFrequency;
    private boolean failFast;
    @SuppressWarnings("rawtypes")
    private Map vars;
    private String varFiles;
    private String dry;
    private List<SecretBinding> secrets = new ArrayList<>();
    private String deviatedResult;

    @DataBoundConstructor
    public ReliablyRunStep() {
    }

    @Override
    public StepExecution start(StepContext context) {
        return new ReliablyRunExecution(context, toOptions(), List.copyOf(secrets));
    }

    /** The parameters as the runner takes them. */
    RunOptions toOptions() {
        return RunOptions.builder()
                .experiment(experiment)
                .experimentText(experimentText)
                .journalPath(journalPath)
                .rollbackStrategy(rollbackStrategy)
                .hypothesisStrategy(hypothesisStrategy)
                .hypothesisFrequency(hypothesisFrequency)
                .failFast(failFast)
                .vars(vars)
                .varFiles(varFiles)
                .dry(dry)
                .deviatedResult(deviatedResult)
                .build();
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

    /** Configuration overrides, as {@code --var name=value}: a map in Pipeline. */
    @SuppressWarnings("rawtypes")
    public Map getVars() {
        return vars == null ? null : new LinkedHashMap<>(vars);
    }

    /** Raw {@code Map}: Pipeline passes a Groovy map as it is only to a raw map parameter. */
    @SuppressWarnings("rawtypes")
    @DataBoundSetter
    public void setVars(Map vars) {
        this.vars = vars == null || vars.isEmpty() ? null : new LinkedHashMap<>(vars);
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

    /** Names the step {@code reliablyRun} and asks for the build, its console and the step's node. */
    @Extension
    @Symbol("reliablyRun")
    public static class DescriptorImpl extends StepDescriptor {

        @Override
        public String getFunctionName() {
            return "reliablyRun";
        }

        @Override
        public String getDisplayName() {
            return Messages.ReliablyRunStep_DisplayName();
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

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class, FlowNode.class);
        }
    }
}
