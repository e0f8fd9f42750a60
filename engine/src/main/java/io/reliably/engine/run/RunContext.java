package io.reliably.engine.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.reliably.engine.experiment.Experiment;
import io.reliably.engine.secret.SecretMasker;

/** What a {@link RunListener} can see of, and do to, the run in progress. */
public interface RunContext {

    /** The experiment being run. */
    Experiment experiment();

    /** Stops the run, from any thread. */
    RunControl control();

    /** Hides secret values in anything a listener sends elsewhere. */
    SecretMasker masker();

    /**
     * The journal extension of this name ({@code experiment.extensions[name=...]}), created on first
     * use; listeners add their fields to it. Thread-safe per call; the returned node is shared.
     */
    ObjectNode extension(String name);
}
