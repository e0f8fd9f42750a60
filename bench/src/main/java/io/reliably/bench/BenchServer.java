package io.reliably.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * For {@code bench/run-cli-startup.sh}: serves the loopback endpoint in its own JVM, writes the
 * N-probe experiment pointing at it, prints {@code ready}, and stops when its stdin closes.
 *
 * <p>Usage: {@code BenchServer EXPERIMENT_FILE [PROBES]}.
 */
public final class BenchServer {

    private BenchServer() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: BenchServer EXPERIMENT_FILE [PROBES]");
            System.exit(2);
        }
        int probes = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        try (LoopbackServer server = new LoopbackServer()) {
            Files.writeString(Path.of(args[0]), ProbeExperiment.json(server.url(), probes));
            System.out.println("ready " + server.url());
            System.out.flush();
            while (System.in.read() >= 0) {
                // serve until stdin closes
            }
        }
    }
}
