package io.reliably.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code reliably} command line: the engine for any CI, without Jenkins. */
@Command(name = "reliably", mixinStandardHelpOptions = true, version = "reliably 0.1.0",
        description = "Runs Chaos Toolkit experiments, queries service level indicators and gates on objectives.")
public final class ReliablyCommand implements Runnable {

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
        Map<String, Supplier<Object>> subcommands = subcommands();
        ReliablyCommand reliably = new ReliablyCommand();
        if (args.length > 0 && WARMED_UP.contains(args[0])) {
            reliably.warmup = Warmup.start();
        }
        CommandLine commandLine = new CommandLine(reliably);
        if (args.length > 0 && subcommands.containsKey(args[0])) {
            commandLine.addSubcommand(subcommands.get(args[0]).get());
        } else {
            subcommands.values().forEach(subcommand -> commandLine.addSubcommand(subcommand.get()));
        }
        commandLine.setExecutionExceptionHandler(new UnexpectedErrorHandler());
        commandLine.setParameterExceptionHandler(ReliablyCommand::usageError);
        return commandLine;
    }

    /** Waits for the warm-up a subcommand of {@code spec}'s command line started, if any. */
    static void awaitWarmup(CommandSpec spec) {
        if (spec.root().userObject() instanceof ReliablyCommand reliably && reliably.warmup != null) {
            reliably.warmup.await();
        }
    }

    /** Every subcommand by name, in the order the usage lists them. */
    private static Map<String, Supplier<Object>> subcommands() {
        Map<String, Supplier<Object>> subcommands = new LinkedHashMap<>();
        subcommands.put("run", RunCommand::new);
        subcommands.put("validate", ValidateCommand::new);
        subcommands.put("demo", DemoCommand::new);
        subcommands.put("sli", SliCommand::new);
        subcommands.put("gate", GateCommand::new);
        subcommands.put("cds-training", CdsTrainingCommand::new);
        return subcommands;
    }

    /** A bad flag or argument: the message, suggestions, and where to find help; not the whole usage. */
    private static int usageError(CommandLine.ParameterException ex, String[] args) {
        CommandLine command = ex.getCommandLine();
        java.io.PrintWriter err = command.getErr();
        err.println("reliably: " + ex.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
        err.println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for the flags and their values.");
        err.flush();
        return command.getCommandSpec().exitCodeOnInvalidInput();
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
