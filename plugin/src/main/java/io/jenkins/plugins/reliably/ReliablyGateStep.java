package io.jenkins.plugins.reliably;

import hudson.EnvVars;
import hudson.Extension;
import hudson.util.ListBoxModel;
import hudson.model.Item;
import hudson.util.FormValidation;
import io.jenkins.plugins.reliably.core.FieldChecks;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.reliably.core.BuildOutcome;
import io.jenkins.plugins.reliably.core.GateOptions;
import io.jenkins.plugins.reliably.core.SliOptions;
import io.reliably.engine.slo.Evaluation;
import java.util.Map;
import java.util.Set;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code reliablyGate}: judges indicator values against a Keptn {@code slo.yaml}, comparing with
 * the gates of earlier builds, sets the build's result (warning: UNSTABLE, fail: FAILURE unless
 * told) and returns the evaluation in Keptn's shape.
 */
public class ReliablyGateStep extends Step {

    private String slo;
    private String sloText;
    @SuppressWarnings("rawtypes")
    private java.util.List sliValues;
    private String sliValuesFile;
    private Integer referenceBuild;
    private String warningResult;
    private String failResult;
    private String sli;
    private String sliText;
    private String metrics;
    private String provider;
    private String url;
    private String credentialsId;
    private String duration;

    @DataBoundConstructor
    public ReliablyGateStep() {
    }

    @Override
    public StepExecution start(StepContext context) {
        return new Execution(context, this, sliValues == null ? null : new java.util.ArrayList<>(sliValues));
    }

    GateOptions options() {
        return new GateOptions(slo, sloText, sliValuesFile, sliValues != null, referenceBuild, warningResult, failResult)
                .withOwnSli(sli != null || sliText != null || metrics != null);
    }

    /** The gate's own indicator definitions, defaulted as querySli's. */
    SliOptions ownSli(Run<?, ?> run, String stage) {
        return SliOptions.builder().sli(sli).sliText(sliText).metrics(metrics).provider(provider).url(url)
                .duration(duration).project(null, run.getParent().getFullName()).stage(null, stage)
                .labels(Map.of("buildId", Integer.toString(run.getNumber())), null).build();
    }

    /** Evaluates on a thread of its own: reading workspace files may wait on the agent. */
    static final class Execution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {

        private static final long serialVersionUID = 1L;

        private final transient ReliablyGateStep step;
        private final transient Object values;

        Execution(StepContext context, ReliablyGateStep step, Object values) {
            super(context);
            this.step = step;
            this.values = values;
        }

        @Override
        protected Map<String, Object> run() throws Exception {
            Run<?, ?> run = getContext().get(Run.class);
            GateOptions options = step.options();
            EnvVars env = getContext().get(EnvVars.class);
            Evaluation evaluation = new GateLauncher(run, getContext().get(FilePath.class),
                    getContext().get(TaskListener.class)).evaluate(options, values,
                            step.ownSli(run, env == null ? null : env.get("STAGE_NAME")), step.credentialsId);
            BuildOutcome outcome = options.outcome(evaluation.result());
            BuildResults.apply(run, getContext().get(FlowNode.class), outcome,
                    Messages.ReliablyGateStep_Outcome(options.sloName(), evaluation.result().keyword()));
            return GateLauncher.toScript(evaluation);
        }
    }

    public String getSlo() {
        return slo;
    }

    @DataBoundSetter
    public void setSlo(String slo) {
        this.slo = slo;
    }

    public String getSloText() {
        return sloText;
    }

    @DataBoundSetter
    public void setSloText(String sloText) {
        this.sloText = sloText;
    }

    /** What {@code querySli} returned, or any list of {@code {metric, value, success, message}}. */
    @SuppressWarnings("rawtypes")
    public java.util.List getSliValues() {
        return sliValues;
    }

    /** Raw {@code List}: Pipeline passes a Groovy list as it is only to a raw list parameter. */
    @SuppressWarnings("rawtypes")
    @DataBoundSetter
    public void setSliValues(java.util.List sliValues) {
        this.sliValues = sliValues;
    }

    public String getSliValuesFile() {
        return sliValuesFile;
    }

    @DataBoundSetter
    public void setSliValuesFile(String sliValuesFile) {
        this.sliValuesFile = sliValuesFile;
    }

    public Integer getReferenceBuild() {
        return referenceBuild;
    }

    @DataBoundSetter
    public void setReferenceBuild(Integer referenceBuild) {
        this.referenceBuild = referenceBuild;
    }

    public String getWarningResult() {
        return warningResult;
    }

    @DataBoundSetter
    public void setWarningResult(String warningResult) {
        this.warningResult = warningResult;
    }

    public String getFailResult() {
        return failResult;
    }

    @DataBoundSetter
    public void setFailResult(String failResult) {
        this.failResult = failResult;
    }

    public String getSli() {
        return sli;
    }

    @DataBoundSetter
    public void setSli(String sli) {
        this.sli = sli;
    }

    public String getSliText() {
        return sliText;
    }

    @DataBoundSetter
    public void setSliText(String sliText) {
        this.sliText = sliText;
    }

    public String getMetrics() {
        return metrics;
    }

    @DataBoundSetter
    public void setMetrics(String metrics) {
        this.metrics = metrics;
    }

    public String getProvider() {
        return provider;
    }

    @DataBoundSetter
    public void setProvider(String provider) {
        this.provider = provider;
    }

    public String getUrl() {
        return url;
    }

    @DataBoundSetter
    public void setUrl(String url) {
        this.url = url;
    }

    public String getCredentialsId() {
        return credentialsId;
    }

    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        this.credentialsId = credentialsId;
    }

    public String getDuration() {
        return duration;
    }

    @DataBoundSetter
    public void setDuration(String duration) {
        this.duration = duration;
    }

    /** Names the step {@code reliablyGate}. */
    @Extension
    @Symbol("reliablyGate")
    public static class DescriptorImpl extends StepDescriptor {

        @Override
        public String getFunctionName() {
            return "reliablyGate";
        }

        @Override
        public String getDisplayName() {
            return Messages.ReliablyGateStep_DisplayName();
        }

        @POST
        public ListBoxModel doFillCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String credentialsId) {
            return FormChecks.credentials(item, credentialsId);
        }

        @POST
        public FormValidation doCheckWarningResult(@AncestorInPath Item item, @QueryParameter String value) {
            return FormChecks.answer(item, FieldChecks.gate("warningResult", value));
        }

        @POST
        public FormValidation doCheckFailResult(@AncestorInPath Item item, @QueryParameter String value) {
            return FormChecks.answer(item, FieldChecks.gate("failResult", value));
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class, FlowNode.class);
        }
    }
}
