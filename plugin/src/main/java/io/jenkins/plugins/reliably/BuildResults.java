package io.jenkins.plugins.reliably;

import hudson.model.Result;
import hudson.model.Run;
import io.jenkins.plugins.reliably.core.BuildOutcome;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.graph.FlowNode;

/**
 * Applies a step's outcome to the build, as {@code unstable} does: the build's result only ever
 * gets worse, and in Pipeline the step's node carries a warning so the stage shows it.
 */
final class BuildResults {

    private BuildResults() {
    }

    /**
     * @param node the step's node in Pipeline, {@code null} in freestyle
     * @param message why, shown on the stage
     */
    static void apply(Run<?, ?> run, FlowNode node, BuildOutcome outcome, String message) {
        Result result = switch (outcome) {
            case UNCHANGED -> null;
            case UNSTABLE -> Result.UNSTABLE;
            case FAILURE -> Result.FAILURE;
            case ABORTED -> Result.ABORTED;
        };
        if (result == null) {
            return;
        }
        run.setResult(result);
        if (node != null) {
            node.addOrReplaceAction(new WarningAction(result).withMessage(message));
        }
    }
}
