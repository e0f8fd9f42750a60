package io.reliably.engine.sli.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.reliably.engine.sli.IndicatorException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends a {@link HttpQuery} and returns its JSON answer. Every call is bounded: a connect timeout, and
 * a read timeout covering the status, headers and body. Failures become {@link IndicatorException}s
 * whose messages name the request (method and address, never its query or headers).
 */
public final class JsonHttp {

    private static final int SNIPPET = 300;

    private final HttpClient client;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final ObjectMapper mapper = new ObjectMapper();

    public JsonHttp(Duration connectTimeout, Duration readTimeout) {
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /** @throws IndicatorException when there is no 2xx JSON answer in time */
    public JsonNode fetch(HttpQuery query) throws IndicatorException {
        HttpRequest request = toRequest(query);
        HttpResponse<String> response = send(query, request);
        int status = response.statusCode();
        String body = response.body() == null ? "" : response.body();
        if (status < 200 || status > 299) {
            throw new IndicatorException("HTTP " + status + " from " + query.describe()
                    + (body.isBlank() ? "" : ": " + snippet(body)));
        }
        try {
            JsonNode json = mapper.readTree(body);
            if (json == null || json.isMissingNode()) {
                throw new IndicatorException("empty response from " + query.describe() + ", expected JSON");
            }
            return json;
        } catch (JsonProcessingException e) {
            throw new IndicatorException("the response from " + query.describe() + " is not JSON: " + snippet(body));
        }
    }

    private HttpRequest toRequest(HttpQuery query) throws IndicatorException {
        try {
            HttpRequest.Builder builder = HttpRequest.newBuilder(query.uri()).timeout(readTimeout);
            query.headers().forEach(builder::header);
            if (query.body() != null) {
                if (query.headers().keySet().stream().noneMatch(h -> h.equalsIgnoreCase("Content-Type"))) {
                    builder.header("Content-Type", "application/json");
                }
                builder.method(query.method(), HttpRequest.BodyPublishers.ofString(query.body()));
            } else {
                builder.method(query.method(), HttpRequest.BodyPublishers.noBody());
            }
            if (query.headers().keySet().stream().noneMatch(h -> h.equalsIgnoreCase("Accept"))) {
                builder.header("Accept", "application/json");
            }
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw new IndicatorException("cannot send " + query.describe() + ": " + e.getMessage());
        }
    }

    private HttpResponse<String> send(HttpQuery query, HttpRequest request) throws IndicatorException {
        CompletableFuture<HttpResponse<String>> future =
                client.sendAsync(request, HttpResponse.BodyHandlers.ofString());
        try {
            // The request timeout covers the headers; this bound also covers a body that trickles.
            return future.get(readTimeout.toMillis() + connectTimeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new IndicatorException("no answer from " + query.describe() + " within " + seconds(readTimeout));
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new IndicatorException("interrupted while querying " + query.describe());
        } catch (ExecutionException e) {
            throw new IndicatorException(describe(query, e.getCause()));
        }
    }

    private String describe(HttpQuery query, Throwable cause) {
        if (cause instanceof HttpConnectTimeoutException) {
            return "no connection to " + query.describe() + " within " + seconds(connectTimeout);
        }
        if (cause instanceof HttpTimeoutException) {
            return "no answer from " + query.describe() + " within " + seconds(readTimeout);
        }
        if (cause instanceof ConnectException) {
            return "cannot connect to " + query.describe()
                    + (cause.getMessage() == null ? "" : " (" + cause.getMessage() + ")");
        }
        if (cause instanceof IOException && cause.getCause() instanceof ConnectException connect) {
            return "cannot connect to " + query.describe()
                    + (connect.getMessage() == null ? "" : " (" + connect.getMessage() + ")");
        }
        String message = cause == null ? "unknown error" : cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        return "request " + query.describe() + " failed: " + message;
    }

    private static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? (millis / 1000) + " s" : millis + " ms";
    }

    private static String snippet(String body) {
        String flat = body.strip().replaceAll("\\s+", " ");
        return flat.length() <= SNIPPET ? flat : flat.substring(0, SNIPPET) + "…";
    }
}
