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
        // Built by hand: String.format parses its pattern on every call, a cost a 500-probe run feels.
        StringBuilder line = new StringBuilder(120);
        padded(line, "[" + phase(phase) + "]", 19).append(' ');
        padded(line, run.activity().path("type").asText(), 6).append(' ');
        padded(line, context.masker().mask(run.name()), 50).append(' ');
        padded(line, run.succeeded() ? "succeeded" : "FAILED", 9).append(' ');
        seconds(line, run.duration()).append(" s");
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

    /** The text, then spaces up to the width (as {@code %-Ns}). */
    static StringBuilder padded(StringBuilder line, String text, int width) {
        line.append(text);
        for (int i = text.length(); i < width; i++) {
            line.append(' ');
        }
        return line;
    }

    /** Seconds with three decimals, right-aligned in seven characters (as {@code %7.3f}). */
    static StringBuilder seconds(StringBuilder line, double seconds) {
        long millis = Math.round(seconds * 1000);
        String text = (millis / 1000) + "." + (char) ('0' + millis / 100 % 10) + (char) ('0' + millis / 10 % 10)
                + (char) ('0' + millis % 10);
        for (int i = text.length(); i < 7; i++) {
            line.append(' ');
        }
        return line.append(text);
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
