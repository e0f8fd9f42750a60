package io.reliably.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.reliably.engine.sli.DocumentReader;
import io.reliably.engine.sli.IndicatorValue;
import io.reliably.engine.sli.InvalidSliException;
import io.reliably.engine.sli.QueryWindow;
import io.reliably.engine.sli.SliProblem;
import io.reliably.engine.sli.keptn.GetSliFinished;
import io.reliably.engine.sli.keptn.GetSliTriggered;
import io.reliably.engine.sli.request.SliRequest;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code reliably sli}: queries service level indicators (Iter8 metric definitions, or a Keptn
 * {@code sli.yaml} with a provider) and prints their values; with {@code --keptn-event}, answers a
 * Keptn {@code get-sli.triggered} event with the {@code get-sli.finished} event.
 */
@Command(name = "sli",
        description = "Queries service level indicators from Prometheus, Dynatrace or any HTTP JSON store.",
        exitCodeOnInvalidInput = SliCommand.ERROR, exitCodeOnExecutionException = SliCommand.ERROR,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every indicator has a value (--keptn-event: result pass)",
                "1:at least one indicator could not be queried (--keptn-event: result fail)",
                "3:error: invalid input, nothing was queried (--keptn-event: an errored event is printed "
                        + "when the event itself could be read)"})
public class SliCommand implements Callable<Integer> {

    static final int OK = 0;
    static final int SOME_FAILED = 1;
    static final int ERROR = 3;

    @Spec
    CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Mixin
    SliOptions options;

    @Option(names = "--version", paramLabel = "NAME", description = "Iter8's version name ($name); same as --version-name.")
    String version;

    @Option(names = "--keptn-event", paramLabel = "FILE",
            description = "A sh.keptn.event.get-sli.triggered CloudEvent (JSON): prints the get-sli.finished event. "
                    + "Needs --sli; --provider defaults to the event's sliProvider.")
    Path keptnEvent;

    @Option(names = "--json", description = "Print {\"indicators\": [{metric, value, success, message}]}.")
    boolean json;

    private final Clock clock;

    public SliCommand() {
        this(Clock.systemUTC());
    }

    SliCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            if (keptnEvent != null) {
                return answerEvent(out, err);
            }
            QueryWindow window = options.window(clock.instant());
            List<IndicatorValue> values = options.query(window, Map.of(), version);
            out.print(json ? toJson(values) : table(values, window));
            out.flush();
            return values.stream().allMatch(IndicatorValue::success) ? OK : SOME_FAILED;
        } catch (InvalidSliException e) {
            invalid(err, e);
            return ERROR;
        }
    }

    private int answerEvent(PrintWriter out, PrintWriter err) throws InvalidSliException {
        GetSliTriggered trigger = GetSliTriggered.parse(keptnEvent.toString(), new DocumentReader().read(keptnEvent));
        GetSliFinished finished = new GetSliFinished();
        try {
            if (options.sliFile == null) {
                throw new InvalidSliException(new SliProblem("--sli", "", "missing; --keptn-event needs the sli.yaml "
                        + "whose queries answer the event"));
            }
            if (!options.metricFiles.isEmpty()) {
                throw new InvalidSliException(new SliProblem("--metrics", "", "does not apply to --keptn-event; "
                        + "use --sli with --provider FILE"));
            }
            String providerName = options.provider != null ? options.provider : trigger.sliProvider();
            if (providerName == null || providerName.isBlank()) {
                throw new InvalidSliException(new SliProblem("--provider", "", "missing, and the event names no "
                        + "sliProvider"));
            }
            String source = options.provider != null ? "--provider" : keptnEvent + ": data.get-sli.sliProvider";
            SliRequest request = new SliRequest(options.sliFile, providerName, options.url, List.of(),
                    trigger.indicators(), trigger.window(), options.version(version),
                    trigger.keptn().withFilters(options.filters), options.secrets(), source);
            List<IndicatorValue> values = request.query(options.settings());
            ObjectNode event = finished.succeeded(trigger, values, clock.instant());
            out.println(pretty(event));
            out.flush();
            return "pass".equals(event.at("/data/result").asText()) ? OK : SOME_FAILED;
        } catch (InvalidSliException e) {
            out.println(pretty(finished.errored(trigger, e.getMessage().replace(System.lineSeparator(), "; "),
                    clock.instant())));
            out.flush();
            invalid(err, e);
            return ERROR;
        }
    }

    private static void invalid(PrintWriter err, InvalidSliException e) {
        err.println("reliably sli: invalid input:");
        e.problems().forEach(problem -> err.println("  " + problem));
        err.flush();
    }

    static String toJson(List<IndicatorValue> values) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        ArrayNode indicators = root.putArray("indicators");
        for (IndicatorValue value : values) {
            ObjectNode item = indicators.addObject();
            item.put("metric", value.metric());
            item.put("value", value.value());
            item.put("success", value.success());
            item.put("message", value.message());
        }
        return pretty(root) + System.lineSeparator();
    }

    private static String pretty(ObjectNode node) {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String table(List<IndicatorValue> values, QueryWindow window) {
        int nameWidth = Math.max("INDICATOR".length(), values.stream().mapToInt(v -> v.metric().length()).max().orElse(0));
        List<String> shown = values.stream().map(v -> v.success() ? number(v.value()) : "-").toList();
        int valueWidth = Math.max("VALUE".length(), shown.stream().mapToInt(String::length).max().orElse(0));
        StringBuilder out = new StringBuilder();
        String format = "%-" + nameWidth + "s  %-" + valueWidth + "s  %-6s  %s";
        out.append(String.format(format, "INDICATOR", "VALUE", "STATUS", "MESSAGE").stripTrailing()).append('\n');
        for (int i = 0; i < values.size(); i++) {
            IndicatorValue value = values.get(i);
            out.append(String.format(format, value.metric(), shown.get(i), value.success() ? "ok" : "failed",
                    value.message()).stripTrailing()).append('\n');
        }
        long failed = values.stream().filter(v -> !v.success()).count();
        out.append('\n').append("Window: ").append(window.start()).append(" to ").append(window.end())
                .append(" (").append(window.durationSeconds()).append(" s)").append('\n');
        out.append(values.size() - failed).append(" of ").append(values.size()).append(" indicators have a value")
                .append('\n');
        return out.toString();
    }

    /** A value as people write it: no exponent, no trailing zeros. */
    static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
