package io.reliably.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.reliably.engine.journal.ActivityRun;
import io.reliably.engine.journal.HypothesisRun;
import io.reliably.engine.run.Phase;
import io.reliably.engine.run.RunContext;
import io.reliably.engine.run.RunListener;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Shows the run as it happens: one line per activity (phase, kind, name, status, duration) when it
 * ends, and a line per hypothesis and interruption. Lines come from several threads (continuous
 * hypothesis, background activities); each is printed whole. Secret values are masked.
 */
final class ProgressListener implements RunListener {

    private static final java.util.regex.Pattern EXCEPTION_PREFIX =
            java.util.regex.Pattern.compile("^[\\w.$]+(Exception|Error): ");

    private final PrintWriter err;
    private final String source;

    ProgressListener(PrintWriter err, String source) {
        this.err = err;
        this.source = source;
    }

    @Override
    public void beforeExperiment(RunContext context) {
        line("Running \"" + context.masker().mask(context.experiment().title()) + "\" (" + source + ")");
    }

    @Override
    public void afterActivity(RunContext context, Phase phase, ActivityRun run) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-19s %-6s %-50s %-9s %7.3f s",
                "[" + phase(phase) + "]", run.activity().path("type").asText(),
                context.masker().mask(run.name()), run.succeeded() ? "succeeded" : "FAILED", run.duration()));
        String result = result(run.output());
        if (!result.isEmpty()) {
            line.append("  ").append(result);
        }
        if (run.toleranceMet() != null) {
            line.append(run.toleranceMet() ? "  tolerance met" : "  tolerance NOT met");
        }
        if (!run.succeeded() && !run.exception().isEmpty()) {
            line.append(System.lineSeparator()).append("    error: ")
                    .append(context.masker().mask(lastLine(run.exception())));
        }
        line(line.toString());
    }

    @Override
    public void afterHypothesis(RunContext context, Phase phase, HypothesisRun result) {
        line(String.format(Locale.ROOT, "%-19s steady state %s", "[" + phase(phase) + "]",
                result.steadyStateMet() ? "met" : "NOT met"));
    }

    @Override
    public void continuousHypothesisIteration(RunContext context, int iteration, HypothesisRun result) {
        line(String.format(Locale.ROOT, "%-19s check %d: steady state %s", "[" + phase(Phase.HYPOTHESIS_DURING) + "]",
                iteration, result.steadyStateMet() ? "met" : "NOT met"));
    }

    @Override
    public void interrupted(RunContext context, String reason) {
        line("Interrupted: " + context.masker().mask(reason));
    }

    private void line(String text) {
        synchronized (err) {
            err.println(text);
            err.flush();
        }
    }

    /** What a user recognises in an output: an HTTP status or an exit code. */
    private static String result(JsonNode output) {
        if (output == null || !output.isObject() || !output.path("status").isInt()) {
            return "";
        }
        if (output.has("headers") || output.has("body")) {
            return "HTTP " + output.get("status").asInt();
        }
        if (output.has("stdout") || output.has("stderr")) {
            return "exit " + output.get("status").asInt();
        }
        return "";
    }

    /** The error's last line without the exception's class name: what went wrong, for a person. */
    private static String lastLine(java.util.List<String> lines) {
        String last = lines.get(lines.size() - 1).strip();
        int newline = last.lastIndexOf('\n');
        last = newline < 0 ? last : last.substring(newline + 1).strip();
        return EXCEPTION_PREFIX.matcher(last).replaceFirst("");
    }

    private static String phase(Phase phase) {
        return switch (phase) {
            case HYPOTHESIS_BEFORE -> "hypothesis before";
            case METHOD -> "method";
            case HYPOTHESIS_DURING -> "hypothesis during";
            case HYPOTHESIS_AFTER -> "hypothesis after";
            case ROLLBACKS -> "rollbacks";
        };
    }
}
