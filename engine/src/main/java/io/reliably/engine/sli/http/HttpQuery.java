package io.reliably.engine.sli.http;

import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One fully substituted request to a metric store. {@link #toString()} names only the method and the
 * address without its query, because headers, query parameters and bodies may carry secrets.
 *
 * @param method {@code GET} or {@code POST}
 * @param uri the address, query parameters included
 * @param headers header names and values, in order
 * @param body a JSON body for {@code POST}, or {@code null}
 */
public record HttpQuery(String method, URI uri, Map<String, String> headers, String body) {

    public HttpQuery {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(uri, "uri");
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /** {@code GET scheme://host:port/path}: what messages show of a request. */
    public String describe() {
        String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        return method + " " + uri.getScheme() + "://" + uri.getHost() + port + path;
    }

    @Override
    public String toString() {
        return describe();
    }
}
