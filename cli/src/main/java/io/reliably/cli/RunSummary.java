package io.reliably.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.reliably.engine.journal.ActivityRun;
import io.reliably.engine.journal.HypothesisRun;
import io.reliably.engine.journal.Journal;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What a run came to, for people (text) or scripts ({@code --json}). */
final class RunSummary {

    private final Journal journal;
    private final Path journalPath;
    private final int exitCode;

    RunSummary(Journal journal, Path journalPath, int exitCode) {
        this.journal = journal;
        this.journalPath = journalPath;
        this.exitCode = exitCode;
    }

    /** Runs of one part of the experiment. */
    record Counts(int run, int succeeded, int failed) {
        static Counts of(List<ActivityRun> runs) {
            int ok = (int) runs.stream().filter(ActivityRun::succeeded).count();
            return new Counts(runs.size(), ok, runs.size() - ok);
        }
    }

    Counts hypothesisProbes() {
        List<ActivityRun> probes = new ArrayList<>();
        for (HypothesisRun h : hypotheses()) {
            probes.addAll(h.probes());
        }
        return Counts.of(probes);
    }

    Counts method() {
        return Counts.of(journal.run());
    }

    Counts rollbacks() {
        return Counts.of(journal.rollbacks());
    }

    private List<HypothesisRun> hypotheses() {
        List<HypothesisRun> all = new ArrayList<>();
        if (journal.before() != null) {
            all.add(journal.before());
        }
        all.addAll(journal.during());
        if (journal.after() != null) {
            all.add(journal.after());
        }
        return all;
    }

    void printText(PrintWriter out) {
        out.println();
        out.printf(Locale.ROOT, "Status: %s, %s%n", journal.status().json(),
                journal.deviated() ? "DEVIATED (the steady state was not met after the method)" : "not deviated");
        if (journal.interruption() != null) {
            out.println("Interrupted: " + journal.interruption());
        }
        out.printf(Locale.ROOT, "Steady state: before %s, after %s%n", met(journal.before()), met(journal.after()));
        out.printf(Locale.ROOT, "Activities: hypothesis probes %s; method %s; rollbacks %s%n",
                text(hypothesisProbes()), text(method()), text(rollbacks()));
        out.printf(Locale.ROOT, "Duration: %.3f s%n", journal.duration());
        out.println("Journal: " + journalPath);
        out.println("Exit code: " + exitCode);
    }

    private static String met(HypothesisRun run) {
        return run == null ? "not checked" : run.steadyStateMet() ? "met" : "NOT met";
    }

    private static String text(Counts c) {
        return c.run() + " run (" + c.succeeded() + " succeeded, " + c.failed() + " failed)";
    }

    void printJson(PrintWriter out) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("title", journal.experiment().path("title").asText());
        root.put("status", journal.status().json());
        root.put("deviated", journal.deviated());
        root.put("exit_code", exitCode);
        root.put("journal_path", journalPath.toString());
        root.put("duration", journal.duration());
        if (journal.interruption() != null) {
            root.put("interruption", journal.interruption());
        }
        root.set("steady_state", mapper.createObjectNode()
                .put("before", met(journal.before()).toLowerCase(Locale.ROOT).replace(' ', '_'))
                .put("after", met(journal.after()).toLowerCase(Locale.ROOT).replace(' ', '_')));
        ObjectNode counts = root.putObject("counts");
        counts.set("hypothesis_probes", json(mapper, hypothesisProbes()));
        counts.set("method", json(mapper, method()));
        counts.set("rollbacks", json(mapper, rollbacks()));
        out.println(root.toPrettyString());
    }

    private static ObjectNode json(ObjectMapper mapper, Counts c) {
        return mapper.createObjectNode().put("run", c.run()).put("succeeded", c.succeeded()).put("failed", c.failed());
    }
}
