package io.reliably.engine.loader;

import com.fasterxml.jackson.databind.JsonNode;
import io.reliably.engine.experiment.Provider;

/** Reads one provider on its own, such as a dynamic configuration probe's once it is substituted. */
public final class ProviderParser {

    private ProviderParser() {
    }

    /**
     * @param file the file problems name
     * @param path the provider's JSON path
     * @throws InvalidExperimentException with every problem of the provider
     */
    public static Provider parse(String file, String path, JsonNode provider) throws InvalidExperimentException {
        Problems problems = new Problems(file);
        Provider read = new ProviderReader(new Fields(problems)).read(provider, path);
        problems.throwIfAny();
        return read;
    }
}
