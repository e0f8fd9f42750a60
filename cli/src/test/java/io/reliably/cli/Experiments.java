package io.reliably.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Experiment files for CLI tests, written into a test's temporary directory. */
final class Experiments {

    private Experiments() {
    }

    /** One hypothesis probe of {@code hypothesisPath}, one method probe, one rollback to {@code /rollback}. */
    static Path write(Path dir, String url, String hypothesisPath, String methodPath) throws IOException {
        return write(dir, url, hypothesisPath, methodPath, "/rollback");
    }

    /** The same, with the rollback calling {@code rollbackPath}. */
    static Path write(Path dir, String url, String hypothesisPath, String methodPath, String rollbackPath)
            throws IOException {
        String json = """
                {
                  "title": "CLI test",
                  "description": "a test experiment",
                  "steady-state-hypothesis": {
                    "title": "up",
                    "probes": [{"type": "probe", "name": "is-up", "tolerance": 200,
                                "provider": {"type": "http", "url": "URL%s", "timeout": 10}}]
                  },
                  "method": [{"type": "probe", "name": "call-method",
                              "provider": {"type": "http", "url": "URL%s", "timeout": 120}}],
                  "rollbacks": [{"type": "action", "name": "roll-back",
                                 "provider": {"type": "http", "url": "URL%s", "timeout": 120}}]
                }
                """.formatted(hypothesisPath, methodPath, rollbackPath).replace("URL", url);
        Path file = dir.resolve("experiment.json");
        Files.writeString(file, json);
        return file;
    }
}
