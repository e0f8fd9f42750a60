package io.reliably.engine.provider.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.reliably.engine.experiment.HttpProvider;
import io.reliably.engine.provider.ActivityFailedException;
import io.reliably.engine.provider.Cancellation;
import io.reliably.engine.provider.ProviderRunner;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.Locale;
import java.util.Set;
import javax.net.ssl.SSLException;

/**
 * Runs an http provider as Chaos Toolkit's {@code provider/http.py} does with {@code requests}: it
 * prepares the request ({@link RequestFactory}), sends it on an {@link HttpTransport} and turns the
 * response into the output ({@link ResponseReader}). The status is not checked: a 500 is an output, not a
 * failure. Only a connection error, a timeout or a cancellation fails the activity. Thread-safe;
 * connections are kept alive between activities.
 */
public final class HttpProviderRunner implements ProviderRunner<HttpProvider> {

    /** Methods urllib3 retries after a read error (not only a connection error). */
    private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "PUT", "DELETE", "OPTIONS", "TRACE");

    private final HttpTransport preferred;
    private final JdkHttpTransport jdk;
    private final ResponseReader responses = new ResponseReader();

    /** Sends on the JDK {@code HttpClient}: right for a long-lived JVM, such as Jenkins. */
    public HttpProviderRunner() {
        this(null);
    }

    /**
     * @param preferred the transport for every request it {@linkplain HttpTransport#canSend can send}
     *     (the JDK {@code HttpClient} sends the others), or {@code null} for the JDK client alone
     */
    public HttpProviderRunner(HttpTransport preferred) {
        this.jdk = preferred instanceof JdkHttpTransport given ? given : new JdkHttpTransport();
        this.preferred = preferred == null ? jdk : preferred;
    }

    @Override
    public JsonNode run(HttpProvider provider, Cancellation cancellation) throws ActivityFailedException {
        checkNotCancelled(cancellation);
        JsonNode urlNode = provider.url();
        if (urlNode == null || !urlNode.isTextual() || urlNode.textValue().isEmpty()) {
            throw new ActivityFailedException("the http provider's url must be a non-empty string");
        }
        String url = urlNode.textValue();
        String shown = RequestFactory.withoutCredentials(url);
        String method = provider.method() == null ? "GET" : provider.method().toUpperCase(Locale.ROOT);
        HttpTimeout timeout;
        try {
            timeout = HttpTimeout.parse(provider.timeout());
        } catch (IllegalArgumentException e) {
            throw new ActivityFailedException("cannot call " + shown + ": " + e.getMessage());
        }
        PreparedRequest request = RequestFactory.request(provider, url, shown, method, timeout);
        HttpTransport transport = preferred.canSend(request) ? preferred : jdk;
        ReceivedResponse response = send(transport, request, provider.maxRetries(), cancellation);
        return responses.output(response, shown);
    }

    private static ReceivedResponse send(HttpTransport transport, PreparedRequest request, int maxRetries,
            Cancellation cancellation) throws ActivityFailedException {
        String url = request.shownUrl();
        for (int attempt = 0; ; attempt++) {
            try {
                return transport.send(request, cancellation);
            } catch (IllegalArgumentException e) {
                throw new ActivityFailedException("cannot call " + url + ": " + e.getMessage());
            } catch (InterruptedException e) {
                if (cancellation.isCancelled()) {
                    throw interrupted(cancellation);
                }
                Thread.currentThread().interrupt();
                throw new ActivityFailedException("interrupted: the thread running the activity was interrupted");
            } catch (IOException e) {
                boolean retry = attempt < maxRetries && (isConnectError(e) || IDEMPOTENT.contains(request.method()));
                if (retry && !cancellation.isCancelled()) {
                    continue;
                }
                checkNotCancelled(cancellation);
                throw failure(e, request);
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

    private static ActivityFailedException failure(Throwable cause, PreparedRequest request) {
        String url = request.shownUrl();
        if (cause instanceof HttpConnectTimeoutException) {
            return new ActivityFailedException("failed to connect to " + url + ": no connection within "
                    + HttpTimeout.describe(request.connectTimeout()));
        }
        if (cause instanceof HttpTimeoutException) {
            return new ActivityFailedException("activity took too long to complete: no response from " + url
                    + " within " + HttpTimeout.describe(request.readTimeout()));
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
