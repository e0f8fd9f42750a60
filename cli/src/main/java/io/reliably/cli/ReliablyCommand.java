package io.reliably.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code reliably} command line: the engine for any CI, without Jenkins. */
@Command(name = "reliably", mixinStandardHelpOptions = true, version = "reliably 0.1.0",
        description = "Runs Chaos Toolkit experiments, queries service level indicators and gates on objectives.",
        subcommands = {GateCommand.class})
public final class ReliablyCommand implements Runnable {

    public static void main(String[] args) {
        System.exit(new CommandLine(new ReliablyCommand()).execute(args));
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
