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
import hudson.Launcher;
import hudson.model.AbstractProject;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.BuildStepDescriptor;
import hudson.tasks.Builder;
import io.jenkins.plugins.reliably.core.GateOptions;
import io.jenkins.plugins.reliably.core.SliOptions;
import io.reliably.engine.slo.Evaluation;
import java.io.IOException;
import java.util.Map;
import jenkins.tasks.SimpleBuildStep;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/** The freestyle build step "Gate on service level objectives": {@code reliablyGate} from files. */
public class ReliablyGateBuilder extends Builder implements SimpleBuildStep {

    private String slo;
    private String sloText;
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
    public ReliablyGateBuilder() {
    }

    @Override
    public void perform(Run<?, ?> run, FilePath workspace, EnvVars env, Launcher launcher, TaskListener listener)
            throws InterruptedException, IOException {
        GateOptions options = new GateOptions(slo, sloText, sliValuesFile, false, referenceBuild, warningResult, failResult)
                .withOwnSli(sli != null || sliText != null || metrics != null);
        Evaluation evaluation = new GateLauncher(run, workspace, listener).evaluate(options, null, ownSli(run, null),
                credentialsId);
        BuildResults.apply(run, null, options.outcome(evaluation.result()), null);
    }

    /** The gate's own indicator definitions, defaulted as querySli's. */
    SliOptions ownSli(Run<?, ?> run, String stage) {
        return SliOptions.builder().sli(sli).sliText(sliText).metrics(metrics).provider(provider).url(url)
                .duration(duration).project(null, run.getParent().getFullName()).stage(null, stage)
                .labels(Map.of("buildId", Integer.toString(run.getNumber())), null).build();
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

    /** Offers the step to every freestyle project. */
    @Extension
    public static class DescriptorImpl extends BuildStepDescriptor<Builder> {

        @Override
        @SuppressWarnings("rawtypes")
        public boolean isApplicable(Class<? extends AbstractProject> jobType) {
            return true;
        }

        @Override
        public String getDisplayName() {
            return Messages.ReliablyGateBuilder_DisplayName();
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
    }
}
