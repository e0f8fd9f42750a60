package io.reliably.engine.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * An HTTP call, as Chaos Toolkit's {@code provider/http.py} makes it. The substitutable fields are
 * raw JSON and are resolved just before the call.
 *
 * @param url a string, possibly with {@code ${name}}
 * @param method the HTTP verb, upper case, default {@code GET}
 * @param headers an object of header names to values, or {@code null}
 * @param arguments the query string (GET) or the body (other verbs), or {@code null}
 * @param timeout a number of seconds, a {@code [connect, read]} pair, a {@code ${name}} string, or
 *     {@code null} for no timeout
 * @param verifyTls whether to verify the server's certificate
 * @param maxRetries how many times to retry on a connection error
 * @param secrets the secret groups the provider asked for
 */
public record HttpProvider(
        JsonNode url,
        String method,
        JsonNode headers,
        JsonNode arguments,
        JsonNode timeout,
        boolean verifyTls,
        int maxRetries,
        List<String> secrets) implements Provider {

    public HttpProvider {
        secrets = List.copyOf(secrets);
    }

    @Override
    public String type() {
        return "http";
    }
}
