package io.reliably.engine.provider;

import com.fasterxml.jackson.databind.JsonNode;
import io.reliably.engine.experiment.Provider;

/**
 * Runs one kind of provider. The provider it gets has had {@code ${name}} substituted already.
 *
 * @param <P> the provider kind
 */
public interface ProviderRunner<P extends Provider> {

    /**
     * @param provider the provider, substituted
     * @param cancellation fired when the run is stopped; the runner must abort its work at once
     * @return the normalised output: {@code {status, headers, body}} for http,
     *     {@code {status, stdout, stderr}} for process
     * @throws ActivityFailedException on a timeout, a connection error or a cancellation
     */
    JsonNode run(P provider, Cancellation cancellation) throws ActivityFailedException;
}
