package io.jenkins.plugins.reliably.core;

import io.reliably.engine.journal.ActivityRun;
import io.reliably.engine.journal.HypothesisRun;
import io.reliably.engine.run.Phase;
import io.reliably.engine.run.RunContext;
import io.reliably.engine.run.RunListener;
import java.io.PrintStream;
import java.util.Locale;

/**
 * Live progress in the build's console: one line per activity with its status and duration, and a
 * line for the hypothesis and for a stop. Every line goes through the run's secret masker.
 */
public final class ProgressListener implements RunListener {

    static final String PREFIX = "[reliably] ";

    private final PrintStream console;

    public ProgressListener(PrintStream console) {
        this.console = console;
    }

    @Override
    public void beforeExperiment(RunContext context) {
        print(context, "running experiment '" + context.experiment().title() + "'");
    }

    @Override
    public void afterHypothesis(RunContext context, Phase phase, HypothesisRun result) {
        print(context, label(phase) + ": steady state " + (result.steadyStateMet() ? "met" : "NOT met"));
    }

    @Override
    public void beforeRollbacks(RunContext context) {
        print(context, "rollbacks");
    }

    @Override
    public void afterActivity(RunContext context, Phase phase, ActivityRun run) {
        StringBuilder line = new StringBuilder()
                .append(label(phase)).append(": ")
                .append(run.activity().path("type").asText("activity")).append(" '").append(run.name()).append("' ")
                .append(run.succeeded() ? "succeeded" : "failed")
                .append(String.format(Locale.ROOT, " in %.2fs", run.duration()));
        if (run.toleranceMet() != null) {
            line.append(run.toleranceMet() ? ", tolerance met" : ", tolerance NOT met");
        }
        if (!run.succeeded() && !run.exception().isEmpty()) {
            line.append(": ").append(run.exception().get(run.exception().size() - 1).strip());
        }
        print(context, line.toString());
    }

    @Override
    public void interrupted(RunContext context, String reason) {
        print(context, "stopping: " + reason);
    }

    private void print(RunContext context, String line) {
        console.println(PREFIX + context.masker().mask(line));
        console.flush();
    }

    private static String label(Phase phase) {
        return switch (phase) {
            case HYPOTHESIS_BEFORE -> "hypothesis (before)";
            case METHOD -> "method";
            case HYPOTHESIS_DURING -> "hypothesis (during)";
            case HYPOTHESIS_AFTER -> "hypothesis (after)";
            case ROLLBACKS -> "rollback";
        };
    }
}
