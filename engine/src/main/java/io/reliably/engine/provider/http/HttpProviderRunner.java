package io.reliably.engine.provider.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.reliably.engine.experiment.HttpProvider;
import io.reliably.engine.provider.ActivityFailedException;
import io.reliably.engine.provider.Cancellation;
import io.reliably.engine.provider.ProviderRunner;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.Locale;
import java.util.Set;
import javax.net.ssl.SSLException;

/**
 * Runs an http provider as Chaos Toolkit's {@code provider/http.py} does with {@code requests}, on the
 * JDK {@link HttpClient}. The status is not checked: a 500 is an output, not a failure. Only a
 * connection error, a timeout or a cancellation fails the activity. Thread-safe; clients are built on
 * first use and reused.
 */
public final class HttpProviderRunner implements ProviderRunner<HttpProvider> {

    /** Methods urllib3 retries after a read error (not only a connection error). */
    private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "PUT", "DELETE", "OPTIONS", "TRACE");

    private final HttpClients clients = new HttpClients();
    private final ResponseReader responses = new ResponseReader();

    @Override
    public JsonNode run(HttpProvider provider, Cancellation cancellation) throws ActivityFailedException {
        checkNotCancelled(cancellation);
        JsonNode urlNode = provider.url();
        if (urlNode == null || !urlNode.isTextual() || urlNode.textValue().isEmpty()) {
            throw new ActivityFailedException("the http provider's url must be a non-empty string");
        }
        String url = urlNode.textValue();
        String shown = withoutCredentials(url);
        String method = provider.method() == null ? "GET" : provider.method().toUpperCase(Locale.ROOT);
        HttpTimeout timeout;
        try {
            timeout = HttpTimeout.parse(provider.timeout());
        } catch (IllegalArgumentException e) {
            throw new ActivityFailedException("cannot call " + shown + ": " + e.getMessage());
        }
        HttpRequest request = RequestFactory.request(provider, url, shown, method, timeout);
        boolean verifyTls = provider.verifyTls() || !"https".equalsIgnoreCase(request.uri().getScheme());
        HttpClient client = clients.get(verifyTls, timeout.connect());
        HttpResponse<byte[]> response = send(client, request, shown, method, provider.maxRetries(), timeout,
                cancellation);
        return responses.output(response, shown);
    }

    /** The URL as messages show it: without a {@code user:password@} part. */
    static String withoutCredentials(String url) {
        int scheme = url.indexOf("://");
        int at = url.indexOf('@');
        if (scheme < 0 || at < scheme) {
            return url;
        }
        int end = url.length();
        for (char c : new char[] {'/', '?', '#'}) {
            int i = url.indexOf(c, scheme + 3);
            if (i >= 0 && i < end) {
                end = i;
            }
        }
        int lastAt = url.lastIndexOf('@', end);
        return lastAt < scheme ? url : url.substring(0, scheme + 3) + url.substring(lastAt + 1);
    }

    private HttpResponse<byte[]> send(HttpClient client, HttpRequest request, String url, String method,
            int maxRetries, HttpTimeout timeout, Cancellation cancellation) throws ActivityFailedException {
        for (int attempt = 0; ; attempt++) {
            try {
                return exchange(client, request, cancellation);
            } catch (IOException e) {
                boolean retry = attempt < maxRetries && (isConnectError(e) || IDEMPOTENT.contains(method));
                if (retry && !cancellation.isCancelled()) {
                    continue;
                }
                checkNotCancelled(cancellation);
                throw failure(e, url, timeout);
            }
        }
    }

    /**
     * One exchange on the calling thread. {@link HttpClient#send} is markedly faster than
     * {@code sendAsync(...).get()} (no hand-over to another thread), and it aborts the exchange when
     * its thread is interrupted: so a cancellation interrupts this thread, and only while the
     * exchange is in progress.
     */
    private static HttpResponse<byte[]> exchange(HttpClient client, HttpRequest request, Cancellation cancellation)
            throws IOException, ActivityFailedException {
        CallerInterrupt interrupt = new CallerInterrupt(Thread.currentThread());
        AutoCloseable registration = cancellation.onCancel(interrupt::fire);
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            if (cancellation.isCancelled()) {
                throw interrupted(cancellation);
            }
            Thread.currentThread().interrupt();
            throw new ActivityFailedException("interrupted: the thread running the activity was interrupted");
        } finally {
            interrupt.disarm();
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
}
