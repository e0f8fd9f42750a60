package io.jenkins.plugins.reliably;

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
import io.jenkins.plugins.reliably.core.GateOptions;
import io.reliably.engine.slo.Evaluation;
import java.io.IOException;
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

    @DataBoundConstructor
    public ReliablyGateBuilder() {
    }

    @Override
    public void perform(Run<?, ?> run, FilePath workspace, EnvVars env, Launcher launcher, TaskListener listener)
            throws InterruptedException, IOException {
        GateOptions options = new GateOptions(slo, sloText, sliValuesFile, false, referenceBuild, warningResult, failResult);
        Evaluation evaluation = new GateLauncher(run, workspace, listener).evaluate(options, null);
        BuildResults.apply(run, null, options.outcome(evaluation.result()), null);
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
        public FormValidation doCheckWarningResult(@AncestorInPath Item item, @QueryParameter String value) {
            return FormChecks.answer(item, FieldChecks.gate("warningResult", value));
        }

        @POST
        public FormValidation doCheckFailResult(@AncestorInPath Item item, @QueryParameter String value) {
            return FormChecks.answer(item, FieldChecks.gate("failResult", value));
        }
    }
}
