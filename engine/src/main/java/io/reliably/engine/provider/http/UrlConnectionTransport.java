package io.reliably.engine.provider.http;

import io.reliably.engine.provider.Cancellation;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLSocketFactory;

/**
 * Sends on {@link HttpURLConnection}: blocking and small, so fast in a fresh JVM where the JDK
 * {@code HttpClient} is not (a command-line run of 500 probes spends most of its time in a cold
 * {@code HttpClient}; see {@code docs/performance.md}). It sends only what it can send exactly as
 * {@link JdkHttpTransport} would ({@link #canSend}); redirects follow the JDK client's rules (five
 * requests in all, then the last redirect is the response; 301/302 turn a {@code POST} into a
 * {@code GET}, 303 anything into a {@code GET}, 307/308 keep it). The read timeout bounds each wait
 * for data, as in {@code requests}. One difference remains on the wire: Java 17's client sends
 * {@code Content-Length: 0} on every request without a body, a {@code GET} included (JDK-8283544); this
 * one sends none, as {@code requests} does for a {@code GET}.
 *
 * <p>Cancellation: {@code HttpURLConnection} cannot abort a connect in progress from another thread (it
 * ends by its timeout), while closing the connection aborts anything after it. So a request that may
 * need a new connection runs on a pooled daemon thread while the caller waits, and a cancellation
 * releases the caller at once (the pooled exchange ends by itself, and sends nothing if it connects
 * after the cancellation). A request to an origin whose last exchange ended less than two seconds ago
 * on a kept-alive connection reuses that connection, so it runs on the caller's thread and a
 * cancellation closes the connection: in a tight loop of probes this saves two thread switches per
 * request (about an eighth of a 500-probe command-line run). One case remains where a cancellation waits
 * for the connect timeout: the kept-alive connection turns out closed by the server, {@code
 * HttpURLConnection} silently reconnects, and the host does not answer the new connection. Thread-safe.
 */
public final class UrlConnectionTransport implements HttpTransport {

    private static final Set<String> METHODS = Set.of("GET", "HEAD", "DELETE", "OPTIONS", "TRACE", "POST", "PUT");
    private static final Set<String> BODY_METHODS = Set.of("POST", "PUT", "DELETE");
    /**
     * Headers {@code HttpURLConnection} drops silently or manages itself, and those the JDK client
     * refuses: a request with one of them goes to {@link JdkHttpTransport}, which sends it or says why not.
     */
    private static final Set<String> UNSENDABLE = Set.of("access-control-request-headers",
            "access-control-request-method", "connection", "content-length", "content-transfer-encoding", "expect",
            "host", "keep-alive", "origin", "te", "trailer", "transfer-encoding", "upgrade", "via");
    /** As the JDK client: five requests in all, then the last redirect is the response. */
    private static final int MAX_REQUESTS = 5;
    /**
     * How long after an exchange its kept-alive connection counts as live: well within the JDK's own
     * five seconds of keeping an idle connection (and most servers' own idle timeouts).
     */
    private static final long LIVE_NANOS = TimeUnit.SECONDS.toNanos(2);

    private final ThreadPoolExecutor exchanges;
    private final LiveOrigins liveOrigins = new LiveOrigins();
    private volatile SSLSocketFactory trustAll;

    public UrlConnectionTransport() {
        AtomicInteger count = new AtomicInteger();
        exchanges = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), task -> {
            Thread thread = new Thread(task, "reliably-http-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public boolean canSend(PreparedRequest request) {
        if (!METHODS.contains(request.method())) {
            return false; // PATCH and custom methods
        }
        if (request.body() != null && (!BODY_METHODS.contains(request.method()) || request.header("Content-Type") == null)) {
            return false; // it would add a form Content-Type of its own, or refuse the body
        }
        if (request.body() == null && BODY_METHODS.contains(request.method()) && !"DELETE".equals(request.method())) {
            return false; // a POST or PUT without a body: it would send no Content-Length
        }
        for (HttpHeader header : request.headers()) {
            if (UNSENDABLE.contains(header.name().toLowerCase(Locale.ROOT)) || !isToken(header.name())
                    || !isPlainValue(header.value())) {
                return false;
            }
        }
        return true;
    }

    @Override
    public ReceivedResponse send(PreparedRequest request, Cancellation cancellation)
            throws IOException, InterruptedException {
        URI uri = request.uri();
        String method = request.method();
        byte[] body = request.body();
        for (int requests = 1; ; requests++) {
            Hop hop = new Hop(request, uri, method, body);
            String origin = origin(uri);
            ReceivedResponse response;
            try {
                response = liveOrigins.isLive(origin) ? hop.runHere(cancellation) : hop.runOnPool(cancellation);
            } catch (IOException | RuntimeException e) {
                liveOrigins.forget(origin); // its connection may be gone: the next request may need to connect
                throw e;
            }
            liveOrigins.record(origin, response);
            int status = response.status();
            String location = status >= 301 && status <= 308 && status != 304 && status != 305 && status != 306
                    ? response.header("Location") : null;
            if (location == null || requests == MAX_REQUESTS) {
                return response; // after five requests, the last redirect is the answer, as with the JDK client
            }
            uri = uri.resolve(location.trim());
            if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())
                    || uri.getHost() == null) {
                throw new IOException("a redirect to a URL that is not http or https with a host is not followed");
            }
            if (status == 303 || (status <= 302 && "POST".equals(method))) {
                method = "GET";
                body = null;
            }
        }
    }

    private static String origin(URI uri) {
        return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":"
                + uri.getPort();
    }

    /** One request on one connection: no redirect followed. */
    private final class Hop implements Runnable {

        final CompletableFuture<ReceivedResponse> result = new CompletableFuture<>();
        private final PreparedRequest request;
        private final URI uri;
        private final String method;
        private final byte[] body;
        private volatile HttpURLConnection connection;
        private volatile boolean aborted;

        Hop(PreparedRequest request, URI uri, String method, byte[] body) {
            this.request = request;
            this.uri = uri;
            this.method = method;
            this.body = body;
        }

        /**
         * On the caller's thread: for an origin with a live kept-alive connection, so no blocking
         * connect is expected, and a cancellation aborts the exchange by closing its connection.
         */
        ReceivedResponse runHere(Cancellation cancellation) throws IOException {
            AutoCloseable registration = cancellation.onCancel(this::abort);
            try {
                return once();
            } catch (IOException e) {
                throw aborted ? cancelled() : e;
            } finally {
                close(registration);
            }
        }

        /** On a pooled thread while the caller waits: a cancellation releases the caller at once. */
        ReceivedResponse runOnPool(Cancellation cancellation) throws IOException, InterruptedException {
            AutoCloseable registration = cancellation.onCancel(this::abort);
            try {
                exchanges.execute(this);
                return result.get();
            } catch (InterruptedException e) {
                abort();
                throw e;
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof IOException io) {
                    throw io;
                }
                if (cause instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new IOException(cause);
            } finally {
                close(registration);
            }
        }

        void abort() {
            aborted = true;
            result.completeExceptionally(cancelled());
            HttpURLConnection current = connection;
            if (current != null) {
                current.disconnect();
            }
        }

        @Override
        public void run() {
            try {
                result.complete(once());
            } catch (IOException | RuntimeException e) {
                result.completeExceptionally(e);
            } finally {
                if (aborted && connection != null) {
                    connection.disconnect();
                }
            }
        }

        private ReceivedResponse once() throws IOException {
            if (aborted) {
                throw cancelled();
            }
            // the JVM's default proxy selector, as the JDK client uses it (-Dhttps.proxyHost=...)
            HttpURLConnection http = (HttpURLConnection) uri.toURL().openConnection();
            connection = http;
            http.setConnectTimeout(millis(request.connectTimeout().toMillis()));
            http.setReadTimeout(millis(request.readTimeout().toMillis()));
            http.setInstanceFollowRedirects(false);
            if (!request.verifyTls() && http instanceof HttpsURLConnection https) {
                https.setSSLSocketFactory(trustAll());
                https.setHostnameVerifier((host, session) -> true);
            }
            http.setRequestMethod(method);
            for (HttpHeader header : request.headers()) {
                if (body != null || !header.name().equalsIgnoreCase("Content-Type") || method.equals(request.method())) {
                    http.addRequestProperty(header.name(), header.value());
                }
            }
            if (body != null) {
                http.setDoOutput(true);
                http.setFixedLengthStreamingMode(body.length);
            }
            try {
                http.connect();
            } catch (SocketTimeoutException e) {
                throw new HttpConnectTimeoutException("no connection within " + request.connectTimeout());
            }
            if (aborted) {
                throw cancelled(); // connected after the cancellation: the request is not sent
            }
            try {
                if (body != null) {
                    try (OutputStream out = http.getOutputStream()) {
                        out.write(body);
                    }
                }
                int status = http.getResponseCode();
                List<HttpHeader> headers = new ArrayList<>();
                for (int i = 0; ; i++) {
                    String value = http.getHeaderField(i);
                    if (value == null) {
                        break;
                    }
                    String name = http.getHeaderFieldKey(i);
                    if (name != null) {
                        headers.add(new HttpHeader(name, value));
                    }
                }
                byte[] content;
                try (InputStream in = status >= 400 ? http.getErrorStream() : http.getInputStream()) {
                    content = in == null ? new byte[0] : in.readAllBytes();
                }
                return new ReceivedResponse(status, headers, content);
            } catch (SocketTimeoutException e) {
                throw new HttpTimeoutException("no response within " + request.readTimeout());
            }
        }
    }

    private static InterruptedIOException cancelled() {
        return new InterruptedIOException("the exchange was cancelled");
    }

    private static void close(AutoCloseable registration) {
        try {
            registration.close();
        } catch (Exception e) {
            // unregistering cannot fail
        }
    }

    /** Origins whose kept-alive connection is live, by when their last exchange ended. */
    private static final class LiveOrigins {

        private final java.util.concurrent.ConcurrentHashMap<String, Long> endedAt =
                new java.util.concurrent.ConcurrentHashMap<>();

        boolean isLive(String origin) {
            Long ended = endedAt.get(origin);
            return ended != null && System.nanoTime() - ended < LIVE_NANOS;
        }

        /** After a response: the connection stays open unless the server said {@code Connection: close}. */
        void record(String origin, ReceivedResponse response) {
            String connection = response.header("Connection");
            if (connection != null && connection.toLowerCase(Locale.ROOT).contains("close")) {
                endedAt.remove(origin);
            } else {
                endedAt.put(origin, System.nanoTime());
            }
        }

        void forget(String origin) {
            endedAt.remove(origin);
        }
    }

    private static int millis(long millis) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, millis));
    }

    private SSLSocketFactory trustAll() {
        SSLSocketFactory factory = trustAll;
        if (factory == null) {
            factory = TrustAllTrustManager.context().getSocketFactory();
            trustAll = factory;
        }
        return factory;
    }

    /** An RFC 9110 token, as the JDK client requires of a header name. */
    private static boolean isToken(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = c > 32 && c < 127 && "\"(),/:;<=>?@[\\]{}".indexOf(c) < 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** No control character, nothing beyond Latin-1: what both clients send unchanged. */
    private static boolean isPlainValue(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 32 && c != '\t') || c == 127 || c > 255) {
                return false;
            }
        }
        return true;
    }
}
