package io.reliably.cli;

import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code reliably} command line: the engine for any CI, without Jenkins. */
@Command(name = "reliably", mixinStandardHelpOptions = true, version = "reliably 0.1.0",
        description = "Runs Chaos Toolkit experiments, queries service level indicators and gates on objectives.")
public final class ReliablyCommand implements Runnable {

    /** Every subcommand, in the order the usage lists them. */
    private static final List<String> SUBCOMMANDS = List.of("run", "validate", "demo", "sli", "gate", "cds-training");

    /** The subcommands that load an experiment, and so gain from a {@link Warmup}. */
    private static final Set<String> WARMED_UP = Set.of("run", "validate", "demo");

    @Spec
    CommandSpec spec;

    /** Started for the commands that load an experiment; {@code null} otherwise. */
    private Warmup warmup;

    public static void main(String[] args) {
        System.exit(commandLine(args).execute(args));
    }

    /** The command line with every subcommand, for help, suggestions and tests. */
    public static CommandLine commandLine() {
        return commandLine(new String[0]);
    }

    /**
     * The command line with its error handling: a user error is one clear line on stderr, never a
     * stack trace (set {@code RELIABLY_DEBUG=1} to see one for an unexpected failure). When the first
     * argument names a subcommand, only that one is added: picocli reads every command it is given
     * through reflection when it starts, which a short run would pay for all six.
     */
    static CommandLine commandLine(String[] args) {
        ReliablyCommand reliably = new ReliablyCommand();
        if (args.length > 0 && WARMED_UP.contains(args[0])) {
            reliably.warmup = Warmup.start();
        }
        CommandLine commandLine = new CommandLine(reliably);
        Object only = args.length > 0 ? subcommand(args[0]) : null;
        if (only != null) {
            commandLine.addSubcommand(only);
        } else {
            SUBCOMMANDS.forEach(name -> commandLine.addSubcommand(subcommand(name)));
        }
        commandLine.setExecutionExceptionHandler(new UnexpectedErrorHandler());
        commandLine.setParameterExceptionHandler(new UsageErrorHandler());
        return commandLine;
    }

    /** Waits for the warm-up a subcommand of {@code spec}'s command line started, if any. */
    static void awaitWarmup(CommandSpec spec) {
        if (spec.root().userObject() instanceof ReliablyCommand reliably && reliably.warmup != null) {
            reliably.warmup.await();
        }
    }

    /** A new subcommand of that name, or {@code null}. (A switch: lambdas are costly in a fresh JVM.) */
    private static Object subcommand(String name) {
        return switch (name) {
            case "run" -> new RunCommand();
            case "validate" -> new ValidateCommand();
            case "demo" -> new DemoCommand();
            case "sli" -> new SliCommand();
            case "gate" -> new GateCommand();
            case "cds-training" -> new CdsTrainingCommand();
            default -> null;
        };
    }

    /** A bad flag or argument: the message, suggestions, and where to find help; not the whole usage. */
    private static final class UsageErrorHandler implements CommandLine.IParameterExceptionHandler {

        @Override
        public int handleParseException(CommandLine.ParameterException ex, String[] args) {
            CommandLine command = ex.getCommandLine();
            java.io.PrintWriter err = command.getErr();
            err.println("reliably: " + ex.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
            err.println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for the flags and their values.");
            err.flush();
            return command.getCommandSpec().exitCodeOnInvalidInput();
        }
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
