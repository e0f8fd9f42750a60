package io.reliably.engine.loader;

import com.fasterxml.jackson.databind.JsonNode;
import io.reliably.engine.experiment.Experiment;
import java.nio.file.Path;

/**
 * Loads a Chaos Toolkit experiment from JSON or YAML and validates all of it in one pass, so the user
 * sees every problem at once, each with the file, the JSON path and what was expected. Nothing runs
 * and nothing is read from the environment: configuration and secrets are resolved when the run
 * starts. Thread-safe and stateless.
 */
public final class ExperimentLoader {

    public ExperimentLoader() {
        // stateless: each load reads one document with its own reader
    }

    /** Loads and validates a file (UTF-8 JSON or YAML, recognised by content). */
    public Experiment load(Path file) throws InvalidExperimentException {
        return parse(file.toString(), Documents.readText(file));
    }

    /**
     * Parses and validates a document.
     *
     * @param fileName the name problems show
     * @param content JSON or YAML, recognised by content
     */
    public Experiment parse(String fileName, String content) throws InvalidExperimentException {
        JsonNode root = Documents.read(fileName, content);
        try {
            return new ExperimentReader(fileName).read(root);
        } catch (StackOverflowError e) {
            throw new InvalidExperimentException(java.util.List.of(new Problem(fileName, "",
                    "the experiment nests too deeply to be read")));
        }
    }
}
