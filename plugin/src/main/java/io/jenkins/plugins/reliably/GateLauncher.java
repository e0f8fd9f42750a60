package io.jenkins.plugins.reliably;

import com.fasterxml.jackson.databind.node.ObjectNode;
import hudson.AbortException;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.reliably.core.GateJob;
import io.jenkins.plugins.reliably.core.GateOptions;
import io.jenkins.plugins.reliably.core.InvalidRunException;
import io.jenkins.plugins.reliably.core.RecordedGate;
import io.jenkins.plugins.reliably.core.ScriptValues;
import io.jenkins.plugins.reliably.core.SliOptions;
import io.reliably.engine.slo.Evaluation;
import io.reliably.engine.slo.EvaluationJson;
import io.reliably.engine.slo.InvalidSloException;
import io.reliably.engine.slo.SliValues;
import io.reliably.engine.slo.SliValuesReader;
import io.reliably.engine.slo.SloLoader;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * What the Pipeline step and the freestyle build step share for a gate: read the SLO and the
 * values, gather the gates earlier builds recorded, evaluate, print the outcome and record it.
 */
final class GateLauncher {

    /** How far back earlier builds are searched for gates to compare with. */
    static final int HISTORY_BUILDS = 200;

    private final Run<?, ?> run;
    private final FilePath workspace;
    private final TaskListener listener;

    GateLauncher(Run<?, ?> run, FilePath workspace, TaskListener listener) {
        this.run = run;
        this.workspace = workspace;
        this.listener = listener;
    }

    /**
     * @param scriptValues indicator values a script passed, or {@code null}
     * @throws AbortException for invalid input, every problem listed
     */
    Evaluation evaluate(GateOptions options, Object scriptValues) throws IOException, InterruptedException {
        return evaluate(options, scriptValues, null, null);
    }

    /**
     * @param ownSli the gate's own indicator definitions, queried first with the SLO's {@code filter}
     *     (as Keptn passes it to the SLI provider), or {@code null}
     * @param credentialsId the credential for those queries, or {@code null}
     */
    Evaluation evaluate(GateOptions options, Object scriptValues, SliOptions ownSli, String credentialsId)
            throws IOException, InterruptedException {
        List<String> problems = new ArrayList<>(options.problems());
        if (workspace == null && (options.slo() != null || options.sliValuesFile() != null)) {
            problems.add("slo: files need a workspace; run reliablyGate inside node, or give sloText and sliValues");
        }
        if (!problems.isEmpty()) {
            throw new AbortException("reliablyGate: invalid parameters:\n" + String.join("\n", problems));
        }
        String sloContent = options.sloText();
        if (options.slo() != null) {
            FilePath file = workspace.child(options.slo());
            sloContent = file.exists() ? file.readToString() : null;
        }
        if (ownSli != null && ownSli.hasDefinitions()) {
            new SliLauncher(run, workspace, listener).query(ownSli.withFilters(filterOf(options, sloContent)), credentialsId);
        }
        SliValues values = values(options, scriptValues);
        int index = run.getActions(ReliablyGateAction.class).size() + 1;
        String id = run.getExternalizableId() + (index > 1 ? "/" + index : "");
        Evaluation evaluation;
        try {
            evaluation = new GateJob(Clock.systemUTC()).evaluate(options, sloContent, values, history(), id);
        } catch (InvalidRunException e) {
            throw new AbortException("reliablyGate: " + e.getMessage());
        }
        EvaluationJson json = new EvaluationJson();
        listener.getLogger().println("[reliably] gate " + options.sloName() + ": " + evaluation.result().keyword()
                + String.format(java.util.Locale.ROOT, " (score %.2f)", evaluation.score())
                + (evaluation.message().isEmpty() ? "" : ": " + evaluation.message()));
        run.addAction(new ReliablyGateAction(index, options.sloName(), evaluation.result().keyword(), evaluation.score(),
                json.toString(evaluation)));
        return evaluation;
    }

    private SliValues values(GateOptions options, Object scriptValues) throws IOException, InterruptedException {
        try {
            if (scriptValues != null) {
                return new SliValuesReader().parse("sliValues", ScriptValues.toJson(scriptValues).toString());
            }
            if (options.sliValuesFile() != null) {
                FilePath file = workspace.child(options.sliValuesFile());
                if (!file.exists()) {
                    throw new AbortException("reliablyGate: sliValuesFile: " + options.sliValuesFile() + " does not exist");
                }
                return new SliValuesReader().parse(options.sliValuesFile(), file.readToString());
            }
            List<ReliablyIndicatorsAction> queried = run.getActions(ReliablyIndicatorsAction.class);
            if (!queried.isEmpty()) {
                ReliablyIndicatorsAction last = queried.get(queried.size() - 1);
                listener.getLogger().println("[reliably] gate: judging the values querySli got in this build");
                return new SliValuesReader().parse("querySli", ScriptValues.toJson(last.getValues()).toString())
                        .during(last.getStart(), last.getEnd());
            }
        } catch (InvalidSloException e) {
            throw new AbortException("reliablyGate: " + e.getMessage());
        }
        throw new AbortException("reliablyGate: sliValues: give the values (what querySli returns) or sliValuesFile,"
                + " or run querySli before the gate in this build");
    }

    /** The SLO's {@code filter}, or none when the SLO is missing or invalid (the gate reports that). */
    private static java.util.Map<String, String> filterOf(GateOptions options, String sloContent) {
        if (sloContent == null) {
            return java.util.Map.of();
        }
        try {
            return new SloLoader().parse(options.sloName(), sloContent).filter();
        } catch (InvalidSloException e) {
            return java.util.Map.of();
        }
    }

    /** The gates earlier builds recorded, newest first. */
    private List<RecordedGate> history() {
        List<RecordedGate> gates = new ArrayList<>();
        Run<?, ?> build = run.getPreviousBuild();
        for (int i = 0; build != null && i < HISTORY_BUILDS; i++, build = build.getPreviousBuild()) {
            List<ReliablyGateAction> actions = build.getActions(ReliablyGateAction.class);
            for (int a = actions.size() - 1; a >= 0; a--) {
                ReliablyGateAction action = actions.get(a);
                gates.add(new RecordedGate(build.getNumber(), action.getSloName(), action.getEvaluationJson()));
            }
        }
        return gates;
    }

    /** The evaluation as a script gets it: Keptn's JSON as maps and lists. */
    static java.util.Map<String, Object> toScript(Evaluation evaluation) {
        ObjectNode json = new EvaluationJson().toJson(evaluation);
        return ScriptValues.toMap(json);
    }
}
