package io.reliably.engine.provider.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.reliably.engine.provider.ActivityFailedException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a response into the provider's output {@code {status, headers, body}}, as Chaos Toolkit
 * does: the body is JSON only when the {@code Content-Type} is exactly {@code application/json},
 * otherwise text decoded by {@code requests}' charset rules. Thread-safe.
 */
final class ResponseReader {

    private static final String JSON = "application/json";

    private final JsonNodeFactory nodes = JsonNodeFactory.instance;
    private volatile ObjectReader jsonReader;

    ObjectNode output(ReceivedResponse response, String url) throws ActivityFailedException {
        // repeated headers are joined as requests joins them; names compare without case
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, String> values = new LinkedHashMap<>();
        for (HttpHeader header : response.headers()) {
            String key = header.name().toLowerCase(Locale.ROOT);
            names.putIfAbsent(key, canonicalName(header.name()));
            values.merge(key, header.value(), (a, b) -> a + ", " + b);
        }
        ObjectNode headers = nodes.objectNode();
        values.forEach((key, value) -> headers.put(names.get(key), value));
        String contentType = values.get("content-type");
        ObjectNode output = nodes.objectNode();
        output.put("status", response.status());
        output.set("headers", headers);
        if (JSON.equals(contentType) && response.body().length > 0) {
            String text = new String(response.body(), StandardCharsets.UTF_8);
            JsonNode body;
            try {
                body = jsonReader().readTree(text);
            } catch (JsonProcessingException e) {
                throw notJson(url, e.getOriginalMessage());
            }
            if (body == null || body.isMissingNode()) {
                throw notJson(url, "the body is blank");
            }
            output.set("body", body);
        } else {
            output.put("body", new String(response.body(), charset(contentType)));
        }
        return output;
    }

    /**
     * The JDK {@code HttpClient} gives header names in lower case and does not keep the case the server
     * used, which {@code requests} keeps; we write them in the usual {@code Content-Type} form, whichever
     * transport received them.
     */
    static String canonicalName(String name) {
        char[] chars = name.toCharArray();
        boolean upper = true;
        for (int i = 0; i < chars.length; i++) {
            chars[i] = upper ? Character.toUpperCase(chars[i]) : chars[i];
            upper = chars[i] == '-';
        }
        return new String(chars);
    }

    private static ActivityFailedException notJson(String url, String why) {
        return new ActivityFailedException("the response from " + url
                + " says application/json but its body is not valid JSON (" + why + ")");
    }

    /** {@code requests.utils.get_encoding_from_headers}, then UTF-8 where requests would guess. */
    private static Charset charset(String contentType) {
        if (contentType == null) {
            return StandardCharsets.UTF_8;
        }
        String[] parts = contentType.split(";");
        for (int i = 1; i < parts.length; i++) {
            String param = parts[i].trim();
            int eq = param.indexOf('=');
            if (eq > 0 && param.substring(0, eq).trim().equalsIgnoreCase("charset")) {
                String name = param.substring(eq + 1).trim().replace("\"", "").replace("'", "");
                try {
                    return Charset.forName(name);
                } catch (IllegalArgumentException e) {
                    return StandardCharsets.UTF_8;
                }
            }
        }
        if (contentType.contains("text")) {
            return StandardCharsets.ISO_8859_1;
        }
        return StandardCharsets.UTF_8;
    }

    private ObjectReader jsonReader() {
        ObjectReader reader = jsonReader;
        if (reader == null) {
            reader = JsonMapper.builder()
                    .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                    .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .build()
                    .readerFor(JsonNode.class);
            jsonReader = reader;
        }
        return reader;
    }
}
