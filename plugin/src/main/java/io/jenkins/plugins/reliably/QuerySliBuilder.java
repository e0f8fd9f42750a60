package io.jenkins.plugins.reliably;

import hudson.EnvVars;
import hudson.Extension;
import org.kohsuke.stapler.verb.POST;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.AncestorInPath;
import hudson.util.ListBoxModel;
import hudson.model.Item;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.AbstractProject;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.BuildStepDescriptor;
import hudson.tasks.Builder;
import io.jenkins.plugins.reliably.core.SliOptions;
import java.io.IOException;
import java.util.Map;
import jenkins.tasks.SimpleBuildStep;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * The freestyle build step "Query service level indicators": {@code querySli}, with {@code labels}
 * as {@code name=value} lines. A later gate of the build takes the values it recorded.
 */
public class QuerySliBuilder extends Builder implements SimpleBuildStep {

    private String sli;
    private String sliText;
    private String provider;
    private String metrics;
    private String url;
    private String credentialsId;
    private String indicators;
    private String start;
    private String end;
    private String duration;
    private String project;
    private String stage;
    private String service;
    private String deployment;
    private String labels;
    private String variables;

    @DataBoundConstructor
    public QuerySliBuilder() {
    }

    @Override
    public void perform(Run<?, ?> run, FilePath workspace, EnvVars env, Launcher launcher, TaskListener listener)
            throws InterruptedException, IOException {
        SliOptions options = SliOptions.builder()
                .sli(sli).sliText(sliText).provider(provider).metrics(metrics).url(url).indicators(indicators)
                .start(start).end(end).duration(duration)
                .project(project, run.getParent().getFullName())
                .stage(stage, null)
                .service(service).deployment(deployment)
                .labels(Map.of("buildId", Integer.toString(run.getNumber())), ReliablyRunBuilder.parseLines(labels))
                .variables(ReliablyRunBuilder.parseLines(variables))
                .build();
        new SliLauncher(run, workspace, listener).query(options, credentialsId);
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

    public String getProvider() {
        return provider;
    }

    @DataBoundSetter
    public void setProvider(String provider) {
        this.provider = provider;
    }

    public String getMetrics() {
        return metrics;
    }

    @DataBoundSetter
    public void setMetrics(String metrics) {
        this.metrics = metrics;
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

    public String getIndicators() {
        return indicators;
    }

    @DataBoundSetter
    public void setIndicators(String indicators) {
        this.indicators = indicators;
    }

    public String getStart() {
        return start;
    }

    @DataBoundSetter
    public void setStart(String start) {
        this.start = start;
    }

    public String getEnd() {
        return end;
    }

    @DataBoundSetter
    public void setEnd(String end) {
        this.end = end;
    }

    public String getDuration() {
        return duration;
    }

    @DataBoundSetter
    public void setDuration(String duration) {
        this.duration = duration;
    }

    public String getProject() {
        return project;
    }

    @DataBoundSetter
    public void setProject(String project) {
        this.project = project;
    }

    public String getStage() {
        return stage;
    }

    @DataBoundSetter
    public void setStage(String stage) {
        this.stage = stage;
    }

    public String getService() {
        return service;
    }

    @DataBoundSetter
    public void setService(String service) {
        this.service = service;
    }

    public String getDeployment() {
        return deployment;
    }

    @DataBoundSetter
    public void setDeployment(String deployment) {
        this.deployment = deployment;
    }

    public String getLabels() {
        return labels;
    }

    @DataBoundSetter
    public void setLabels(String labels) {
        this.labels = labels;
    }

    public String getVariables() {
        return variables;
    }

    @DataBoundSetter
    public void setVariables(String variables) {
        this.variables = variables;
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
            return Messages.QuerySliBuilder_DisplayName();
        }

        @POST
        public ListBoxModel doFillCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String credentialsId) {
            return FormChecks.credentials(item, credentialsId);
        }
    }
}
