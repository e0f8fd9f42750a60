package io.reliably.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns an exception that escaped a command into one line on stderr and exit code 1. The stack trace
 * is shown only with {@code RELIABLY_DEBUG=1}: users get the message, developers can ask for more.
 */
final class UnexpectedErrorHandler implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult) {
        String message = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
        commandLine.getErr().println("reliably: error: " + message);
        if (System.getenv("RELIABLY_DEBUG") != null) {
            ex.printStackTrace(commandLine.getErr());
        }
        commandLine.getErr().flush();
        Integer code = commandLine.getCommandSpec().exitCodeOnExecutionException();
        return code == null ? 1 : code;
    }
}
