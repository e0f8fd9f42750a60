package io.reliably.engine.journal;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a {@link Journal} as Chaos Toolkit's {@code journal.json} (formats.md §1.5): the same keys
 * in the same order, the same timestamp format, and the layout of {@code json.dump(indent=2)}, so
 * {@code chaos report} and other Chaos Toolkit tools read it.
 */
public final class JournalWriter {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ObjectWriter pretty;

    public JournalWriter() {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(separators)
                .withObjectIndenter(indenter)
                .withArrayIndenter(indenter);
        this.pretty = new ObjectMapper().writer(printer);
    }

    /** The journal as JSON. */
    public ObjectNode toJson(Journal journal) {
        ObjectNode json = NODES.objectNode();
        json.put("chaoslib-version", journal.chaoslibVersion());
        json.put("platform", journal.platform());
        json.put("node", journal.node());
        json.set("experiment", journal.experiment());
        json.put("start", Timestamps.format(journal.start()));
        json.put("status", journal.status().json());
        json.put("deviated", journal.deviated());
        ObjectNode steadyStates = json.putObject("steady_states");
        steadyStates.set("before", hypothesis(journal.before()));
        steadyStates.set("after", hypothesis(journal.after()));
        ArrayNode during = steadyStates.putArray("during");
        journal.during().forEach(state -> during.add(hypothesis(state)));
        json.set("run", runs(journal.run()));
        json.set("rollbacks", runs(journal.rollbacks()));
        json.put("end", Timestamps.format(journal.end()));
        json.put("duration", Timestamps.seconds(journal.start(), journal.end()));
        return json;
    }

    /** The journal as pretty JSON, laid out as Chaos Toolkit writes it. */
    public String toString(Journal journal) {
        try {
            return pretty.writeValueAsString(toJson(journal));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the journal to a file (UTF-8), replacing it. */
    public void write(Journal journal, Path file) throws IOException {
        Files.writeString(file, toString(journal), StandardCharsets.UTF_8);
    }

    private static ObjectNode hypothesis(HypothesisRun state) {
        if (state == null) {
            return null;
        }
        ObjectNode json = NODES.objectNode();
        json.put("steady_state_met", state.steadyStateMet());
        json.set("probes", runs(state.probes()));
        return json;
    }

    private static ArrayNode runs(List<ActivityRun> runs) {
        ArrayNode json = NODES.arrayNode(runs.size());
        runs.forEach(run -> json.add(run(run)));
        return json;
    }

    private static ObjectNode run(ActivityRun run) {
        ObjectNode json = NODES.objectNode();
        json.set("activity", run.activity());
        json.set("output", run.output() == null ? NODES.nullNode() : run.output());
        json.put("start", Timestamps.format(run.start()));
        json.put("status", run.succeeded() ? "succeeded" : "failed");
        if (!run.succeeded()) {
            ArrayNode exception = json.putArray("exception");
            run.exception().forEach(exception::add);
        }
        json.put("end", Timestamps.format(run.end()));
        json.put("duration", Timestamps.seconds(run.start(), run.end()));
        if (run.toleranceMet() != null) {
            json.put("tolerance_met", run.toleranceMet());
        }
        return json;
    }
}
