package io.reliably.engine.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A process, as Chaos Toolkit's {@code provider/process.py} starts it.
 *
 * @param path the program, looked up on {@code PATH}, {@code ~} expanded
 * @param arguments a list, an object (flattened to key, value pairs) or a string (run by the shell),
 *     or {@code null}
 * @param timeout seconds (number or {@code ${name}} string), or {@code null} for none
 * @param env extra environment variables (an object), or {@code null}
 * @param secrets the secret groups the provider asked for
 */
public record ProcessProvider(
        String path,
        JsonNode arguments,
        JsonNode timeout,
        JsonNode env,
        List<String> secrets) implements Provider {

    public ProcessProvider {
        secrets = List.copyOf(secrets);
    }

    @Override
    public String type() {
        return "process";
    }
}
