package io.reliably.engine.sli.http;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.StringJoiner;

/** Builds addresses with form-encoded query parameters, appended to any query the base already has. */
public final class QueryStrings {

    private QueryStrings() {
    }

    /** {@code base?k=v&...}; {@code +} and spaces are encoded, so PromQL and NRQL arrive as written. */
    public static URI withParams(String base, Map<String, String> params) {
        if (params.isEmpty()) {
            return URI.create(base);
        }
        StringJoiner query = new StringJoiner("&");
        params.forEach((name, value) -> query.add(encode(name) + "=" + encode(value)));
        String separator = base.contains("?") ? (base.endsWith("?") || base.endsWith("&") ? "" : "&") : "?";
        return URI.create(base + separator + query);
    }

    /** Form-encodes one name or value, with spaces as {@code %20}. */
    public static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** {@code base} without a trailing slash, so paths can be appended. */
    public static String trimSlash(String base) {
        String trimmed = base;
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed;
    }
}
