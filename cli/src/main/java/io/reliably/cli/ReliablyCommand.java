package io.reliably.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code reliably} command line: the engine for any CI, without Jenkins. */
@Command(name = "reliably", mixinStandardHelpOptions = true, version = "reliably 0.1.0",
        description = "Runs Chaos Toolkit experiments, queries service level indicators and gates on objectives.",
        subcommands = {RunCommand.class, ValidateCommand.class, DemoCommand.class, SliCommand.class,
            GateCommand.class, CdsTrainingCommand.class})
public final class ReliablyCommand implements Runnable {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /**
     * The command line with its error handling: a user error is one clear line on stderr, never a
     * stack trace (set {@code RELIABLY_DEBUG=1} to see one for an unexpected failure).
     */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new ReliablyCommand());
        commandLine.setExecutionExceptionHandler(new UnexpectedErrorHandler());
        commandLine.setParameterExceptionHandler(ReliablyCommand::usageError);
        return commandLine;
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
        new CommandLine(this).usage(System.out);
    }
}
