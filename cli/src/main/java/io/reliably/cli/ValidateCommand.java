package io.reliably.cli;

import io.reliably.engine.experiment.Experiment;
import io.reliably.engine.loader.ExperimentLoader;
import io.reliably.engine.loader.InvalidExperimentException;
import io.reliably.engine.loader.Problem;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code reliably validate}: every problem of an experiment at once, without running anything. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Checks an experiment (JSON or YAML) and lists every problem; runs nothing.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the experiment is valid", "1:the experiment has problems (each printed on stderr)"})
public final class ValidateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "EXPERIMENT", description = "The experiment file (JSON or YAML).")
    Path experiment;

    @Override
    public Integer call() {
        ReliablyCommand.awaitWarmup(spec);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            Experiment loaded = new ExperimentLoader().load(experiment);
            out.printf("%s: valid: \"%s\" (%d hypothesis probes, %d method activities, %d rollbacks)%n",
                    experiment, loaded.title(), loaded.hypothesis() == null ? 0 : loaded.hypothesis().probes().size(),
                    loaded.method().size(), loaded.rollbacks().size());
            out.flush();
            return ExperimentSession.OK;
        } catch (InvalidExperimentException e) {
            List<Problem> problems = e.problems();
            err.println(experiment + ": invalid (" + problems.size()
                    + (problems.size() == 1 ? " problem" : " problems") + "):");
            problems.forEach(p -> err.println("  " + p));
            err.flush();
            return ExperimentSession.NOT_OK;
        }
    }
}
