package io.reliably.cli;

import io.reliably.engine.experiment.Experiment;
import io.reliably.engine.loader.ExperimentLoader;
import io.reliably.engine.loader.InvalidExperimentException;
import java.nio.file.Path;

/** Where an experiment comes from: a file the user named, or a document bundled in the jar. */
record ExperimentSource(String name, Path file, String content) {

    static ExperimentSource file(Path file) {
        return new ExperimentSource(file.toString(), file, null);
    }

    static ExperimentSource bundled(String name, String content) {
        return new ExperimentSource(name, null, content);
    }

    Experiment load(ExperimentLoader loader) throws InvalidExperimentException {
        return file != null ? loader.load(file) : loader.parse(name, content);
    }
}
