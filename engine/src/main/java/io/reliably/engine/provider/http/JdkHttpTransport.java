package io.reliably.engine.provider.http;

import io.reliably.engine.provider.Cancellation;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Sends on the JDK {@link HttpClient}, which can send any method and keeps connections alive between
 * activities: the transport for a long-lived JVM such as Jenkins, and for what
 * {@link UrlConnectionTransport} cannot send. Clients are built on first use and reused. Thread-safe.
 */
public final class JdkHttpTransport implements HttpTransport {

    private final HttpClients clients = new HttpClients();
    private final BodyDeadlines bodies = new BodyDeadlines();

    @Override
    public boolean canSend(PreparedRequest request) {
        return true;
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException when a header is one the JDK client refuses (such as {@code Host});
     *     the message names the header, never its value
     */
    @Override
    public ReceivedResponse send(PreparedRequest request, Cancellation cancellation)
            throws IOException, InterruptedException {
        HttpRequest httpRequest = httpRequest(request);
        HttpClient client = clients.get(request.verifyTls(), request.connectTimeout());
        HttpResponse<byte[]> response = exchange(client, httpRequest, request.readTimeout(), cancellation);
        List<HttpHeader> headers = new ArrayList<>();
        for (Map.Entry<String, List<String>> header : response.headers().map().entrySet()) {
            if (!header.getKey().startsWith(":")) {
                header.getValue().forEach(value -> headers.add(new HttpHeader(header.getKey(), value)));
            }
        }
        return new ReceivedResponse(response.statusCode(), headers, response.body());
    }

    private static HttpRequest httpRequest(PreparedRequest request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(request.uri()).timeout(request.readTimeout());
        for (HttpHeader header : request.headers()) {
            try {
                builder.header(header.name(), header.value());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("header '" + header.name()
                        + "' cannot be sent by the JDK HTTP client (a restricted or invalid header; "
                        + "restricted ones are allowed with -Djdk.httpclient.allowRestrictedHeaders=<name>)");
            }
        }
        builder.method(request.method(), request.body() == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        return builder.build();
    }

    /**
     * One exchange on the calling thread. {@link HttpClient#send} is markedly faster than
     * {@code sendAsync(...).get()} (no hand-over to another thread), and it aborts the exchange when
     * its thread is interrupted: so a cancellation, or a body that stalls ({@link BodyWatch}),
     * interrupts this thread, and only while the exchange is in progress.
     */
    private HttpResponse<byte[]> exchange(HttpClient client, HttpRequest request, Duration readTimeout,
            Cancellation cancellation) throws IOException, InterruptedException {
        CallerInterrupt interrupt = new CallerInterrupt(Thread.currentThread());
        BodyWatch body = new BodyWatch(bodies, readTimeout, interrupt);
        AutoCloseable registration = cancellation.onCancel(interrupt::fire);
        try {
            return client.send(request, body);
        } catch (InterruptedException e) {
            if (body.expired() && !cancellation.isCancelled()) {
                throw new HttpTimeoutException("no data of the response body within " + readTimeout);
            }
            throw e;
        } finally {
            body.done();
            interrupt.disarm();
            try {
                registration.close();
            } catch (Exception e) {
                // unregistering cannot fail
            }
        }
    }
}
