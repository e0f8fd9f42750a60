package io.jenkins.plugins.reliably;

import hudson.EnvVars;
import hudson.Extension;
import org.kohsuke.stapler.verb.POST;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.AncestorInPath;
import hudson.util.ListBoxModel;
import hudson.model.Item;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.reliably.core.SliOptions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code querySli}: queries service level indicators (a Keptn {@code sli.yaml} with its provider,
 * or Iter8 metric definitions) over a window (the build so far unless told), returns the values to
 * the script and records them on the build.
 */
public class QuerySliStep extends Step {

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
    @SuppressWarnings("rawtypes")
    private Map labels;
    @SuppressWarnings("rawtypes")
    private Map variables;

    @DataBoundConstructor
    public QuerySliStep() {
    }

    @Override
    public StepExecution start(StepContext context) {
        return new Execution(context, this);
    }

    /** The parameters, defaulted from the build: project = job, stage = the Pipeline stage, $LABEL.buildId. */
    SliOptions options(Run<?, ?> run, EnvVars env) {
        return SliOptions.builder()
                .sli(sli).sliText(sliText).provider(provider).metrics(metrics).url(url).indicators(indicators)
                .start(start).end(end).duration(duration)
                .project(project, run.getParent().getFullName())
                .stage(stage, env == null ? null : env.get("STAGE_NAME"))
                .service(service).deployment(deployment)
                .labels(Map.of("buildId", Integer.toString(run.getNumber())), labels)
                .variables(variables)
                .build();
    }

    /** Queries on a thread of its own: every query has its connect and read timeouts. */
    static final class Execution extends SynchronousNonBlockingStepExecution<List<Map<String, Object>>> {

        private static final long serialVersionUID = 1L;

        private final transient QuerySliStep step;

        Execution(StepContext context, QuerySliStep step) {
            super(context);
            this.step = step;
        }

        @Override
        protected List<Map<String, Object>> run() throws Exception {
            Run<?, ?> run = getContext().get(Run.class);
            SliOptions options = step.options(run, getContext().get(EnvVars.class));
            return new SliLauncher(run, getContext().get(FilePath.class), getContext().get(TaskListener.class))
                    .query(options, step.credentialsId);
        }
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

    /** Labels for {@code $LABEL.key}: a map in Pipeline; {@code buildId} is the build number unless given. */
    @SuppressWarnings("rawtypes")
    public Map getLabels() {
        return labels;
    }

    /** Raw {@code Map}: Pipeline passes a Groovy map as it is only to a raw map parameter. */
    @SuppressWarnings("rawtypes")
    @DataBoundSetter
    public void setLabels(Map labels) {
        this.labels = labels == null || labels.isEmpty() ? null : new java.util.LinkedHashMap<>(labels);
    }

    /** Iter8 version variables ({@code $name} in metrics' params and body): a map in Pipeline. */
    @SuppressWarnings("rawtypes")
    public Map getVariables() {
        return variables;
    }

    @SuppressWarnings("rawtypes")
    @DataBoundSetter
    public void setVariables(Map variables) {
        this.variables = variables == null || variables.isEmpty() ? null : new java.util.LinkedHashMap<>(variables);
    }

    /** Names the step {@code querySli}. */
    @Extension
    @Symbol("querySli")
    public static class DescriptorImpl extends StepDescriptor {

        @Override
        public String getFunctionName() {
            return "querySli";
        }

        @Override
        public String getDisplayName() {
            return Messages.QuerySliStep_DisplayName();
        }

        @POST
        public ListBoxModel doFillCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String credentialsId) {
            return FormChecks.credentials(item, credentialsId);
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class);
        }
    }
}
