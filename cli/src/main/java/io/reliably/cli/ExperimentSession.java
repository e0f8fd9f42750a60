package io.reliably.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.reliably.engine.configuration.RunValues;
import io.reliably.engine.configuration.RunValuesResolver;
import io.reliably.engine.configuration.Vars;
import io.reliably.engine.experiment.Experiment;
import io.reliably.engine.journal.Journal;
import io.reliably.engine.journal.JournalWriter;
import io.reliably.engine.loader.ExperimentLoader;
import io.reliably.engine.loader.InvalidExperimentException;
import io.reliably.engine.loader.Problem;
import io.reliably.engine.provider.Providers;
import io.reliably.engine.provider.http.UrlConnectionTransport;
import io.reliably.engine.run.ExperimentRunner;
import io.reliably.engine.run.RunControl;
import io.reliably.engine.run.RunListener;
import io.reliably.engine.run.RunSettings;
import io.reliably.engine.secret.SecretResolver;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One experiment run from the command line, as {@code chaos run} does it: load and validate (every
 * problem, nothing runs, no journal), resolve values, run with live progress and signals that stop
 * the run gracefully, write the journal, print the summary, and return the exit code.
 */
final class ExperimentSession {

    static final int OK = 0;
    static final int NOT_OK = 1;

    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean json;

    ExperimentSession(PrintWriter out, PrintWriter err, boolean json) {
        this.out = out;
        this.err = err;
        this.json = json;
    }

    /** What happened; {@code journal} is {@code null} when nothing ran. */
    record Outcome(int exitCode, Journal journal, Path journalPath) { }

    int run(ExperimentSource source, List<String> vars, List<Path> varFiles, Map<String, JsonNode> fixed,
            RunSettings settings, Path journalPath) {
        return execute(source, vars, varFiles, fixed, settings, journalPath).exitCode();
    }

    Outcome execute(ExperimentSource source, List<String> vars, List<Path> varFiles, Map<String, JsonNode> fixed,
            RunSettings settings, Path journalPath) {
        List<Problem> problems = new ArrayList<>();
        Experiment experiment = null;
        try {
            experiment = source.load(new ExperimentLoader());
        } catch (InvalidExperimentException e) {
            problems.addAll(e.problems());
        }
        Vars given = Vars.NONE;
        try {
            given = Vars.load(vars, varFiles);
        } catch (InvalidExperimentException e) {
            problems.addAll(e.problems());
        }
        if (!problems.isEmpty()) {
            return invalid(problems);
        }
        Map<String, JsonNode> configuration = new LinkedHashMap<>(given.configuration());
        configuration.putAll(fixed);
        given = new Vars(configuration, given.secrets(), given.environment());

        // A command-line run lives for one experiment: HttpURLConnection is fast from the first call,
        // where the JDK HttpClient needs thousands of calls to warm up (docs/performance.md).
        Providers providers = new Providers(System.getenv(), new UrlConnectionTransport());
        RunValuesResolver resolver = new RunValuesResolver(System.getenv(), SecretResolver.NONE, providers)
                .forFile(source.name());
        RunValues values;
        try {
            values = resolver.resolve(experiment, given);
        } catch (InvalidExperimentException e) {
            return invalid(e.problems());
        }
        resolver.warnings().forEach(w -> err.println("reliably: warning: " + values.masker().mask(w)));

        RunControl control = new RunControl();
        List<RunListener> listeners = List.of(new ProgressListener(err, source.name()));
        Path written = journalPath.toAbsolutePath().normalize();
        Journal journal;
        // Signals stay handled until the journal is on disk: a Ctrl-C never loses it.
        try (StopSignals signals = StopSignals.install(control, err)) {
            journal = new ExperimentRunner(providers).run(experiment, values, settings, listeners, control);
            if (written.getParent() != null) {
                Files.createDirectories(written.getParent());
            }
            new JournalWriter().write(journal, written);
        } catch (IOException e) {
            err.println("reliably: error: could not write the journal to " + written + ": " + e.getMessage());
            err.flush();
            return new Outcome(NOT_OK, null, null);
        }
        int code = journal.isSuccessful() ? OK : NOT_OK;
        RunSummary summary = new RunSummary(journal, written, code);
        if (json) {
            summary.printJson(out);
        } else {
            summary.printText(out);
        }
        out.flush();
        err.flush();
        return new Outcome(code, journal, written);
    }

    private Outcome invalid(List<Problem> problems) {
        err.println("reliably: the experiment is invalid; nothing ran and no journal was written ("
                + problems.size() + (problems.size() == 1 ? " problem" : " problems") + "):");
        problems.forEach(p -> err.println("  " + p));
        err.flush();
        return new Outcome(NOT_OK, null, null);
    }
}
