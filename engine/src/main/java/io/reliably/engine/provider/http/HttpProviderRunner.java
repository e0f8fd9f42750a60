package io.reliably.engine.provider.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.reliably.engine.experiment.HttpProvider;
import io.reliably.engine.provider.ActivityFailedException;
import io.reliably.engine.provider.Cancellation;
import io.reliably.engine.provider.ProviderRunner;
import io.reliably.engine.python.PythonJson;
import io.reliably.engine.python.PythonValues;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import javax.net.ssl.SSLException;

/**
 * Runs an http provider as Chaos Toolkit's {@code provider/http.py} does with {@code requests}, on the
 * JDK {@link HttpClient}. The status is not checked: a 500 is an output, not a failure. Only a
 * connection error, a timeout or a cancellation fails the activity. Thread-safe; clients are built on
 * first use and reused.
 */
public final class HttpProviderRunner implements ProviderRunner<HttpProvider> {

    private static final String JSON = "application/json";
    /** Methods urllib3 retries after a read error (not only a connection error). */
    private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "PUT", "DELETE", "OPTIONS", "TRACE");

    private final HttpClients clients = new HttpClients();
    private final JsonNodeFactory nodes = JsonNodeFactory.instance;
    private volatile ObjectReader jsonReader;

    @Override
    public JsonNode run(HttpProvider provider, Cancellation cancellation) throws ActivityFailedException {
        checkNotCancelled(cancellation);
        JsonNode urlNode = provider.url();
        if (urlNode == null || !urlNode.isTextual() || urlNode.textValue().isEmpty()) {
            throw new ActivityFailedException("the http provider's url must be a non-empty string");
        }
        String url = urlNode.textValue();
        String method = provider.method() == null ? "GET" : provider.method().toUpperCase(Locale.ROOT);
        HttpTimeout timeout;
        try {
            timeout = HttpTimeout.parse(provider.timeout());
        } catch (IllegalArgumentException e) {
            throw new ActivityFailedException("cannot call " + url + ": " + e.getMessage());
        }
        URI uri = uri(url, method, provider.arguments());
        boolean verifyTls = provider.verifyTls() || !"https".equalsIgnoreCase(uri.getScheme());
        HttpClient client = clients.get(verifyTls, timeout.connect());
        HttpRequest request = request(uri, url, method, provider, timeout);
        HttpResponse<byte[]> response = send(client, request, url, method, provider.maxRetries(), timeout, cancellation);
        return output(response, url);
    }

    private URI uri(String url, String method, JsonNode arguments) throws ActivityFailedException {
        String withoutFragment = url;
        int hash = url.indexOf('#');
        if (hash >= 0) {
            withoutFragment = url.substring(0, hash);
        }
        if ("GET".equals(method) && arguments != null) {
            String query;
            try {
                query = FormEncoding.encode(arguments);
            } catch (IllegalArgumentException e) {
                throw new ActivityFailedException("cannot call " + url + ": " + e.getMessage());
            }
            if (!query.isEmpty()) {
                int question = withoutFragment.indexOf('?');
                boolean hasQuery = question >= 0 && question < withoutFragment.length() - 1;
                if (question == withoutFragment.length() - 1) {
                    withoutFragment = withoutFragment.substring(0, question);
                }
                withoutFragment = withoutFragment + (hasQuery ? "&" : "?") + query;
            }
        }
        URI uri;
        try {
            uri = new URI(FormEncoding.requote(withoutFragment));
        } catch (URISyntaxException e) {
            throw new ActivityFailedException("invalid url " + url + ": " + e.getReason());
        }
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
            throw new ActivityFailedException("invalid url " + url + ": the scheme must be http or https");
        }
        if (uri.getHost() == null) {
            throw new ActivityFailedException("invalid url " + url + ": no host");
        }
        return uri;
    }

    private HttpRequest request(URI uri, String url, String method, HttpProvider provider, HttpTimeout timeout)
            throws ActivityFailedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(timeout.read());
        JsonNode headers = provider.headers();
        boolean hasAccept = false;
        boolean hasContentType = false;
        boolean jsonBody = false;
        if (headers != null && headers.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = headers.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> header = it.next();
                String name = header.getKey();
                JsonNode value = header.getValue();
                if (value.isNull()) {
                    continue; // requests drops headers set to None
                }
                if (value.isContainerNode()) {
                    throw new ActivityFailedException("cannot call " + url + ": header '" + name + "' must be a string");
                }
                try {
                    builder.header(name, PythonValues.str(value));
                } catch (IllegalArgumentException e) {
                    throw new ActivityFailedException("cannot call " + url + ": header '" + name
                            + "' cannot be sent by the JDK HTTP client (a restricted or invalid header; "
                            + "restricted ones are allowed with -Djdk.httpclient.allowRestrictedHeaders=<name>)");
                }
                hasAccept |= name.equalsIgnoreCase("Accept");
                hasContentType |= name.equalsIgnoreCase("Content-Type");
                // requests' exact test: headers.get("Content-Type") == "application/json"
                jsonBody |= name.equals("Content-Type") && value.isTextual() && JSON.equals(value.textValue());
            }
        }
        if (!hasAccept) {
            builder.header("Accept", "*/*");
        }
        builder.method(method, body(method, provider.arguments(), jsonBody, hasContentType, builder, url));
        return builder.build();
    }

    private HttpRequest.BodyPublisher body(String method, JsonNode arguments, boolean jsonBody, boolean hasContentType,
            HttpRequest.Builder builder, String url) throws ActivityFailedException {
        if ("GET".equals(method) || arguments == null || arguments.isNull()) {
            return HttpRequest.BodyPublishers.noBody();
        }
        if (jsonBody) {
            return HttpRequest.BodyPublishers.ofString(PythonJson.dumps(arguments), StandardCharsets.UTF_8);
        }
        if (!PythonValues.truthy(arguments)) {
            return HttpRequest.BodyPublishers.noBody(); // requests sends no body for empty data
        }
        String form;
        try {
            form = FormEncoding.encode(arguments);
        } catch (IllegalArgumentException e) {
            throw new ActivityFailedException("cannot call " + url + ": " + e.getMessage());
        }
        if (!arguments.isTextual() && !hasContentType) {
            builder.header("Content-Type", "application/x-www-form-urlencoded");
        }
        return HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8);
    }

    private HttpResponse<byte[]> send(HttpClient client, HttpRequest request, String url, String method,
            int maxRetries, HttpTimeout timeout, Cancellation cancellation) throws ActivityFailedException {
        for (int attempt = 0; ; attempt++) {
            try {
                return exchange(client, request, cancellation);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                boolean connectError = isConnectError(cause);
                boolean retry = attempt < maxRetries && (connectError || IDEMPOTENT.contains(method));
                if (retry && !cancellation.isCancelled()) {
                    continue;
                }
                checkNotCancelled(cancellation);
                throw failure(cause, url, timeout);
            }
        }
    }

    private HttpResponse<byte[]> exchange(HttpClient client, HttpRequest request, Cancellation cancellation)
            throws ExecutionException, ActivityFailedException {
        CompletableFuture<HttpResponse<byte[]>> future =
                client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
        AutoCloseable registration = cancellation.onCancel(() -> future.cancel(true));
        try {
            return future.get();
        } catch (CancellationException e) {
            throw interrupted(cancellation);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new ActivityFailedException("interrupted: the thread running the activity was interrupted");
        } finally {
            try {
                registration.close();
            } catch (Exception e) {
                // unregistering cannot fail
            }
        }
    }

    private static boolean isConnectError(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof HttpConnectTimeoutException
                    || t instanceof SSLException) {
                return true;
            }
        }
        return false;
    }

    private static ActivityFailedException failure(Throwable cause, String url, HttpTimeout timeout) {
        if (cause instanceof HttpConnectTimeoutException) {
            return new ActivityFailedException("failed to connect to " + url + ": no connection within "
                    + HttpTimeout.describe(timeout.connect()));
        }
        if (cause instanceof HttpTimeoutException) {
            return new ActivityFailedException("activity took too long to complete: no response from " + url
                    + " within " + HttpTimeout.describe(timeout.read()));
        }
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                return new ActivityFailedException("failed to connect to " + url + ": connection refused");
            }
            if (t instanceof SSLException) {
                return new ActivityFailedException("failed to connect to " + url + ": TLS handshake failed ("
                        + t.getMessage() + ")");
            }
        }
        String what = cause instanceof IOException && cause.getMessage() != null
                ? cause.getMessage() : cause.getClass().getSimpleName();
        return new ActivityFailedException("failed to connect to " + url + ": " + what);
    }

    private static void checkNotCancelled(Cancellation cancellation) throws ActivityFailedException {
        if (cancellation.isCancelled()) {
            throw interrupted(cancellation);
        }
    }

    private static ActivityFailedException interrupted(Cancellation cancellation) {
        return new ActivityFailedException("interrupted: " + cancellation.reason());
    }

    private ObjectNode output(HttpResponse<byte[]> response, String url) throws ActivityFailedException {
        ObjectNode headers = nodes.objectNode();
        for (Map.Entry<String, List<String>> header : response.headers().map().entrySet()) {
            if (!header.getKey().startsWith(":")) {
                headers.put(canonicalName(header.getKey()), String.join(", ", header.getValue()));
            }
        }
        List<String> contentTypes = response.headers().allValues("Content-Type");
        String contentType = contentTypes.isEmpty() ? null : String.join(", ", contentTypes);
        ObjectNode output = nodes.objectNode();
        output.put("status", response.statusCode());
        output.set("headers", headers);
        if (JSON.equals(contentType)) {
            String text = new String(response.body(), StandardCharsets.UTF_8);
            JsonNode body;
            try {
                body = jsonReader().readTree(text);
            } catch (JsonProcessingException e) {
                throw notJson(url, e.getOriginalMessage());
            }
            if (body == null || body.isMissingNode()) {
                throw notJson(url, "the body is empty");
            }
            output.set("body", body);
        } else {
            output.put("body", new String(response.body(), charset(contentType)));
        }
        return output;
    }

    /**
     * The JDK gives header names in lower case and does not keep the case the server used, which
     * {@code requests} keeps; we write them in the usual {@code Content-Type} form.
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
