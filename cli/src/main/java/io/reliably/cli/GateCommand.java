package io.reliably.cli;

import io.reliably.engine.slo.ComparisonBasis;
import io.reliably.engine.slo.Evaluation;
import io.reliably.engine.slo.EvaluationHistory;
import io.reliably.engine.slo.EvaluationJson;
import io.reliably.engine.slo.EvaluationTable;
import io.reliably.engine.slo.Gate;
import io.reliably.engine.slo.GateHistory;
import io.reliably.engine.slo.GateResult;
import io.reliably.engine.slo.InvalidSloException;
import io.reliably.engine.slo.SliValues;
import io.reliably.engine.slo.SliValuesReader;
import io.reliably.engine.slo.Slo;
import io.reliably.engine.slo.SloProblem;
import io.reliably.engine.slo.SloLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code reliably gate}: judges indicator values against a Keptn {@code slo.yaml} as Keptn's
 * lighthouse does, comparing relative criteria with earlier gates, and exits with the result.
 */
@Command(name = "gate", mixinStandardHelpOptions = true,
        description = "Evaluates indicator values against a Keptn slo.yaml, as Keptn's quality gates do.",
        exitCodeOnInvalidInput = GateCommand.ERROR, exitCodeOnExecutionException = GateCommand.ERROR,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:pass", "1:fail", "2:warning", "3:error: invalid input (no evaluation happened)"})
public class GateCommand implements Callable<Integer> {

    static final int PASS = 0;
    static final int FAIL = 1;
    static final int WARNING = 2;
    static final int ERROR = 3;

    @Spec
    CommandSpec spec;

    @Option(names = "--slo", required = true, paramLabel = "FILE",
            description = "The Keptn slo.yaml (YAML or JSON). A missing file fails the gate with the reason.")
    Path sloFile;

    @Option(names = "--sli-values", paramLabel = "FILE",
            description = "Indicator values: a list of {metric, value, success, message}, the {\"indicators\": [...]} "
                    + "that `reliably sli --json` prints, or Keptn's get-sli.finished event.")
    Path sliValuesFile;

    @ArgGroup(exclusive = true)
    HistorySource history;

    /** Where earlier evaluations come from: a file, or a directory this gate also writes to. */
    static final class HistorySource {
        @Option(names = "--history", paramLabel = "FILE",
                description = "Earlier evaluations, newest first, each as --json prints it.")
        Path file;

        @Option(names = "--history-dir", paramLabel = "DIR",
                description = "A directory of earlier evaluations; this gate's evaluation is added to it.")
        Path directory;
    }

    @Option(names = "--reference", paramLabel = "ID",
            description = "Compare relative criteria with this one earlier evaluation instead of the last N.")
    String reference;

    @Option(names = "--json", description = "Print the evaluation as JSON (Keptn's evaluation shape).")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            Evaluation evaluation = evaluate();
            out.print(json ? new EvaluationJson().toString(evaluation) + "\n" : new EvaluationTable().render(evaluation));
            out.flush();
            return exitCode(evaluation.result());
        } catch (InvalidSloException e) {
            err.println("reliably gate: invalid input:");
            e.getMessage().lines().forEach(line -> err.println("  " + line));
            err.flush();
            return ERROR;
        } catch (IOException e) {
            err.println("reliably gate: " + e.getMessage());
            err.flush();
            return ERROR;
        }
    }

    private Evaluation evaluate() throws InvalidSloException, IOException {
        if (reference != null && history == null) {
            throw new InvalidSloException(new SloProblem("--reference", "",
                    "needs --history FILE or --history-dir DIR to find evaluation '" + reference + "' in"));
        }
        EvaluationHistory earlier = readHistory();
        Optional<Slo> slo = Files.exists(sloFile) ? Optional.of(new SloLoader().load(sloFile)) : Optional.empty();
        SliValues values = indicatorValues(slo);
        Gate gate = new Gate();
        if (slo.isEmpty()) {
            return gate.withoutSlo(sloFile + " does not exist", values);
        }
        ComparisonBasis basis = reference != null ? earlier.reference(reference) : earlier.select(slo.get().comparison());
        Evaluation evaluation = gate.evaluate(slo.get(), values, basis);
        if (history != null && history.directory != null) {
            new GateHistory(history.directory).write(evaluation);
        }
        return evaluation;
    }

    private EvaluationHistory readHistory() throws InvalidSloException {
        if (history == null) {
            return EvaluationHistory.empty();
        }
        if (history.file != null) {
            return new EvaluationJson().readHistory(history.file);
        }
        return new GateHistory(history.directory).read();
    }

    /**
     * The indicator values to judge. This reads {@code --sli-values}; querying a provider ({@code --sli}
     * ...) plugs in here, and gets the SLO for its {@code filter} placeholders.
     *
     * @param slo the SLO, or empty when its file does not exist
     */
    protected SliValues indicatorValues(Optional<Slo> slo) throws InvalidSloException {
        if (sliValuesFile == null) {
            throw new InvalidSloException(new SloProblem("--sli-values", "",
                    "missing; expected --sli-values FILE with the indicator values to judge"));
        }
        return new SliValuesReader().read(sliValuesFile);
    }

    static int exitCode(GateResult result) {
        return switch (result) {
            case PASS -> PASS;
            case WARNING -> WARNING;
            case FAIL -> FAIL;
        };
    }
}
